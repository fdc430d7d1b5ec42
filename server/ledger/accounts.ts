import { and, asc, eq, ilike, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { accounts, consultants } from "@/db/schema";
import { offsetOf, pageInput } from "../pagination";
import { CONSULTANT_ACCOUNTS, type AccountKind } from "./post";

/**
 * An account's balance: one index-only sum over postings (account_id, id) INCLUDE (amount). The
 * outer column is written qualified by hand: Drizzle drops the table name from `${accounts.id}`
 * in a single-table select, and "id" inside the subquery would then be the posting's own id.
 */
export const accountBalance = sql<string>`(select coalesce(sum(p.amount), 0) from postings p where p.account_id = "accounts"."id")::text`;
const balance = accountBalance;

/** The company's own accounts (revenue, returns, cash, commissions expense) with balances. */
export async function companyAccounts(db: DbOrTx) {
  const rows = await db
    .select({ id: accounts.id, kind: accounts.kind, currency: accounts.currency, balance })
    .from(accounts)
    .where(isNull(accounts.consultantId))
    .orderBy(asc(accounts.kind), asc(accounts.currency));
  return rows.map((r) => ({ ...r, balance: Number(r.balance) }));
}

export const consultantAccountsSchema = pageInput.extend({
  kind: z.enum(CONSULTANT_ACCOUNTS).optional(),
  /** A consultant's code, or part of their name. */
  q: z.string().trim().max(100, { error: "errors.tooLong" }).optional(),
});

/**
 * Consultants' accounts, one page, by consultant code. Balances are summed for the page's rows
 * only, so the page costs the same with ten accounts or two million.
 */
export async function consultantAccountsPage(db: DbOrTx, input: z.output<typeof consultantAccountsSchema>) {
  const where: SQL[] = [isNotNull(accounts.consultantId)];
  if (input.kind) where.push(eq(accounts.kind, input.kind as AccountKind));
  if (input.q) where.push(or(ilike(consultants.code, input.q), ilike(consultants.fullName, `%${input.q.replace(/[%_\\]/g, "\\$&")}%`))!);
  const filter = and(...where);
  const [rows, [count]] = await Promise.all([
    db
      .select({ id: accounts.id, kind: accounts.kind, currency: accounts.currency, consultantId: accounts.consultantId, code: consultants.code, name: consultants.fullName, balance })
      .from(accounts)
      .innerJoin(consultants, eq(consultants.id, accounts.consultantId))
      .where(filter)
      .orderBy(asc(consultants.code), asc(accounts.kind))
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    db.select({ n: sql<number>`count(*)::int` }).from(accounts).innerJoin(consultants, eq(consultants.id, accounts.consultantId)).where(filter),
  ]);
  return { rows: rows.map((r) => ({ ...r, consultantId: r.consultantId!, balance: Number(r.balance) })), total: count!.n, page: input.page, pageSize: input.pageSize };
}
