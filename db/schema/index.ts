export * from "./enums";
export * from "./auth";
export * from "./network";
export * from "./network-records";
export * from "./audit";
export * from "./email";
export * from "./network-imports";
export * from "./company";
