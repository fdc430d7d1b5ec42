export * from "./enums";
export * from "./auth";
export * from "./network";
export * from "./audit";
export * from "./email";
