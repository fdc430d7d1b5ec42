import { and, eq, inArray } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { invoices, orderEvents, orderLines, orders } from "@/db/schema";
import { recordAudit } from "../audit/record";
import { AppError } from "../errors";
import { nextNumber } from "./orders";

/** Days a customer has to pay an invoice issued before payment (collections age from the due date). */
export const PAYMENT_TERMS_DAYS = 14;

/**
 * Issues the invoice of a paid order (its fiscal document): the next number of the gapless
 * "invoice" series, taken under a row lock in this transaction, and the order becomes invoiced.
 * Issuing twice returns the first invoice.
 */
export async function issueInvoiceTx(tx: DbOrTx, orderId: number, actorUserId: string | null) {
  const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for("update");
  if (!order) throw new AppError("NOT_FOUND", "errors.notFound");
  const [existing] = await tx.select().from(invoices).where(and(eq(invoices.orderId, orderId), eq(invoices.kind, "invoice")));
  if (existing) return existing;
  if (order.status !== "paid") throw new AppError("CONFLICT", "commerce.errors.badTransition", { from: order.status, to: "invoiced" });
  const lines = await tx.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(orderLines.id);
  const [invoice] = await tx
    .insert(invoices)
    .values({
      kind: "invoice",
      number: await nextNumber(tx, "invoice"),
      orderId,
      consultantId: order.consultantId,
      customerId: order.customerId,
      currency: order.currency,
      total: order.total,
      lines: lines.map((l) => ({ sku: l.sku, name: l.name, quantity: l.quantity, unitPrice: l.unitPrice, lineTotal: l.lineTotal })),
      issuedBy: actorUserId,
    })
    .returning();
  const now = new Date();
  await tx.update(orders).set({ status: "invoiced", updatedAt: now }).where(eq(orders.id, orderId));
  await tx.insert(orderEvents).values({ orderId, fromStatus: order.status, toStatus: "invoiced", actorUserId, at: now, note: `NF ${invoice!.number}` });
  await recordAudit(tx, { actorUserId, action: "invoice.issue", entityType: "invoice", entityId: invoice!.id, after: { number: invoice!.number, orderId } });
  return invoice!;
}

export async function issueInvoice(db: Db, orderId: number, actorUserId: string | null) {
  return db.transaction((tx) => issueInvoiceTx(tx, orderId, actorUserId));
}

/** A batch: each order in its own transaction, so one refusal does not stop the others. */
export async function issueInvoices(db: Db, orderIds: number[], actorUserId: string | null) {
  const results: { orderId: number; invoiceNumber?: number; error?: string }[] = [];
  for (const orderId of [...new Set(orderIds)].sort((a, b) => a - b)) {
    try {
      results.push({ orderId, invoiceNumber: (await issueInvoice(db, orderId, actorUserId)).number });
    } catch (error) {
      results.push({ orderId, error: error instanceof AppError ? error.messageKey : "errors.internal" });
    }
  }
  return results;
}

export async function invoicesOfOrders(db: DbOrTx, orderIds: number[]) {
  if (!orderIds.length) return [];
  return db.select().from(invoices).where(inArray(invoices.orderId, orderIds));
}
