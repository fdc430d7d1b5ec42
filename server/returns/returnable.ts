import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { orderLines, orders, returnLines, returnRequests } from "@/db/schema";

/**
 * Each line of an order with what may still be returned: bought, minus what approved requests
 * took back, minus what pending ones hold. Called under the order's row lock when a request is
 * made, so two requests at once cannot both take the last unit.
 */
export async function returnableLines(db: DbOrTx, orderId: number) {
  const lines = await db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.id));
  const taken = lines.length
    ? await db
        .select({
          orderLineId: returnLines.orderLineId,
          approved: sql<number>`coalesce(sum(${returnLines.quantity}) filter (where ${returnRequests.status} = 'approved'), 0)::int`,
          pending: sql<number>`coalesce(sum(${returnLines.quantity}) filter (where ${returnRequests.status} = 'pending'), 0)::int`,
        })
        .from(returnLines)
        .innerJoin(returnRequests, eq(returnRequests.id, returnLines.requestId))
        .where(and(eq(returnRequests.orderId, orderId), inArray(returnLines.orderLineId, lines.map((l) => l.id))))
        .groupBy(returnLines.orderLineId)
    : [];
  const byLine = new Map(taken.map((t) => [t.orderLineId, t]));
  return lines.map((l) => {
    const t = byLine.get(l.id);
    const returned = t?.approved ?? 0;
    const pending = t?.pending ?? 0;
    return { ...l, returned, pending, available: Math.max(0, l.quantity - returned - pending) };
  });
}

/** A consultant's delivered orders that still have something to return, newest first. */
export async function returnableOrders(db: DbOrTx, consultantId: number, limit = 50) {
  const rows = await db
    .select({ id: orders.id, number: orders.number, placedAt: orders.placedAt, total: orders.total, currency: orders.currency, customerId: orders.customerId })
    .from(orders)
    .where(
      and(
        eq(orders.consultantId, consultantId),
        eq(orders.status, "delivered"),
        sql`exists (select 1 from order_lines ol where ol.order_id = "orders"."id" and ol.quantity > (
          select coalesce(sum(rl.quantity), 0) from return_lines rl join return_requests rr on rr.id = rl.request_id
           where rl.order_line_id = ol.id and rr.status <> 'rejected'))`,
      ),
    )
    .orderBy(sql`${orders.placedAt} desc`)
    .limit(limit);
  return rows;
}
