import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { campaignProducts, customers, documentCounters, orderEvents, orderLines, orders, payments, periods, products } from "@/db/schema";
import { recordAudit } from "../audit/record";
import { AppError, uniqueViolation } from "../errors";
import { entriesFor, postEntry, reverseEntry } from "../ledger/post";
import { getCommerceSettings } from "../settings/company";
import { dayOf, isOpenLocked, openPeriodFor } from "./periods";
import { recordVolume } from "./volumes";

export type OrderStatus = (typeof orders.status.enumValues)[number];
export type OrderChannel = (typeof orders.channel.enumValues)[number];
export type PaymentMethod = (typeof payments.method.enumValues)[number];

const id = z.number().int().positive();
export const PAYMENT_METHODS = ["bank_slip", "pay_on_delivery", "bank_transfer"] as const;
/** A client-made key (a UUID per checkout attempt): the same key never makes a second order or payment. */
export const idempotencyKey = z.string().trim().min(8, { error: "errors.invalidValue" }).max(100, { error: "errors.invalidValue" });

export const orderLinesInput = z
  .array(z.object({ productId: id, quantity: z.number().int().min(1, { error: "commerce.errors.quantity" }).max(999, { error: "commerce.errors.quantity" }) }))
  .min(1, { error: "commerce.errors.emptyOrder" })
  .max(100, { error: "errors.tooLong" })
  .refine((lines) => new Set(lines.map((l) => l.productId)).size === lines.length, { error: "commerce.errors.duplicateLine" });

/** Next number of a gapless series; the row lock holds until the caller's transaction ends. */
export async function nextNumber(tx: DbOrTx, series: string) {
  const [row] = await tx
    .update(documentCounters)
    .set({ last: sql`${documentCounters.last} + 1` })
    .where(eq(documentCounters.series, series))
    .returning({ last: documentCounters.last });
  if (!row) throw new Error(`no document counter ${series}`);
  return row.last;
}

export type NewOrder = {
  consultantId: number;
  customerId: number | null;
  channel: OrderChannel;
  lines: z.output<typeof orderLinesInput>;
  paymentMethod: PaymentMethod;
  shippingAddress?: Record<string, string> | null;
  idempotencyKey?: string | null;
  /** false: a cart (not yet placed), priced but posting nothing. */
  place: boolean;
  actorUserId: string | null;
  at?: Date;
};

/**
 * Creates an order, priced from the catalogue (consultant price for a consultant's own purchase,
 * retail for a customer's), in the period that holds today. Placing posts the sale: the
 * consultant's receivable is debited and revenue credited. With an idempotency key, a retry
 * returns the order the first call made instead of a second one.
 * Scope (who may create an order for whom) is the caller's job: see the router.
 */
export async function createOrder(db: Db, input: NewOrder) {
  if (input.idempotencyKey) {
    const existing = await orderByKey(db, input.idempotencyKey);
    if (existing) return sameOrderOrConflict(existing, input);
  }
  try {
    return await db.transaction((tx) => insertOrder(tx, input));
  } catch (error) {
    // Two retries raced: the loser finds the winner's order.
    if (input.idempotencyKey && uniqueViolation(error) === "orders_idempotency_key") {
      const existing = await orderByKey(db, input.idempotencyKey);
      if (existing) return sameOrderOrConflict(existing, input);
    }
    throw error;
  }
}

/**
 * The order's rows, inside the caller's transaction (a site checkout creates its customer in the
 * same one, so a refused order leaves no customer behind). Idempotency is the caller's: see createOrder.
 */
