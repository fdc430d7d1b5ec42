import { sql } from "drizzle-orm";
import { locale } from "./enums";
import { bigint, bigserial, check, customType, date, index, integer, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

export const consultantStatus = pgEnum("consultant_status", ["active", "inactive", "terminated"]);

/**
 * The sales force. Adjacency is the truth for both trees: `sponsorId` (who enrolled whom) and
 * `placementParentId` + `placementSlot` (binary legs 1 = left, 2 = right, or matrix positions).
 * The derived ancestry structure lives in `genealogy` (below), maintained in the same transaction.
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
    placementParentId: bigint({ mode: "number" }).references((): any => consultants.id),
    placementSlot: smallint(),
    documentType: text(),
    documentNumber: text(),
    birthday: date({ mode: "string" }),
    addressLine: text(),
    postalCode: text(),
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
    uniqueIndex("consultants_placement_slot_key").on(t.placementParentId, t.placementSlot),
    uniqueIndex("consultants_document_key").on(t.documentType, t.documentNumber),
    uniqueIndex("consultants_email_key").on(sql`lower(${t.email})`),
    index("consultants_name_trgm_idx").using("gin", sql`immutable_unaccent(lower(${t.fullName})) gin_trgm_ops`),
    index("consultants_document_number_idx").on(t.documentNumber),
  ],
);

/** Byte-ordered text, so a subtree is one index range: `path >= p and path < p || '~'`. */
const treePath = customType<{ data: string }>({ dataType: () => 'text COLLATE "C"' });

/**
 * The maintained ancestry of both trees, one row per consultant, kept narrow on purpose: a
 * subtree move rewrites the paths of every moved row, and each index here is paid per row.
 * A path is the chain of ids from the root down to the consultant, each id as a fixed-width
 * base-36 segment (see server/network/tree/path.ts). Counters are descendants, not counted on read.
 * Status, rank, name and join date are copied (by trigger) so a downline page is one range scan.
 */
export const genealogy = pgTable(
  "genealogy",
  {
    consultantId: bigint({ mode: "number" })
      .primaryKey()
      .references(() => consultants.id, { onDelete: "cascade" }),
    sponsorPath: treePath().notNull(),
    sponsorDepth: integer().notNull(),
    downlineSize: integer().notNull().default(0),
    placementPath: treePath(),
    placementDepth: integer(),
    placementSize: integer().notNull().default(0),
    status: consultantStatus().notNull(),
    rank: text(),
    fullName: text().notNull(),
    joinedAt: date({ mode: "string" }).notNull(),
  },
  (t) => [
    index("genealogy_sponsor_path_idx").on(t.sponsorPath),
    index("genealogy_placement_path_idx").on(t.placementPath),
  ],
);
