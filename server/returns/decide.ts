import { and, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { customers, invoices, orderEvents, orderLines, orders, products, returnLines, returnRequests } from "@/db/schema";
import { recordAudit } from "../audit/record";
import { PAYMENT_TERMS_DAYS } from "../commerce/invoices";
import { insertOrder } from "../commerce/orders";
import { dayOf, openPeriodFor } from "../commerce/periods";
import { recordVolume } from "../commerce/volumes";
import { AppError } from "../errors";
import { documentNumber, issueNote, type DocumentLine } from "../invoices/notes";
import { postEntry } from "../ledger/post";
import { clawBackCommissionsForReturn } from "./clawback";
import { notifyRequester } from "./notify";
import type { decideReturnSchema } from "./schemas";

type Request = typeof returnRequests.$inferSelect;
type Order = typeof orders.$inferSelect;

/**
 * Approves or rejects a pending request, once: the request row is locked, so two staff deciding at
 * the same moment get one decision and one "already decided". The requester is told by e-mail
 * through the outbox, in the same transaction as the decision.
 */
export async function decideReturn(db: Db, input: z.output<typeof decideReturnSchema>, actorUserId: string, links: { appUrl: string }) {
  return db.transaction(async (tx) => {
    const [request] = await tx.select().from(returnRequests).where(eq(returnRequests.id, input.id)).for("update");
    if (!request) throw new AppError("NOT_FOUND", "errors.notFound");
    if (request.status !== "pending") throw new AppError("CONFLICT", "returns.errors.alreadyDecided");
    const [order] = await tx.select().from(orders).where(eq(orders.id, request.orderId)).for("update");
    const now = new Date();
    const outcome = input.decision === "reject" ? { noteId: null, replacementOrderId: null } : request.kind === "return" ? await approveReturn(tx, request, order!, actorUserId, now) : await approveExchange(tx, request, order!, actorUserId, now);
    await tx
      .update(returnRequests)
      .set({
        status: input.decision === "approve" ? "approved" : "rejected",
        decidedBy: actorUserId,
        decidedAt: now,
        decisionComment: input.comment || null,
        creditNoteId: outcome.noteId,
        replacementOrderId: outcome.replacementOrderId,
      })
      .where(eq(returnRequests.id, request.id));
    await recordAudit(tx, {
      actorUserId,
      action: `return.${input.decision}`,
      entityType: "return_request",
      entityId: request.id,
      before: { status: "pending" },
      after: { status: input.decision === "approve" ? "approved" : "rejected", comment: input.comment || null, ...outcome },
    });
    await notifyRequester(tx, { requestId: request.id, requestedBy: request.requestedBy, kind: request.kind, decision: input.decision, comment: input.comment, orderNumber: order!.number, noteId: outcome.noteId, appUrl: links.appUrl });
    return { id: request.id, status: input.decision === "approve" ? ("approved" as const) : ("rejected" as const), ...outcome };
  });
}

/** The request's lines with the order line each returns (price, PV, CV as sold). */
async function returnedLines(tx: DbOrTx, requestId: number) {
  return tx
    .select({ quantity: returnLines.quantity, replacementProductId: returnLines.replacementProductId, line: orderLines })
    .from(returnLines)
    .innerJoin(orderLines, eq(orderLines.id, returnLines.orderLineId))
    .where(eq(returnLines.requestId, requestId))
    .orderBy(orderLines.id);
}

function valueOf(lines: Awaited<ReturnType<typeof returnedLines>>) {
  return lines.reduce(
    (s, l) => ({ amount: s.amount + l.line.unitPrice * l.quantity, pv: s.pv + l.line.unitPv * l.quantity, cv: s.cv + l.line.unitCv * l.quantity }),
    { amount: 0, pv: 0, cv: 0 },
  );
}

async function invoiceOf(tx: DbOrTx, orderId: number) {
  const [row] = await tx.select({ id: invoices.id }).from(invoices).where(and(eq(invoices.orderId, orderId), eq(invoices.kind, "invoice")));
  return row?.id ?? null;
}

/**
 * The returned goods leave the consultant's volume in the CURRENT period (the order's own period
 * may be closed and paid out): negative PV/CV events, the upline's GV with them, then the hook
 * for the commission clawback.
 */
async function takeBackVolume(tx: DbOrTx, request: Request, order: Order, value: { amount: number; pv: number; cv: number }, now: Date) {
  // A closed period's volumes are what its commission run read: nothing is taken out of it.
  const period = await openPeriodFor(tx, dayOf(now));
  if (value.pv !== 0 || value.cv !== 0) {
    await recordVolume(tx, { periodId: period.id, consultantId: order.consultantId, orderId: order.id, returnId: request.id, pv: -value.pv, cv: -value.cv });
  }
  await clawBackCommissionsForReturn(tx, {
    returnId: request.id,
    orderId: order.id,
    consultantId: order.consultantId,
    originalPeriodId: order.periodId,
    periodId: period.id,
    pv: value.pv,
    cv: value.cv,
    amount: value.amount,
    currency: order.currency,
  });
}

/** Return: a credit note for the goods' value, Dr returns / Cr the consultant's receivable, volume taken back. */
async function approveReturn(tx: DbOrTx, request: Request, order: Order, actorUserId: string, now: Date) {
  const lines = await returnedLines(tx, request.id);
  const value = valueOf(lines);
  const note = await issueNote(tx, {
    kind: "credit_note",
    orderId: order.id,
    relatedInvoiceId: await invoiceOf(tx, order.id),
    consultantId: order.consultantId,
    customerId: order.customerId,
    currency: order.currency,
    total: value.amount,
    lines: lines.map((l) => ({ sku: l.line.sku, name: l.line.name, quantity: l.quantity, unitPrice: l.line.unitPrice, lineTotal: l.line.unitPrice * l.quantity })),
    issuedBy: actorUserId,
  });
  await postEntry(tx, {
    kind: "credit_note",
    memo: `Devolução ${request.id} do pedido ${order.number}: nota de crédito ${documentNumber(note.number)}`,
    source: { type: "return", id: request.id },
    currency: order.currency,
    createdBy: actorUserId,
    lines: [
      { account: { kind: "returns" }, amount: value.amount },
      { account: { kind: "receivable", consultantId: order.consultantId }, amount: -value.amount },
    ],
  });
  await takeBackVolume(tx, request, order, value, now);
  await adjustCustomerSpend(tx, order.customerId, -value.amount);
  return { noteId: note.id, replacementOrderId: null };
}

/**
 * Exchange: the returned goods come back as in a return (credited at the price paid, volume taken
 * back) and a new order sends the replacements, priced from today's catalogue for the same buyer.
 * The new order is settled by the returned goods — it is paid without cash, so it can be invoiced
 * and shipped, and its volume counts as any paid order's — and what is left is the difference:
 *   Dr returns (returned value) / Cr receivable, beside the new order's Dr receivable / Cr revenue,
 * leaves the consultant's receivable up by (new − returned): a debit note when the replacements
 * cost more (due in the payment terms), a credit note when they cost less, no note when equal.
 */
async function approveExchange(tx: DbOrTx, request: Request, order: Order, actorUserId: string, now: Date) {
  const lines = await returnedLines(tx, request.id);
  const value = valueOf(lines);
  const quantities = new Map<number, number>();
  for (const l of lines) quantities.set(l.replacementProductId!, (quantities.get(l.replacementProductId!) ?? 0) + l.quantity);
  const replacement = await insertOrder(tx, {
    consultantId: order.consultantId,
    customerId: order.customerId,
    channel: "staff",
    lines: [...quantities].map(([productId, quantity]) => ({ productId, quantity })),
    paymentMethod: order.paymentMethod ?? "bank_transfer",
    shippingAddress: order.shippingAddress,
    idempotencyKey: `exchange:${request.id}`,
    place: true,
    actorUserId,
    at: now,
  });
  await tx.update(orders).set({ status: "paid", paidAt: now, updatedAt: now }).where(eq(orders.id, replacement.id));
  await tx.insert(orderEvents).values({ orderId: replacement.id, fromStatus: "placed", toStatus: "paid", actorUserId, note: `Troca ${request.id} do pedido ${order.number}`, at: now });
  await recordVolume(tx, { periodId: replacement.periodId, consultantId: replacement.consultantId, orderId: replacement.id, pv: replacement.pv, cv: replacement.cv });

  const difference = replacement.total - value.amount;
  const newLines = await tx.select().from(orderLines).where(eq(orderLines.orderId, replacement.id)).orderBy(orderLines.id);
  const documentLines: DocumentLine[] = [
    ...lines.map((l) => ({ sku: l.line.sku, name: l.line.name, quantity: -l.quantity, unitPrice: l.line.unitPrice, lineTotal: -l.line.unitPrice * l.quantity })),
    ...newLines.map((l) => ({ sku: l.sku, name: l.name, quantity: l.quantity, unitPrice: l.unitPrice, lineTotal: l.lineTotal })),
  ];
  const note =
    difference === 0
      ? null
      : await issueNote(tx, {
          kind: difference > 0 ? "debit_note" : "credit_note",
          orderId: replacement.id,
          relatedInvoiceId: await invoiceOf(tx, order.id),
          consultantId: order.consultantId,
          customerId: order.customerId,
          currency: order.currency,
          total: Math.abs(difference),
          lines: documentLines,
          dueOn: difference > 0 ? dayOf(new Date(now.getTime() + PAYMENT_TERMS_DAYS * 86_400_000)) : null,
          issuedBy: actorUserId,
        });
  const noteText = note ? `: nota de ${note.kind === "debit_note" ? "débito" : "crédito"} ${documentNumber(note.number)}` : "";
  await postEntry(tx, {
    kind: "exchange",
    memo: `Troca ${request.id} do pedido ${order.number} pelo pedido ${replacement.number}${noteText}`,
    source: { type: "return", id: request.id },
    currency: order.currency,
    createdBy: actorUserId,
    lines: [
      { account: { kind: "returns" }, amount: value.amount },
      { account: { kind: "receivable", consultantId: order.consultantId }, amount: -value.amount },
    ],
  });
  await takeBackVolume(tx, request, order, value, now);
  await adjustCustomerSpend(tx, order.customerId, difference);
  return { noteId: note?.id ?? null, replacementOrderId: replacement.id };
}

/**
 * A customer's purchase summary (the RFM monetary measure) follows what they kept: a return takes
 * its value off, an exchange adds the difference either way. An exchange is not a new purchase, so
 * the order count and the last purchase date stay.
 */
async function adjustCustomerSpend(tx: DbOrTx, customerId: number | null, delta: number) {
  if (customerId === null || delta === 0) return;
  await tx
    .update(customers)
    .set({ totalSpent: sql`greatest(0, ${customers.totalSpent} + ${delta})` })
    .where(eq(customers.id, customerId));
}

/** Names of replacement products for screens (active or not: a decided request keeps its history). */
export async function productNames(db: DbOrTx, ids: number[]) {
  if (!ids.length) return new Map<number, { sku: string; name: (typeof products.$inferSelect)["name"] }>();
  const rows = await db.select({ id: products.id, sku: products.sku, name: products.name }).from(products).where(inArray(products.id, ids));
  return new Map(rows.map((r) => [r.id, { sku: r.sku, name: r.name }]));
}
