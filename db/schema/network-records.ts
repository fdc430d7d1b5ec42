import { bigint, bigserial, boolean, index, integer, jsonb, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { consultants, consultantStatus } from "./network";

/** Every status change, with its reason: the lifecycle history shown on the profile. */
export const consultantStatusHistory = pgTable(
  "consultant_status_history",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    consultantId: bigint({ mode: "number" })
      .notNull()
      .references(() => consultants.id),
    fromStatus: consultantStatus(),
    toStatus: consultantStatus().notNull(),
    reason: text().notNull(),
    actorUserId: uuid().references(() => users.id),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("consultant_status_history_consultant_idx").on(t.consultantId, t.at)],
);

export const restrictedKind = pgEnum("restricted_kind", ["document", "email", "phone"]);

/**
 * "Listas restritas": documents, e-mails and phones that may not enrol or be put on a profile.
 * `value` is normalised (document: TYPE:number, e-mail lower-cased, phone digits only).
 */
export const restrictedEntries = pgTable(
  "restricted_entries",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    kind: restrictedKind().notNull(),
    value: text().notNull(),
    reason: text().notNull(),
    active: boolean().notNull().default(true),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("restricted_entries_kind_value_key").on(t.kind, t.value)],
);

/** Each refused attempt that hit a list; the person refused is never told which list. */
export const restrictedHits = pgTable(
  "restricted_hits",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    entryId: bigint({ mode: "number" })
      .notNull()
      .references(() => restrictedEntries.id),
    context: text().notNull(),
    actorUserId: uuid().references(() => users.id),
    consultantId: bigint({ mode: "number" }).references(() => consultants.id),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("restricted_hits_entry_idx").on(t.entryId, t.at)],
);

export const changeSetKind = pgEnum("change_set_kind", ["move", "termination", "revert"]);
export const changeSetStatus = pgEnum("change_set_status", ["draft", "committed", "discarded"]);

/**
 * A change to the trees: drafted, previewed, then committed atomically by someone with
 * network.move. A committed change-set is undone by a new "revert" change-set, never edited.
 */
export const changeSets = pgTable(
  "change_sets",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    kind: changeSetKind().notNull(),
    status: changeSetStatus().notNull().default("draft"),
    note: text().notNull().default(""),
    revertsId: bigint({ mode: "number" }),
    revertedById: bigint({ mode: "number" }),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    committedBy: uuid().references(() => users.id),
    committedAt: timestamp({ withTimezone: true }),
    /** What commit did (moved counts, old and new chains), kept for the record and the revert. */
    result: jsonb(),
  },
  (t) => [index("change_sets_status_idx").on(t.status, t.createdAt)],
);

/**
 * One consultant moved by a change-set. `withDownline` false moves the consultant alone in the
 * sponsor tree: their direct sponsor downline rolls up to their old sponsor first. A placement
 * move always carries the placement subtree (a binary position cannot absorb two legs).
 * The old_* columns are filled at commit, so a revert knows where everyone was.
 */
export const changeSetItems = pgTable(
  "change_set_items",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    changeSetId: bigint({ mode: "number" })
      .notNull()
      .references(() => changeSets.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    consultantId: bigint({ mode: "number" })
      .notNull()
      .references(() => consultants.id),
    withDownline: boolean().notNull().default(true),
    newSponsorId: bigint({ mode: "number" }).references(() => consultants.id),
    newPlacementParentId: bigint({ mode: "number" }).references(() => consultants.id),
    newPlacementSlot: smallint(),
    oldSponsorId: bigint({ mode: "number" }),
    oldPlacementParentId: bigint({ mode: "number" }),
    oldPlacementSlot: smallint(),
  },
  (t) => [index("change_set_items_set_idx").on(t.changeSetId, t.position)],
);
