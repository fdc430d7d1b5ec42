import { alias } from "drizzle-orm/pg-core";
import { and, asc, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { consultants, customers, invoices, orderLines, orders, returnLines, returnReasons, returnRequests, users } from "@/db/schema";
import { offsetOf } from "../pagination";
import { productNames } from "./decide";
import { returnableLines } from "./returnable";
import type { listReturnsSchema } from "./schemas";

const decider = alias(users, "decider");
const replacementOrder = alias(orders, "replacement_order");
/** The value a request takes back: its lines at the price they were sold. */
const requestValue = sql<string>`(select coalesce(sum(rl.quantity * ol.unit_price), 0) from return_lines rl join order_lines ol on ol.id = rl.order_line_id where rl.request_id = "return_requests"."id")::text`;

/** The queue: pending first by default (oldest first, as they are worked), or any status, newest first. */
export async function listReturns(db: DbOrTx, input: z.output<typeof listReturnsSchema> & { consultantId?: number }) {
  const where: SQL[] = [];
  if (input.status) where.push(eq(returnRequests.status, input.status));
  if (input.kind) where.push(eq(returnRequests.kind, input.kind));
  if (input.consultantId) where.push(eq(orders.consultantId, input.consultantId));
  if (input.q) where.push(or(ilike(orders.number, input.q), ilike(consultants.code, input.q), ilike(consultants.fullName, `%${input.q.replace(/[%_\\]/g, "\\$&")}%`))!);
  const filter = where.length ? and(...where) : undefined;
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: returnRequests.id,
        kind: returnRequests.kind,
        status: returnRequests.status,
        requestedAt: returnRequests.requestedAt,
        decidedAt: returnRequests.decidedAt,
        orderId: orders.id,
        orderNumber: orders.number,
        consultantId: orders.consultantId,
        consultantCode: consultants.code,
        consultantName: consultants.fullName,
        reason: returnReasons.name,
        requestedByName: users.name,
        value: requestValue,
        currency: orders.currency,
      })
      .from(returnRequests)
      .innerJoin(orders, eq(orders.id, returnRequests.orderId))
      .innerJoin(consultants, eq(consultants.id, orders.consultantId))
      .innerJoin(returnReasons, eq(returnReasons.id, returnRequests.reasonId))
      .innerJoin(users, eq(users.id, returnRequests.requestedBy))
      .where(filter)
      .orderBy(input.status === "pending" ? asc(returnRequests.requestedAt) : desc(returnRequests.requestedAt), desc(returnRequests.id))
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(returnRequests)
      .innerJoin(orders, eq(orders.id, returnRequests.orderId))
      .innerJoin(consultants, eq(consultants.id, orders.consultantId))
      .where(filter),
  ]);
  return { rows: rows.map((r) => ({ ...r, value: Number(r.value) })), total: count!.n, page: input.page, pageSize: input.pageSize };
}

/** One request with its order, lines (returned and replacement), reason, people, note and new order. */
export async function returnDetail(db: DbOrTx, id: number) {
  const [row] = await db
    .select({
      request: returnRequests,
      orderNumber: orders.number,
      orderStatus: orders.status,
      consultantId: orders.consultantId,
      consultantCode: consultants.code,
      consultantName: consultants.fullName,
      customerName: customers.fullName,
      currency: orders.currency,
      reason: returnReasons.name,
      requestedByName: users.name,
      decidedByName: decider.name,
      noteKind: invoices.kind,
      noteNumber: invoices.number,
      noteTotal: invoices.total,
      replacementOrderNumber: replacementOrder.number,
    })
    .from(returnRequests)
    .innerJoin(orders, eq(orders.id, returnRequests.orderId))
    .innerJoin(consultants, eq(consultants.id, orders.consultantId))
    .leftJoin(customers, eq(customers.id, orders.customerId))
    .innerJoin(returnReasons, eq(returnReasons.id, returnRequests.reasonId))
    .innerJoin(users, eq(users.id, returnRequests.requestedBy))
    .leftJoin(decider, eq(decider.id, returnRequests.decidedBy))
    .leftJoin(invoices, eq(invoices.id, returnRequests.creditNoteId))
    .leftJoin(replacementOrder, eq(replacementOrder.id, returnRequests.replacementOrderId))
    .where(eq(returnRequests.id, id));
  if (!row) return null;
  const lines = await db
    .select({ orderLineId: returnLines.orderLineId, quantity: returnLines.quantity, replacementProductId: returnLines.replacementProductId, sku: orderLines.sku, name: orderLines.name, unitPrice: orderLines.unitPrice, bought: orderLines.quantity })
    .from(returnLines)
    .innerJoin(orderLines, eq(orderLines.id, returnLines.orderLineId))
    .where(eq(returnLines.requestId, id))
    .orderBy(orderLines.id);
  const names = await productNames(db, lines.map((l) => l.replacementProductId).filter((x): x is number => x !== null));
  const { photos, ...request } = row.request;
  return {
    ...row,
    request: { ...request, photoCount: photos.length },
    lines: lines.map((l) => ({ ...l, lineTotal: l.unitPrice * l.quantity, replacement: l.replacementProductId ? (names.get(l.replacementProductId) ?? null) : null })),
    value: lines.reduce((s, l) => s + l.unitPrice * l.quantity, 0),
  };
}

export type ReturnDetail = NonNullable<Awaited<ReturnType<typeof returnDetail>>>;

/** An order as the request form needs it: delivered or not, and each line's returnable quantity. */
export async function orderForReturn(db: DbOrTx, where: { id: number } | { number: string }, ownConsultantId: number | null) {
  const [order] = await db
    .select({ id: orders.id, number: orders.number, status: orders.status, consultantId: orders.consultantId, consultantCode: consultants.code, consultantName: consultants.fullName, customerName: customers.fullName, placedAt: orders.placedAt, currency: orders.currency, customerId: orders.customerId })
    .from(orders)
    .innerJoin(consultants, eq(consultants.id, orders.consultantId))
    .leftJoin(customers, eq(customers.id, orders.customerId))
    .where("id" in where ? eq(orders.id, where.id) : eq(orders.number, where.number.toUpperCase()));
  if (!order || (ownConsultantId !== null && order.consultantId !== ownConsultantId)) return null;
  const lines = await returnableLines(db, order.id);
  return { ...order, lines: lines.map((l) => ({ id: l.id, sku: l.sku, name: l.name, quantity: l.quantity, unitPrice: l.unitPrice, returned: l.returned, pending: l.pending, available: l.available })) };
}

/** Active return reasons in the company's order, named in the reader's language by the screen. */
export async function activeReasons(db: DbOrTx) {
  return db.select({ id: returnReasons.id, name: returnReasons.name }).from(returnReasons).where(eq(returnReasons.active, true)).orderBy(asc(returnReasons.position), asc(returnReasons.id));
}
