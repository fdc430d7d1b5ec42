import { and, asc, count, desc, eq, gte, ilike, lte, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { consultants, customers, invoices, orderEvents, orderLines, orders, payments, periods, periodVolumes, products, users } from "@/db/schema";
import { offsetOf, type Page } from "../pagination";
import { containsPattern } from "../text-search";
import type { ListOrdersInput, OrderSort } from "./order-schemas";
import { allowedNext } from "./orders";
import { dayOf } from "./periods";

/** Read side of the order screens: lists, one order in full, customers to order for, volumes. */

const SORT_COLUMNS: Record<OrderSort, SQL | AnyPgColumn> = {
  createdAt: orders.createdAt,
  number: orders.number,
  total: orders.total,
  status: sql`${orders.status}::text`,
};

const listColumns = {
  id: orders.id,
  number: orders.number,
  status: orders.status,
  channel: orders.channel,
  createdAt: orders.createdAt,
  currency: orders.currency,
  total: orders.total,
  pv: orders.pv,
  paymentMethod: orders.paymentMethod,
  consultantId: orders.consultantId,
  consultantCode: consultants.code,
  consultantName: consultants.fullName,
  customerId: orders.customerId,
  customerName: customers.fullName,
  customerEmail: customers.email,
  periodCode: periods.code,
  invoiceNumber: invoices.number,
};

/** Day bounds are UTC days, like periods: `to` includes the whole of its day. */
function filtersOf(input: Omit<ListOrdersInput, "consultantId"> & { consultantId?: number }) {
  const where: SQL[] = [];
  if (input.consultantId) where.push(eq(orders.consultantId, input.consultantId));
  if (input.status) where.push(eq(orders.status, input.status));
  if (input.channel) where.push(eq(orders.channel, input.channel));
  if (input.periodId) where.push(eq(orders.periodId, input.periodId));
  if (input.from) where.push(gte(orders.createdAt, sql`(${input.from}::date)::timestamp at time zone 'UTC'`));
  if (input.to) where.push(sql`${orders.createdAt} < ((${input.to}::date + 1)::timestamp at time zone 'UTC')`);
  if (input.text) {
    const pattern = containsPattern(input.text.toLowerCase());
    where.push(
      or(
        sql`immutable_unaccent(lower(${customers.fullName})) like immutable_unaccent(${pattern})`,
        ilike(customers.email, pattern),
        ilike(orders.number, pattern),
      )!,
    );
  }
  return where.length ? and(...where) : undefined;
}

/** One page of orders; a consultant's portal passes their own id as `consultantId`, always. */
export async function listOrders(db: DbOrTx, input: Omit<ListOrdersInput, "consultantId"> & { consultantId?: number }) {
  const condition = filtersOf(input);
  const column = SORT_COLUMNS[input.sort];
  const direction = input.dir === "asc" ? asc : desc;
  const [rows, [totalRow]] = await Promise.all([
    db
      .select(listColumns)
      .from(orders)
      .innerJoin(consultants, eq(consultants.id, orders.consultantId))
      .innerJoin(periods, eq(periods.id, orders.periodId))
      .leftJoin(customers, eq(customers.id, orders.customerId))
      .leftJoin(invoices, and(eq(invoices.orderId, orders.id), eq(invoices.kind, "invoice")))
      .where(condition)
      .orderBy(direction(column), direction(orders.id))
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    db
      .select({ total: count() })
      .from(orders)
      .leftJoin(customers, eq(customers.id, orders.customerId))
      .where(condition),
  ]);
  return { rows, total: totalRow?.total ?? 0, page: input.page, pageSize: input.pageSize } satisfies Page<(typeof rows)[number]>;
}

export type OrderListRow = Awaited<ReturnType<typeof listOrders>>["rows"][number];

/** An order with everything its screen shows; null when there is none. */
export async function orderDetail(db: DbOrTx, orderId: number) {
  const [head] = await db
    .select({
      order: orders,
      consultantCode: consultants.code,
      consultantName: consultants.fullName,
      periodCode: periods.code,
      periodName: periods.name,
      customer: { id: customers.id, fullName: customers.fullName, email: customers.email, phone: customers.phone },
    })
    .from(orders)
    .innerJoin(consultants, eq(consultants.id, orders.consultantId))
    .innerJoin(periods, eq(periods.id, orders.periodId))
    .leftJoin(customers, eq(customers.id, orders.customerId))
    .where(eq(orders.id, orderId));
  if (!head) return null;
  const [lines, events, paid, invoice] = await Promise.all([
    db
      .select({ ...pick(orderLines), productName: products.name })
      .from(orderLines)
      .innerJoin(products, eq(products.id, orderLines.productId))
      .where(eq(orderLines.orderId, orderId))
      .orderBy(orderLines.id),
    db
      .select({ id: orderEvents.id, fromStatus: orderEvents.fromStatus, toStatus: orderEvents.toStatus, note: orderEvents.note, at: orderEvents.at, actorName: users.name })
      .from(orderEvents)
      .leftJoin(users, eq(users.id, orderEvents.actorUserId))
      .where(eq(orderEvents.orderId, orderId))
      .orderBy(orderEvents.at, orderEvents.id),
    db
      .select({ id: payments.id, amount: payments.amount, currency: payments.currency, method: payments.method, reference: payments.reference, receivedAt: payments.receivedAt, recordedByName: users.name })
      .from(payments)
      .leftJoin(users, eq(users.id, payments.recordedBy))
      .where(eq(payments.orderId, orderId))
      .orderBy(payments.id),
    db
      .select({ id: invoices.id, number: invoices.number, issuedAt: invoices.issuedAt, total: invoices.total, currency: invoices.currency })
      .from(invoices)
      .where(and(eq(invoices.orderId, orderId), eq(invoices.kind, "invoice"))),
  ]);
  const { idempotencyKey: _key, ...order } = head.order;
  return {
    ...order,
    consultant: { id: order.consultantId, code: head.consultantCode, fullName: head.consultantName },
    period: { code: head.periodCode, name: head.periodName },
    customer: head.customer?.id ? head.customer : null,
    lines,
    events,
    payments: paid,
    invoice: invoice[0] ?? null,
    next: allowedNext(order.status),
  };
}

export type OrderDetail = NonNullable<Awaited<ReturnType<typeof orderDetail>>>;

function pick(table: typeof orderLines) {
  return { id: table.id, productId: table.productId, sku: table.sku, name: table.name, quantity: table.quantity, unitPrice: table.unitPrice, unitPv: table.unitPv, unitCv: table.unitCv, lineTotal: table.lineTotal };
}

/** A consultant's customers for an order form: by name or e-mail, most recent buyers first. */
export async function customersOf(db: DbOrTx, consultantId: number, q: string, limit: number) {
  const where: SQL[] = [eq(customers.consultantId, consultantId)];
  if (q) {
    const pattern = containsPattern(q.toLowerCase());
    where.push(or(sql`immutable_unaccent(lower(${customers.fullName})) like immutable_unaccent(${pattern})`, ilike(customers.email, pattern))!);
  }
  return db
    .select({ id: customers.id, fullName: customers.fullName, email: customers.email })
    .from(customers)
    .where(and(...where))
    .orderBy(sql`${customers.lastOrderAt} desc nulls last`, asc(customers.fullName))
    .limit(limit);
}

/** PV, CV and GV of the period that holds today (zeros before the first paid order of the period). */
export async function currentVolumes(db: DbOrTx, consultantId: number, at = new Date()) {
  const day = dayOf(at);
  const [period] = await db.select().from(periods).where(and(lte(periods.startsOn, day), gte(periods.endsOn, day)));
  if (!period) return { period: null, pv: 0, cv: 0, gv: 0 };
  const [row] = await db
    .select({ pv: periodVolumes.pv, cv: periodVolumes.cv, gv: periodVolumes.gv })
    .from(periodVolumes)
    .where(and(eq(periodVolumes.periodId, period.id), eq(periodVolumes.consultantId, consultantId)));
  return { period: { id: period.id, code: period.code, name: period.name, startsOn: period.startsOn, endsOn: period.endsOn }, pv: row?.pv ?? 0, cv: row?.cv ?? 0, gv: row?.gv ?? 0 };
}

/** Periods for the list filter, newest first. */
export async function recentPeriods(db: DbOrTx, limit = 36) {
  return db.select({ id: periods.id, code: periods.code, name: periods.name, kind: periods.kind }).from(periods).orderBy(desc(periods.startsOn)).limit(limit);
}