export async function insertOrder(tx: DbOrTx, input: NewOrder) {
  const at = input.at ?? new Date();
  // A closed period takes no new orders (or carts): its volumes are what its commission run reads.
  const period = await openPeriodFor(tx, dayOf(at));
  const { currency } = await getCommerceSettings(tx);
  const ids = input.lines.map((l) => l.productId);
  const found = await tx.select().from(products).where(inArray(products.id, ids));
  const byId = new Map(found.map((p) => [p.id, p]));
  const allowed = await campaignCatalogue(tx, period.id);
  input.lines.forEach((line, i) => {
    const p = byId.get(line.productId);
    if (!p || !p.active) throw new AppError("BAD_REQUEST", "commerce.errors.productUnavailable", {}, `lines.${i}.productId`);
    if (allowed && !allowed.has(p.id)) throw new AppError("BAD_REQUEST", "commerce.errors.notInCampaign", { period: period.name }, `lines.${i}.productId`);
    if (p.currency !== currency) throw new AppError("BAD_REQUEST", "commerce.errors.currency", {}, `lines.${i}.productId`);
  });
  const priced = input.lines.map((line) => {
    const p = byId.get(line.productId)!;
    const unitPrice = input.customerId === null ? p.consultantPrice : p.retailPrice;
    return { productId: p.id, sku: p.sku, name: p.name["pt-BR"], quantity: line.quantity, unitPrice, unitPv: p.pv, unitCv: p.cv, lineTotal: unitPrice * line.quantity };
  });
  const subtotal = priced.reduce((s, l) => s + l.lineTotal, 0);
  const number = `P${String(await nextNumber(tx, "order")).padStart(7, "0")}`;
  const [order] = await tx
    .insert(orders)
    .values({
      number,
      periodId: period.id,
      consultantId: input.consultantId,
      customerId: input.customerId,
      channel: input.channel,
      status: input.place ? "placed" : "cart",
      currency,
      subtotal,
      shipping: 0,
      total: subtotal,
      pv: priced.reduce((s, l) => s + l.unitPv * l.quantity, 0),
      cv: priced.reduce((s, l) => s + l.unitCv * l.quantity, 0),
      paymentMethod: input.paymentMethod,
      shippingAddress: input.shippingAddress ?? null,
      idempotencyKey: input.idempotencyKey ?? null,
      createdBy: input.actorUserId,
      createdAt: at,
      placedAt: input.place ? at : null,
    })
    .returning();
  await tx.insert(orderLines).values(priced.map((l) => ({ ...l, orderId: order!.id })));
  await tx.insert(orderEvents).values({ orderId: order!.id, fromStatus: null, toStatus: order!.status, actorUserId: input.actorUserId, at });
  if (input.place) await postPlacement(tx, order!, input.actorUserId);
  await recordAudit(tx, {
    actorUserId: input.actorUserId,
    action: "order.create",
    entityType: "order",
    entityId: order!.id,
    after: { number: order!.number, status: order!.status, channel: order!.channel, consultantId: order!.consultantId, customerId: order!.customerId, total: order!.total },
  });
  return order!;
}

export async function orderByKey(db: DbOrTx, key: string) {
  const [row] = await db.select().from(orders).where(eq(orders.idempotencyKey, key));
  return row ?? null;
}

function sameOrderOrConflict(existing: typeof orders.$inferSelect, input: NewOrder) {
  if (existing.consultantId !== input.consultantId || existing.customerId !== input.customerId) {
    throw new AppError("CONFLICT", "commerce.errors.idempotencyReuse");
  }
  return existing;
}


async function postPlacement(tx: DbOrTx, order: typeof orders.$inferSelect, actorUserId: string | null) {
  await postEntry(tx, {
    kind: "order.placed",
    memo: `Pedido ${order.number}`,
    source: { type: "order", id: order.id },
    currency: order.currency,
    createdBy: actorUserId,
    lines: [
      { account: { kind: "receivable", consultantId: order.consultantId }, amount: order.total },
      { account: { kind: "revenue" }, amount: -order.total },
    ],
  });
}

async function lockOrder(tx: DbOrTx, orderId: number) {
  const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for("update");
  if (!order) throw new AppError("NOT_FOUND", "errors.notFound");
  return order;
}

async function setStatus(tx: DbOrTx, order: typeof orders.$inferSelect, to: OrderStatus, actorUserId: string | null, note?: string, extra: Partial<typeof orders.$inferInsert> = {}) {
  const now = new Date();
  await tx.update(orders).set({ status: to, updatedAt: now, ...extra }).where(eq(orders.id, order.id));
  await tx.insert(orderEvents).values({ orderId: order.id, fromStatus: order.status, toStatus: to, actorUserId, note: note ?? null, at: now });
}

/** The products a campaign restricts its orders to, or null when the period sells the whole catalogue. */
async function campaignCatalogue(tx: DbOrTx, periodId: number) {
  const restricted = await tx.select({ productId: campaignProducts.productId }).from(campaignProducts).where(eq(campaignProducts.periodId, periodId));
  return restricted.length ? new Set(restricted.map((r) => r.productId)) : null;
}

