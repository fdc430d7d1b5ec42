import { sql } from "drizzle-orm";
import { bigint, bigserial, check, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { consultants } from "./network";

/**
 * The double-entry ledger. Accounts belong to the company or to one consultant; a journal entry's
 * postings sum to zero per currency (a deferred constraint trigger checks it at commit); entries and
 * postings are append-only (triggers), so a correction is a reversing entry (`reverses_entry_id`).
 * Sign convention: debit positive, credit negative.
 */
export const accountKind = pgEnum("account_kind", [
  "receivable", // consultant: what they (or their customers through them) owe the company
  "wallet", // consultant: commissions payable to them
  "revenue", // company
  "returns", // company: sales returns (contra-revenue)
  "cash", // company: money received
  "commissions_expense", // company
]);

export const accounts = pgTable(
  "accounts",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    kind: accountKind().notNull(),
    consultantId: bigint({ mode: "number" }).references(() => consultants.id),
    currency: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("accounts_owner_key").on(t.kind, sql`coalesce(${t.consultantId}, 0)`, t.currency),
    check("accounts_owner", sql`(${t.kind} in ('receivable', 'wallet')) = (${t.consultantId} is not null)`),
  ],
);

export const journalEntries = pgTable(
  "journal_entries",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    kind: text().notNull(), // order.invoiced, payment.received, credit_note, debit_note, reversal, …
    memo: text().notNull(),
    sourceType: text(),
    sourceId: text(),
    reversesEntryId: bigint({ mode: "number" }),
    createdBy: uuid().references(() => users.id),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("journal_entries_source_idx").on(t.sourceType, t.sourceId),
    uniqueIndex("journal_entries_reverses_key").on(t.reversesEntryId),
  ],
);

export const postings = pgTable(
  "postings",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    entryId: bigint({ mode: "number" })
      .notNull()
      .references(() => journalEntries.id),
    accountId: bigint({ mode: "number" })
      .notNull()
      .references(() => accounts.id),
    amount: bigint({ mode: "number" }).notNull(),
    currency: text().notNull(),
  },
  (t) => [index("postings_account_idx").on(t.accountId, t.id), index("postings_entry_idx").on(t.entryId), check("postings_nonzero", sql`${t.amount} <> 0`)],
);
