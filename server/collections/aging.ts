import { sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { PAYMENT_TERMS_DAYS } from "../commerce/invoices";
import type { PaymentMethod } from "../commerce/orders";
import { ADJUSTMENT_SOURCE } from "../ledger/entries";
import { offsetOf, pageInput } from "../pagination";

/**
 * Receivables by age. What a consultant owes is made of two kinds of open item:
 *  - an order, posted to their receivable when placed and settled when paid, so the open ones are
 *    exactly the placed-but-unpaid orders, each due PAYMENT_TERMS_DAYS after placement;
 *  - a debit note (an exchange for dearer goods, or a manual adjustment), due on its own due date
 *    and open until it is paid (payments.invoice_id) or, for a manual one, its entry is reversed.
 * Days past due (UTC calendar days): below 0 not yet due, then 0–30, 31–60, 61–90 and over 90.
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

/** Every open item (see above) as one relation: kind, id, number as shown, owner, amount, due day. */
const openItems = sql`(
  select 'order'::text as kind, o.id, o.number, o.consultant_id, o.customer_id, o.currency, o.total as amount,
         ((o.placed_at at time zone 'UTC')::date + ${PAYMENT_TERMS_DAYS}::int) as due_on, o.placed_at as issued_at,
         o.payment_method::text as payment_method, o.id as order_id
    from orders o
   where o.status = 'placed'
  union all
  select 'debit_note'::text, i.id, lpad(i.number::text, 6, '0'), i.consultant_id, i.customer_id, i.currency, i.total,
         coalesce(i.due_on, (i.issued_at at time zone 'UTC')::date + ${PAYMENT_TERMS_DAYS}::int), i.issued_at,
         null::text, i.order_id
    from invoices i
   where i.kind = 'debit_note'
     and not exists (select 1 from payments p where p.invoice_id = i.id)
     and not exists (select 1 from journal_entries e join journal_entries r on r.reverses_entry_id = e.id
                      where e.source_type = ${ADJUSTMENT_SOURCE} and e.source_id = i.id::text)
)`;

const inBucket = (b: AgeBucket) => {
  const [lo, hi] = BOUNDS[b];
  if (lo === null) return sql`x.dpd <= ${hi}::int`;
  if (hi === null) return sql`x.dpd >= ${lo}::int`;
  return sql`x.dpd between ${lo}::int and ${hi}::int`;
};
const bucketSums = sql.join(
  AGE_BUCKETS.map((b) => sql`coalesce(sum(x.amount) filter (where ${inBucket(b)}), 0)::text as ${sql.identifier(b)}`),
  sql`, `,
);
/** The open items with their days past due as of a day, joined to their consultant. */
const items = (asOf: string) => sql`(
  select it.*, (${asOf}::date - it.due_on)::int as dpd, c.code, c.full_name as name
    from ${openItems} it join consultants c on c.id = it.consultant_id
) x`;

export const agingSchema = pageInput.extend({
  q: z.string().trim().max(100, { error: "errors.tooLong" }).optional(),
  /** Only consultants with something past due. */
  overdueOnly: z.boolean().default(false),
});

function consultantFilter(q?: string) {
  if (!q) return sql`true`;
  return sql`(x.code ilike ${q} or x.name ilike ${`%${q.replace(/[%_\\]/g, "\\$&")}%`})`;
}

type Sums = Record<AgeBucket, string> & { total: string };
const numbers = <T extends Sums>(r: T) => ({
  ...r,
  total: Number(r.total),
  buckets: Object.fromEntries(AGE_BUCKETS.map((b) => [b, Number(r[b])])) as Record<AgeBucket, number>,
});

/** One row per consultant with open receivables, most overdue first, and the grand totals. */
export async function agingByConsultant(db: DbOrTx, input: z.output<typeof agingSchema>, asOf = today()) {
  const where = consultantFilter(input.q);
  const having = input.overdueOnly ? sql`having max(x.dpd) >= 0` : sql``;
  const grouped = sql`
    select x.consultant_id::int as "consultantId", x.code, x.name, x.currency, count(*)::int as orders,
           max(x.dpd)::int as "maxDaysPastDue", coalesce(sum(x.amount), 0)::text as total, ${bucketSums}
      from ${items(asOf)}
     where ${where}
     group by x.consultant_id, x.code, x.name, x.currency ${having}`;
  const [rows, [count], totals] = await Promise.all([
    db.execute<
      Sums & {
        consultantId: number;
        code: string;
        name: string;
        currency: string;
        orders: number;
        maxDaysPastDue: number;
      }
    >(sql`${grouped} order by max(x.dpd) desc, sum(x.amount) desc, x.code limit ${input.pageSize} offset ${offsetOf(input)}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from (${grouped}) g`),
    db.execute<Sums & { currency: string; orders: number }>(
      sql`select x.currency, count(*)::int as orders, coalesce(sum(x.amount), 0)::text as total, ${bucketSums} from ${items(asOf)} where ${where} group by x.currency`,
    ),
  ]);
  return {
    asOf,
    rows: [...rows].map(numbers),
    totals: [...totals].map(numbers),
    total: count!.n,
    page: input.page,
    pageSize: input.pageSize,
  };
}

export const openOrdersSchema = pageInput.extend({
  consultantId: z.number().int().positive().optional(),
  bucket: z.enum(AGE_BUCKETS).optional(),
  /** An order or note number, or a consultant's code or name. */
  q: z.string().trim().max(100, { error: "errors.tooLong" }).optional(),
});

export type OpenItemKind = "order" | "debit_note";

/** The open items (placed, unpaid orders and open debit notes), oldest due first, with days past due. */
export async function openOrders(db: DbOrTx, input: z.output<typeof openOrdersSchema>, asOf = today()) {
  const where = sql.join(
    [
      sql`true`,
      input.consultantId ? sql`x.consultant_id = ${input.consultantId}` : undefined,
      input.bucket ? inBucket(input.bucket) : undefined,
      input.q ? sql`(x.number ilike ${input.q} or ${consultantFilter(input.q)})` : undefined,
    ].filter((w) => w !== undefined),
    sql` and `,
  );
  const [rows, [count]] = await Promise.all([
    db.execute<{
      kind: OpenItemKind;
      id: number;
      number: string;
      orderId: number | null;
      orderNumber: string | null;
      consultantId: number;
      code: string;
      name: string;
      customerName: string | null;
      placedAt: string | null;
      dueOn: string;
      daysPastDue: number;
      total: string;
      currency: string;
      paymentMethod: PaymentMethod | null;
    }>(sql`
      select x.kind, x.id::int as id, x.number, x.order_id::int as "orderId", o.number as "orderNumber", x.consultant_id::int as "consultantId",
             x.code, x.name, cu.full_name as "customerName", x.issued_at as "placedAt", x.due_on::text as "dueOn", x.dpd as "daysPastDue",
             x.amount::text as total, x.currency, x.payment_method as "paymentMethod"
        from ${items(asOf)}
        left join customers cu on cu.id = x.customer_id
        left join orders o on o.id = x.order_id
       where ${where}
       order by x.due_on, x.issued_at, x.kind, x.id
       limit ${input.pageSize} offset ${offsetOf(input)}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from ${items(asOf)} where ${where}`),
  ]);
  return {
    asOf,
    rows: [...rows].map((r) => ({
      ...r,
      total: Number(r.total),
      placedAt: r.placedAt ? new Date(r.placedAt) : null,
      bucket: bucketOf(r.daysPastDue),
    })),
    total: count!.n,
    page: input.page,
    pageSize: input.pageSize,
  };
}