/**
 * A cart becomes an order: priced as it stands, posted to the ledger, in the period that holds the
 * day it is PLACED. A cart is not a sale (it posted nothing and moved no volume), so a cart started
 * in a period that has since ended — or been closed — is placed into today's open period, as an
 * order placed from scratch today would be; its items must then be sold in that period (a
 * campaign's own catalogue), else it is refused naming the line. When today's period is itself
 * closed, placing is refused with the periods' message.
 */
export async function placeCart(db: Db, orderId: number, actorUserId: string | null) {
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (order.status === "placed") return order; // a double click
    if (order.status !== "cart") throw new AppError("CONFLICT", "commerce.errors.badTransition", { from: order.status, to: "placed" });
    const placedAt = new Date();
    const period = await openPeriodFor(tx, dayOf(placedAt));
    if (period.id !== order.periodId) {
      const allowed = await campaignCatalogue(tx, period.id);
      if (allowed) {
        const lines = await tx.select({ productId: orderLines.productId }).from(orderLines).where(eq(orderLines.orderId, order.id)).orderBy(orderLines.id);
        const i = lines.findIndex((l) => !allowed.has(l.productId));
        if (i >= 0) throw new AppError("BAD_REQUEST", "commerce.errors.notInCampaign", { period: period.name }, `lines.${i}.productId`);
      }
    }
    const note = period.id !== order.periodId ? `Período ${period.name} (carrinho de um período anterior)` : undefined;
    await setStatus(tx, order, "placed", actorUserId, note, { placedAt, abandonedAt: null, periodId: period.id });
    const placed = { ...order, status: "placed" as const, placedAt, periodId: period.id };
    await postPlacement(tx, placed, actorUserId);
    return placed;
  });
}

export const payInput = z.object({
  orderId: id,
  method: z.enum(PAYMENT_METHODS),
  reference: z.string().trim().max(100, { error: "errors.tooLong" }).nullish(),
  idempotencyKey: idempotencyKey.nullish(),
});

/**
 * Records the payment of a placed order, in full: cash debited, the receivable credited, the order
 * paid, and its volume credited to the consultant for the order's period — or, when that period has
 * since been closed, for the current open one (see volumePeriodFor) — PV, CV, and the GV of the
 * whole sponsor upline. Idempotent: the same key, or paying an order that is already paid, returns
 * the payment already made; nothing is counted twice.
 */
export async function payOrder(db: Db, input: z.output<typeof payInput>, actorUserId: string | null) {
  try {
    return await db.transaction(async (tx) => {
      if (input.idempotencyKey) {
        const [same] = await tx.select().from(payments).where(eq(payments.idempotencyKey, input.idempotencyKey));
        if (same) {
          if (same.orderId !== input.orderId) throw new AppError("CONFLICT", "commerce.errors.idempotencyReuse");
          return same;
        }
      }
      const order = await lockOrder(tx, input.orderId);
      if (order.status !== "placed") {
        const [paid] = await tx.select().from(payments).where(eq(payments.orderId, order.id));
        if (paid) return paid;
        throw new AppError("CONFLICT", "commerce.errors.badTransition", { from: order.status, to: "paid" });
      }
      const now = new Date();
      const volumePeriod = await volumePeriodFor(tx, order, now);
      const [payment] = await tx
        .insert(payments)
        .values({ orderId: order.id, amount: order.total, currency: order.currency, method: input.method, reference: input.reference ?? null, idempotencyKey: input.idempotencyKey ?? null, receivedAt: now, recordedBy: actorUserId })
        .returning();
      await postEntry(tx, {
        kind: "payment.received",
        memo: `Pagamento do pedido ${order.number}`,
        source: { type: "order", id: order.id },
        currency: order.currency,
        createdBy: actorUserId,
        lines: [
          { account: { kind: "cash" }, amount: order.total },
          { account: { kind: "receivable", consultantId: order.consultantId }, amount: -order.total },
        ],
      });
      await setStatus(tx, order, "paid", actorUserId, volumePeriod.id === order.periodId ? undefined : `Volume creditado no período ${volumePeriod.name} (${volumePeriod.closedName} está fechado)`, { paidAt: now });
      await recordAudit(tx, { actorUserId, action: "order.pay", entityType: "order", entityId: order.id, before: { status: order.status }, after: { status: "paid", paymentId: payment!.id, amount: payment!.amount, method: payment!.method, reference: payment!.reference } });
      await recordVolume(tx, { periodId: volumePeriod.id, consultantId: order.consultantId, orderId: order.id, pv: order.pv, cv: order.cv });
      if (order.customerId !== null) {
        await tx
          .update(customers)
          .set({
            firstOrderAt: sql`coalesce(${customers.firstOrderAt}, ${now.toISOString()}::timestamptz)`,
            lastOrderAt: now,
            ordersCount: sql`${customers.ordersCount} + 1`,
            totalSpent: sql`${customers.totalSpent} + ${order.total}`,
          })
          .where(eq(customers.id, order.customerId));
      }
      return payment!;
    });
  } catch (error) {
    if (input.idempotencyKey && uniqueViolation(error) === "payments_idempotency_key") {
      const [same] = await db.select().from(payments).where(eq(payments.idempotencyKey, input.idempotencyKey));
      if (same) return same;
    }
    throw error;
  }
}

