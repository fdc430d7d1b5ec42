import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { locale } from "./enums";
import { consultants } from "./network";

export const roleName = pgEnum("role_name", [
  "admin",
  "field_manager",
  "finance",
  "support",
  "marketing",
  "consultant",
]);

export const userStatus = pgEnum("user_status", ["active", "inactive"]);

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    status: userStatus().notNull().default("active"),
    locale: locale().notNull().default("pt-BR"),
    consultantId: bigint({ mode: "number" }).references(() => consultants.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // E-mails are stored lower-cased; the unique index is the last line of defence.
    uniqueIndex("users_email_key").on(t.email),
    uniqueIndex("users_consultant_key").on(t.consultantId),
    check("users_email_lower", sql`${t.email} = lower(${t.email})`),
  ],
);

export const userRoles = pgTable(
  "user_roles",
  {
    userId: uuid().notNull().references(() => users.id, { onDelete: "cascade" }),
    role: roleName().notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

/** Single-use, expiring password-reset tokens; only a SHA-256 of the token is stored. */
export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    tokenHash: text().primaryKey(),
    userId: uuid().notNull().references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("password_reset_tokens_user_idx").on(t.userId)],
);

/**
 * Rate-limit buckets kept in Postgres so limits hold across app instances.
 * One row per (scope, key, window start).
 */
export const rateLimitHits = pgTable(
  "rate_limit_hits",
  {
    scope: text().notNull(),
    key: text().notNull(),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    hits: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.key, t.windowStart] }),
    index("rate_limit_hits_window_idx").on(t.windowStart),
  ],
);

