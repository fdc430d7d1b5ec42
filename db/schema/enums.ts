import { pgEnum } from "drizzle-orm/pg-core";

export const locale = pgEnum("locale", ["pt-BR", "es", "en"]);
