import { sql } from "drizzle-orm";
import { locale } from "./enums";
import { bigint, bigserial, check, customType, date, index, integer, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

export const consultantStatus = pgEnum("consultant_status", ["active", "inactive", "terminated"]);

/**
 * Identifiers (codes, e-mails, document numbers) compare byte-wise: they have no language order,
 * and C-collated keys sort several times faster than locale ones when a 1M-row import builds
 * their unique indexes (docs/benchmarks.md).
 */
const identifier = customType<{ data: string }>({ dataType: () => 'text COLLATE "C"' });

/**
 * The sales force. Adjacency is the truth for both trees: `sponsorId` (who enrolled whom) and
 * `placementParentId` + `placementSlot` (binary legs 1 = left, 2 = right, or matrix positions).
 * The derived ancestry structure lives in `genealogy` (below), maintained in the same transaction.
 */
export const consultants = pgTable(
  "consultants",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    code: identifier().notNull(),
    fullName: text().notNull(),
    email: identifier().notNull(),
    phone: text(),
    status: consultantStatus().notNull().default("active"),
    sponsorId: bigint({ mode: "number" }).references((): any => consultants.id),
    placementParentId: bigint({ mode: "number" }).references((): any => consultants.id),
    placementSlot: smallint(),
    documentType: identifier(),
    documentNumber: identifier(),
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
    // Number first: the same index answers a lookup by number alone (any type).
    uniqueIndex("consultants_document_key").on(t.documentNumber, t.documentType),
    uniqueIndex("consultants_email_key").on(sql`lower(${t.email})`),
    index("consultants_name_trgm_idx").using("gin", sql`immutable_unaccent(lower(${t.fullName})) gin_trgm_ops`),
  ],
);

/** Byte-ordered text, so a subtree is one index range: `path >= p and path < p || '~'`. */
const treePath = customType<{ data: string }>({ dataType: () => 'text COLLATE "C"' });

/**
 * The sponsor tree's maintained ancestry, one row per consultant, kept narrow on purpose: a
 * subtree move rewrites the paths of every moved row, and each index here is paid per row
 * (measured in docs/network-storage.md: ~1 s per btree per 100k moved rows).
 * A path is the chain of ids from the root down to the consultant, each id as a fixed-width
 * base-36 segment (see server/network/tree/path.ts). Counters are descendants, not counted on read.
 * Status, rank, the folded name (`name_key` = unaccented lower-case full name, compared byte-wise)
 * and join date are copied by trigger, so a downline page walks one index inside one row.
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
    status: consultantStatus().notNull(),
    rank: text(),
    nameKey: treePath().notNull(),
    joinedAt: date({ mode: "string" }).notNull(),
  },
  (t) => [
    // Migration 0008 makes this one unique and covering: (sponsor_path) INCLUDE (sponsor_depth, status, consultant_id).
    index("genealogy_sponsor_path_idx").on(t.sponsorPath),
    index("genealogy_name_key_idx").on(t.nameKey, t.consultantId),
    index("genealogy_joined_at_idx").on(t.joinedAt, t.consultantId),
  ],
);

/**
 * The placement tree's maintained ancestry, apart from `genealogy` so that a move in one tree
 * rewrites no index entry of the other. `size` counts everyone below in the placement tree; a
 * leg's size is its child's size + 1. Only placed consultants (and the root) have a row.
 */
export const placementTree = pgTable(
  "placement_tree",
  {
    consultantId: bigint({ mode: "number" })
      .primaryKey()
      .references(() => consultants.id, { onDelete: "cascade" }),
    path: treePath().notNull(),
    depth: integer().notNull(),
    size: integer().notNull().default(0),
  },
  (t) => [uniqueIndex("placement_tree_path_key").on(t.path)],
);
