import { and, asc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { consultants, customers, orders } from "@/db/schema";
import { PAYMENT_TERMS_DAYS } from "../commerce/invoices";
import { offsetOf, pageInput } from "../pagination";

/**
 * Receivables by age. An order's receivable is posted when it is placed and settled when it is
 * paid, so what is open is exactly the placed-but-unpaid orders; each is due PAYMENT_TERMS_DAYS
 * after placement. Days past due (UTC calendar days): below 0 not yet due, then 0–30, 31–60,
 * 61–90 and over 90.
 */
export const AGE_BUCKETS = ["notDue", "d0to30", "d31to60", "d61to90", "d90plus"] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

export function bucketOf(daysPastDue: number): AgeBucket {
  if (daysPastDue < 0) return "notDue";
  if (daysPastDue <= 30) return "d0to30";
  if (daysPastDue <= 60) return "d31to60";
  if (daysPastDue <= 90) return "d61to90";
  return "d90plus";
}

/** The bucket's bounds in days past due, for SQL filters (inclusive; null = open-ended). */
const BOUNDS: Record<AgeBucket, [number | null, number | null]> = {
  notDue: [null, -1],
  d0to30: [0, 30],
  d31to60: [31, 60],
  d61to90: [61, 90],
  d90plus: [91, null],
};

const today = () => new Date().toISOString().slice(0, 10);
/** Days past due of an order, as of a day: (asOf − placement day) − terms. */
const pastDue = (asOf: string) => sql<number>`(${asOf}::date - (${orders.placedAt} at time zone 'UTC')::date - ${PAYMENT_TERMS_DAYS}::int)`;
const inBucket = (d: SQL<number>, b: AgeBucket) => {
  const [lo, hi] = BOUNDS[b];
  if (lo === null) return sql`${d} <= ${hi}::int`;
  if (hi === null) return sql`${d} >= ${lo}::int`;
  return sql`${d} between ${lo}::int and ${hi}::int`;
};
const money = (s: SQL) => sql<string>`coalesce(${s}, 0)::text`;

export const agingSchema = pageInput.extend({
  q: z.string().trim().max(100, { error: "errors.tooLong" }).optional(),
  /** Only consultants with something past due. */
  overdueOnly: z.boolean().default(false),
});

function consultantFilter(q?: string) {
  if (!q) return undefined;
  return or(ilike(consultants.code, q), ilike(consultants.fullName, `%${q.replace(/[%_\\]/g, "\\$&")}%`));
}

/** One row per consultant with open receivables, most overdue first, and the grand totals. */
export async function agingByConsultant(db: DbOrTx, input: z.output<typeof agingSchema>, asOf = today()) {
  const d = pastDue(asOf);
  const sums = Object.fromEntries(AGE_BUCKETS.map((b) => [b, money(sql`sum(${orders.total}) filter (where ${inBucket(d, b)})`)])) as Record<AgeBucket, SQL<string>>;
  const where = and(eq(orders.status, "placed"), consultantFilter(input.q));
  const having = input.overdueOnly ? sql`max(${d}) >= 0` : undefined;
  const grouped = db
    .select({
      consultantId: orders.consultantId,
      code: consultants.code,
      name: consultants.fullName,
      currency: orders.currency,
      orders: sql<number>`count(*)::int`,
      maxDaysPastDue: sql<number>`max(${d})::int`,
      total: money(sql`sum(${orders.total})`),
      ...sums,
    })
    .from(orders)
    .innerJoin(consultants, eq(consultants.id, orders.consultantId))
    .where(where)
    .groupBy(orders.consultantId, consultants.code, consultants.fullName, orders.currency)
    .having(having);
  const [rows, [count], totals] = await Promise.all([
    grouped.orderBy(sql`max(${d}) desc`, sql`sum(${orders.total}) desc`, asc(consultants.code)).limit(input.pageSize).offset(offsetOf(input)),
    db.select({ n: sql<number>`count(*)::int` }).from(grouped.as("g")),
    db
      .select({ currency: orders.currency, orders: sql<number>`count(*)::int`, total: money(sql`sum(${orders.total})`), ...sums })
      .from(orders)
      .innerJoin(consultants, eq(consultants.id, orders.consultantId))
      .where(where)
      .groupBy(orders.currency),
  ]);
  const numbers = <T extends Record<string, unknown>>(r: T) => ({
    ...r,
    total: Number(r.total),
    buckets: Object.fromEntries(AGE_BUCKETS.map((b) => [b, Number(r[b])])) as Record<AgeBucket, number>,
  });
  return { asOf, rows: rows.map(numbers), totals: totals.map(numbers), total: count!.n, page: input.page, pageSize: input.pageSize };
}

export const openOrdersSchema = pageInput.extend({
  consultantId: z.number().int().positive().optional(),
  bucket: z.enum(AGE_BUCKETS).optional(),
  /** An order number or a consultant's code or name. */
  q: z.string().trim().max(100, { error: "errors.tooLong" }).optional(),
});

/** The open (placed, unpaid) orders, oldest first, with due date and days past due. */
export async function openOrders(db: DbOrTx, input: z.output<typeof openOrdersSchema>, asOf = today()) {
  const d = pastDue(asOf);
  const where = and(
    eq(orders.status, "placed"),
    input.consultantId ? eq(orders.consultantId, input.consultantId) : undefined,
    input.bucket ? inBucket(d, input.bucket) : undefined,
    input.q ? or(ilike(orders.number, input.q), consultantFilter(input.q)) : undefined,
  );
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: orders.id,
        number: orders.number,
        consultantId: orders.consultantId,
        code: consultants.code,
        name: consultants.fullName,
        customerName: customers.fullName,
        placedAt: orders.placedAt,
        dueOn: sql<string>`((${orders.placedAt} at time zone 'UTC')::date + ${PAYMENT_TERMS_DAYS}::int)::text`,
        daysPastDue: sql<number>`${d}::int`,
        total: orders.total,
        currency: orders.currency,
        paymentMethod: orders.paymentMethod,
      })
      .from(orders)
      .innerJoin(consultants, eq(consultants.id, orders.consultantId))
      .leftJoin(customers, eq(customers.id, orders.customerId))
      .where(where)
      .orderBy(asc(orders.placedAt), asc(orders.id))
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    db.select({ n: sql<number>`count(*)::int` }).from(orders).innerJoin(consultants, eq(consultants.id, orders.consultantId)).where(where),
  ]);
  return { asOf, rows: rows.map((r) => ({ ...r, bucket: bucketOf(r.daysPastDue) })), total: count!.n, page: input.page, pageSize: input.pageSize };
}