/**
 * Where a payment's volume goes: the order's own period while it is open; once that period is
 * closed (final: its commission run has read it), the open period that holds the payment day, so
 * the sale still counts, once, for the consultant and the upline. Refused with the periods'
 * message when that period is closed too. Both reads share-lock the period, so a close waits.
 */
async function volumePeriodFor(tx: DbOrTx, order: typeof orders.$inferSelect, now: Date) {
  if (await isOpenLocked(tx, order.periodId)) return { id: order.periodId, name: "", closedName: "" };
  const [own] = await tx.select({ name: periods.name }).from(periods).where(eq(periods.id, order.periodId));
  const current = await openPeriodFor(tx, dayOf(now));
  return { id: current.id, name: current.name, closedName: own?.name ?? "" };
}

const NEXT: Partial<Record<OrderStatus, OrderStatus[]>> = {
  cart: ["placed", "cancelled"],
  placed: ["paid", "cancelled"],
  paid: ["invoiced"],
  invoiced: ["shipped"],
  shipped: ["delivered"],
};
export const allowedNext = (status: OrderStatus) => NEXT[status] ?? [];

/** Shipping steps and cancellation. Paying goes through payOrder, invoicing through issueInvoice. */
export async function advanceOrder(db: Db, input: { orderId: number; to: "shipped" | "delivered" | "cancelled"; note?: string | null }, actorUserId: string | null) {
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    if (order.status === input.to) return order;
    if (!allowedNext(order.status).includes(input.to)) throw new AppError("CONFLICT", "commerce.errors.badTransition", { from: order.status, to: input.to });
    if (input.to === "cancelled" && order.status === "placed") {
      // The sale is undone by reversing its placement entry; an unpaid order moved no volume.
      const [placement] = (await entriesFor(tx, "order", order.id)).filter((e) => e.kind === "order.placed");
      if (placement) await reverseEntry(tx, placement.id, `Cancelamento do pedido ${order.number}`, actorUserId);
    }
    await setStatus(tx, order, input.to, actorUserId, input.note ?? undefined);
    await recordAudit(tx, { actorUserId, action: `order.${input.to}`, entityType: "order", entityId: order.id, before: { status: order.status }, after: { status: input.to, note: input.note ?? null } });
    return { ...order, status: input.to };
  });
}

/** Carts untouched for the company's abandonment time are marked (the autoresponder comes later). */
export async function markAbandonedCarts(db: Db, now = new Date()) {
  const hours = (await getCommerceSettings(db)).cartAbandonAfterHours;
  const rows = await db
    .update(orders)
    .set({ abandonedAt: now })
    .where(and(eq(orders.status, "cart"), sql`${orders.abandonedAt} is null`, sql`${orders.updatedAt} < ${now.toISOString()}::timestamptz - make_interval(hours => ${hours})`))
    .returning({ id: orders.id });
  return rows.length;
}

export async function orderWithLines(db: DbOrTx, orderId: number) {
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  if (!order) return null;
  const [lines, events, paid] = await Promise.all([
    db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(orderLines.id),
    db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(orderEvents.id),
    db.select().from(payments).where(eq(payments.orderId, orderId)),
  ]);
  return { ...order, lines, events, payments: paid };
}
