import { and, desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { accounts, invoices, journalEntries, postings, returnRequests } from "@/db/schema";
import { accountBalance } from "./accounts";

/**
 * One page of an account's statement, newest first, each line with the running balance after it.
 * The balance before the page is one index-only sum over (account_id, id) INCLUDE (amount), so the
 * page costs the same at posting 50 or 100,000.
 */
export async function accountStatement(db: DbOrTx, accountId: number, page: { beforeId?: number; limit: number }) {
  const where = page.beforeId ? and(eq(postings.accountId, accountId), lt(postings.id, page.beforeId)) : eq(postings.accountId, accountId);
  const rows = await db
    .select({ id: postings.id, amount: postings.amount, entryId: postings.entryId, kind: journalEntries.kind, memo: journalEntries.memo, at: journalEntries.at, sourceType: journalEntries.sourceType, sourceId: journalEntries.sourceId })
    .from(postings)
    .innerJoin(journalEntries, eq(journalEntries.id, postings.entryId))
    .where(where)
    .orderBy(desc(postings.id))
    .limit(page.limit);
  const [through] = await db
    .select({ n: sql<string>`coalesce(sum(${postings.amount}), 0)::text` })
    .from(postings)
    .where(page.beforeId ? and(eq(postings.accountId, accountId), lt(postings.id, page.beforeId)) : eq(postings.accountId, accountId));
  let balance = Number(through!.n);
  const lines = rows.map((r) => {
    const line = { ...r, balance };
    balance -= r.amount;
    return line;
  });
  return { lines, nextBeforeId: rows.length === page.limit ? rows.at(-1)!.id : null };
}

export async function consultantAccounts(db: DbOrTx, consultantId: number) {
  return db
    .select({ id: accounts.id, kind: accounts.kind, currency: accounts.currency, balance: accountBalance })
    .from(accounts)
    .where(eq(accounts.consultantId, consultantId));
}

/** A consultant's account of one kind, if it exists yet (accounts appear with their first posting). */
export async function consultantAccount(db: DbOrTx, consultantId: number, kind: "receivable" | "wallet") {
  const [row] = await db
    .select({ id: accounts.id, kind: accounts.kind, currency: accounts.currency, balance: accountBalance })
    .from(accounts)
    .where(and(eq(accounts.consultantId, consultantId), eq(accounts.kind, kind)))
    .orderBy(accounts.id)
    .limit(1);
  return row ? { ...row, balance: Number(row.balance) } : null;
}

/**
 * A consultant's statement for one account: a page of postings, newest first, with the running
 * balance after each and the document (invoice or note) behind it where there is one, so the
 * portal and the staff screen can offer its PDF.
 */
export async function consultantStatement(db: DbOrTx, consultantId: number, input: { kind: "receivable" | "wallet"; beforeId?: number; limit: number }) {
  const account = await consultantAccount(db, consultantId, input.kind);
  if (!account) return { account: null, lines: [], nextBeforeId: null };
  const page = await accountStatement(db, account.id, { beforeId: input.beforeId, limit: input.limit });
  const documentIds = [...new Set(page.lines.map((l) => documentIdOf(l)).filter((x): x is number => x !== null))];
  const returnIds = [...new Set(page.lines.filter((l) => l.sourceType === "return" && l.sourceId).map((l) => Number(l.sourceId)))];
  const notesOfReturns = returnIds.length
    ? await db.select({ id: returnRequests.id, noteId: returnRequests.creditNoteId }).from(returnRequests).where(inArray(returnRequests.id, returnIds))
    : [];
  const noteByReturn = new Map(notesOfReturns.map((r) => [r.id, r.noteId]));
  const orderIds = [...new Set(page.lines.filter((l) => l.sourceType === "order" && l.sourceId).map((l) => Number(l.sourceId)))];
  const orderInvoices = orderIds.length
    ? await db.select({ id: invoices.id, orderId: invoices.orderId }).from(invoices).where(and(inArray(invoices.orderId, orderIds), eq(invoices.kind, "invoice")))
    : [];
  const invoiceByOrder = new Map(orderInvoices.map((i) => [i.orderId, i.id]));
  const allIds = [...documentIds, ...notesOfReturns.map((r) => r.noteId).filter((x): x is number => x !== null), ...orderInvoices.map((i) => i.id)];
  const docs = allIds.length ? await db.select({ id: invoices.id, kind: invoices.kind, number: invoices.number }).from(invoices).where(inArray(invoices.id, allIds)) : [];
  const docById = new Map(docs.map((d) => [d.id, d]));
  const lines = page.lines.map((l) => {
    const docId =
      l.sourceType === "return" ? (noteByReturn.get(Number(l.sourceId)) ?? null) : l.sourceType === "order" ? (invoiceByOrder.get(Number(l.sourceId)) ?? null) : documentIdOf(l);
    return { ...l, document: docId === null ? null : (docById.get(docId) ?? null) };
  });
  return { account, lines, nextBeforeId: page.nextBeforeId };
}

/** Entries whose source is a document: manual notes ("adjustment") point at their invoice row. */
function documentIdOf(line: { sourceType: string | null; sourceId: string | null }) {
  return (line.sourceType === "adjustment" || line.sourceType === "debit_note") && line.sourceId ? Number(line.sourceId) : null;
}
