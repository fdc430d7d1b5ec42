import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { accounts, journalEntries, postings } from "@/db/schema";
import { AppError } from "../errors";

export type AccountKind = (typeof accounts.kind.enumValues)[number];
export const CONSULTANT_ACCOUNTS = ["receivable", "wallet"] as const satisfies AccountKind[];
export const COMPANY_ACCOUNTS = ["revenue", "returns", "cash", "commissions_expense"] as const satisfies AccountKind[];

export type AccountRef =
  | { kind: (typeof CONSULTANT_ACCOUNTS)[number]; consultantId: number }
  | { kind: (typeof COMPANY_ACCOUNTS)[number] };

/** The id of an account, created on first use (a consultant's accounts appear with their first posting). */
export async function accountId(tx: DbOrTx, ref: AccountRef, currency: string): Promise<number> {
  const consultantId = "consultantId" in ref ? ref.consultantId : null;
  const where = and(eq(accounts.kind, ref.kind), consultantId === null ? isNull(accounts.consultantId) : eq(accounts.consultantId, consultantId), eq(accounts.currency, currency));
  const [found] = await tx.select({ id: accounts.id }).from(accounts).where(where);
  if (found) return found.id;
  await tx.insert(accounts).values({ kind: ref.kind, consultantId, currency }).onConflictDoNothing();
  const [created] = await tx.select({ id: accounts.id }).from(accounts).where(where);
  return created!.id;
}

export type EntryInput = {
  kind: string;
  memo: string;
  source?: { type: string; id: string | number };
  currency: string;
  lines: { account: AccountRef; amount: number }[];
  createdBy?: string | null;
  reversesEntryId?: number;
};

/**
 * Posts one balanced journal entry (debits positive, credits negative). Checked here so the caller
 * gets a clear error, and again by the database at commit. Amounts are integer minor units.
 */
export async function postEntry(tx: DbOrTx, input: EntryInput): Promise<number> {
  const lines = input.lines.filter((l) => l.amount !== 0);
  if (lines.some((l) => !Number.isSafeInteger(l.amount))) throw new AppError("BAD_REQUEST", "ledger.errors.notInteger");
  if (lines.length < 2 || lines.reduce((s, l) => s + l.amount, 0) !== 0) throw new AppError("BAD_REQUEST", "ledger.errors.unbalanced");
  const [entry] = await tx
    .insert(journalEntries)
    .values({
      kind: input.kind,
      memo: input.memo,
      sourceType: input.source?.type ?? null,
      sourceId: input.source ? String(input.source.id) : null,
      createdBy: input.createdBy ?? null,
      reversesEntryId: input.reversesEntryId ?? null,
    })
    .returning({ id: journalEntries.id });
  const rows = [];
  for (const line of lines) rows.push({ entryId: entry!.id, accountId: await accountId(tx, line.account, input.currency), amount: line.amount, currency: input.currency });
  await tx.insert(postings).values(rows);
  return entry!.id;
}

/** A correction: a new entry with every posting of `entryId` negated. An entry is reversed at most once. */
export async function reverseEntry(tx: DbOrTx, entryId: number, memo: string, createdBy: string | null) {
  const [original] = await tx.select().from(journalEntries).where(eq(journalEntries.id, entryId));
  if (!original) throw new AppError("NOT_FOUND", "errors.notFound");
  const [already] = await tx.select({ id: journalEntries.id }).from(journalEntries).where(eq(journalEntries.reversesEntryId, entryId));
  if (already) throw new AppError("CONFLICT", "ledger.errors.alreadyReversed");
  const lines = await tx.select().from(postings).where(eq(postings.entryId, entryId));
  const [entry] = await tx
    .insert(journalEntries)
    .values({ kind: "reversal", memo, sourceType: original.sourceType, sourceId: original.sourceId, createdBy, reversesEntryId: entryId })
    .returning({ id: journalEntries.id });
  await tx.insert(postings).values(lines.map((l) => ({ entryId: entry!.id, accountId: l.accountId, amount: -l.amount, currency: l.currency })));
  return entry!.id;
}

/** The entries a source produced (an order's placement, its payment…), newest last. */
export async function entriesFor(tx: DbOrTx, sourceType: string, sourceId: string | number) {
  return tx
    .select()
    .from(journalEntries)
    .where(and(eq(journalEntries.sourceType, sourceType), eq(journalEntries.sourceId, String(sourceId))))
    .orderBy(journalEntries.id);
}

/** Balance of one account: the sum of its postings (debit positive). */
export async function balanceOf(tx: DbOrTx, id: number) {
  const [row] = await tx.select({ n: sql<string>`coalesce(sum(${postings.amount}), 0)::text` }).from(postings).where(eq(postings.accountId, id));
  return Number(row!.n);
}
