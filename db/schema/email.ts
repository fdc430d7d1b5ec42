import { bigserial, index, integer, jsonb, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { locale } from "./enums";

export const outboxStatus = pgEnum("outbox_status", ["pending", "sent", "dev_delivered", "failed"]);

/**
 * Every e-mail is written here in the same transaction as the business change that causes it;
 * a graphile-worker job (keyed by the row id) delivers it.
 */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    template: text().notNull(),
    toAddress: text().notNull(),
    locale: locale().notNull(),
    props: jsonb().notNull().$type<Record<string, unknown>>(),
    subject: text(),
    status: outboxStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    lastError: text(),
    providerId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("email_outbox_created_idx").on(t.createdAt), index("email_outbox_status_idx").on(t.status)],
);
