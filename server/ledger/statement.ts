import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { accounts, journalEntries, postings } from "@/db/schema";

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
    .select({ id: accounts.id, kind: accounts.kind, currency: accounts.currency, balance: sql<string>`(select coalesce(sum(p.amount), 0) from postings p where p.account_id = ${accounts.id})::text` })
    .from(accounts)
    .where(eq(accounts.consultantId, consultantId));
}
