import { alias } from "drizzle-orm/pg-core";
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { accounts, consultants, invoices, journalEntries, postings, users } from "@/db/schema";
import { offsetOf, pageInput } from "../pagination";

/** Entries a person may reverse from the ledger screen: the manual adjustments, and only those. */
export const ADJUSTMENT_SOURCE = "adjustment";

export const listEntriesSchema = pageInput.extend({
  kind: z.string().trim().max(60, { error: "errors.tooLong" }).optional(),
  consultantId: z.number().int().positive().optional(),
});

const reversal = alias(journalEntries, "reversal");

/**
 * Journal entries, newest first, each with its amount (the sum of its debits). A page asks for
 * one row more than it shows instead of counting the whole journal, so the list stays as fast at
 * millions of entries: `total` is exact on the last page and a lower bound before it.
 */
export async function listEntries(db: DbOrTx, input: z.output<typeof listEntriesSchema>) {
  const where: SQL[] = [];
  if (input.kind) where.push(eq(journalEntries.kind, input.kind));
  if (input.consultantId) {
    where.push(
      inArray(
        journalEntries.id,
        db.select({ id: postings.entryId }).from(postings).innerJoin(accounts, eq(accounts.id, postings.accountId)).where(eq(accounts.consultantId, input.consultantId)),
      ),
    );
  }
  const rows = await db
    .select({
      id: journalEntries.id,
      kind: journalEntries.kind,
      memo: journalEntries.memo,
      sourceType: journalEntries.sourceType,
      sourceId: journalEntries.sourceId,
      reversesEntryId: journalEntries.reversesEntryId,
      reversedById: reversal.id,
      at: journalEntries.at,
      amount: sql<string>`(select coalesce(sum(p.amount), 0) from postings p where p.entry_id = "journal_entries"."id" and p.amount > 0)::text`,
      currency: sql<string>`(select min(p.currency) from postings p where p.entry_id = "journal_entries"."id")`,
    })
    .from(journalEntries)
    .leftJoin(reversal, eq(reversal.reversesEntryId, journalEntries.id))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(journalEntries.id))
    .limit(input.pageSize + 1)
    .offset(offsetOf(input));
  const more = rows.length > input.pageSize;
  const page = rows.slice(0, input.pageSize).map((r) => ({ ...r, amount: Number(r.amount) }));
  return { rows: page, total: offsetOf(input) + page.length + (more ? 1 : 0), totalIsLowerBound: more, page: input.page, pageSize: input.pageSize };
}

/** The kinds of entry the journal holds, for the filter. */
export async function entryKinds(db: DbOrTx) {
  const rows = await db.selectDistinct({ kind: journalEntries.kind }).from(journalEntries).orderBy(asc(journalEntries.kind));
  return rows.map((r) => r.kind);
}

/** One entry with its postings (account, owner, amount), what it reverses or was reversed by, and its document. */
export async function entryDetail(db: DbOrTx, id: number) {
  const [entry] = await db
    .select({
      id: journalEntries.id,
      kind: journalEntries.kind,
      memo: journalEntries.memo,
      sourceType: journalEntries.sourceType,
      sourceId: journalEntries.sourceId,
      reversesEntryId: journalEntries.reversesEntryId,
      reversedById: reversal.id,
      at: journalEntries.at,
      createdByName: users.name,
    })
    .from(journalEntries)
    .leftJoin(reversal, eq(reversal.reversesEntryId, journalEntries.id))
    .leftJoin(users, eq(users.id, journalEntries.createdBy))
    .where(eq(journalEntries.id, id));
  if (!entry) return null;
  const lines = await db
    .select({
      id: postings.id,
      accountId: postings.accountId,
      kind: accounts.kind,
      consultantId: accounts.consultantId,
      consultantCode: consultants.code,
      consultantName: consultants.fullName,
      amount: postings.amount,
      currency: postings.currency,
    })
    .from(postings)
    .innerJoin(accounts, eq(accounts.id, postings.accountId))
    .leftJoin(consultants, eq(consultants.id, accounts.consultantId))
    .where(eq(postings.entryId, id))
    .orderBy(desc(postings.amount), asc(postings.id));
  // Manual adjustments and debit-note payments point at their note.
  const document = (entry.sourceType === ADJUSTMENT_SOURCE || entry.sourceType === "debit_note") && entry.sourceId ? await noteOf(db, Number(entry.sourceId)) : null;
  return { ...entry, postings: lines, document, reversible: isReversible(entry) };
}

async function noteOf(db: DbOrTx, invoiceId: number) {
  const [row] = await db.select({ id: invoices.id, kind: invoices.kind, number: invoices.number }).from(invoices).where(eq(invoices.id, invoiceId));
  return row ?? null;
}

/**
 * Only manual adjustments are reversed by hand. An order's placement or payment, or a return's
 * credit, follows its document: reversing it here would leave the order "paid" with its
 * receivable open again, so those are corrected by cancelling the order or issuing a note.
 */
export function isReversible(entry: { kind: string; sourceType: string | null; reversesEntryId: number | null; reversedById: number | null }) {
  return entry.sourceType === ADJUSTMENT_SOURCE && entry.kind !== "reversal" && entry.reversesEntryId === null && entry.reversedById === null;
}
