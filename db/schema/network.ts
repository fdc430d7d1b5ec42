import { sql } from "drizzle-orm";
import { locale } from "./enums";
import { bigint, bigserial, check, date, index, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

export const consultantStatus = pgEnum("consultant_status", ["active", "inactive", "terminated"]);

/**
 * The sales force. `sponsorId` (who enrolled whom) is the truth for the sponsor tree; the
 * network issue adds placement and a maintained ancestry structure chosen by benchmark.
 */
export const consultants = pgTable(
  "consultants",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    code: text().notNull(),
    fullName: text().notNull(),
    email: text().notNull(),
    phone: text(),
    status: consultantStatus().notNull().default("active"),
    sponsorId: bigint({ mode: "number" }).references((): any => consultants.id),
    joinedAt: date({ mode: "string" }).notNull().default(sql`current_date`),
    city: text(),
    state: text(),
    country: text().notNull().default("BR"),
    locale: locale().notNull().default("pt-BR"),
    rank: text(),
    siteSlug: text(),
    siteName: text(),
    siteWelcome: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("consultants_code_key").on(t.code),
    uniqueIndex("consultants_site_slug_key").on(t.siteSlug),
    index("consultants_sponsor_idx").on(t.sponsorId),
    index("consultants_status_idx").on(t.status),
    index("consultants_joined_at_idx").on(t.joinedAt),
    check("consultants_not_own_sponsor", sql`${t.sponsorId} is null or ${t.sponsorId} <> ${t.id}`),
  ],
);
