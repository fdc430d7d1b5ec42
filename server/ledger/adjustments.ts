import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { consultants, invoices, journalEntries, orders, payments } from "@/db/schema";
import { recordAudit } from "../audit/record";
import { PAYMENT_TERMS_DAYS } from "../commerce/invoices";
import { dayOf } from "../commerce/periods";
import { AppError, uniqueViolation } from "../errors";
import { getCommerceSettings } from "../settings/company";
import { documentNumber, issueNote } from "../invoices/notes";
import { ADJUSTMENT_SOURCE, isReversible } from "./entries";
import { postEntry, reverseEntry } from "./post";

const id = z.number().int().positive();
const reason = z.string().trim().min(3, { error: "ledgerScreens.errors.reasonRequired" }).max(200, { error: "errors.tooLong" });

/**
 * A manual adjustment is a document: a credit or debit note on the consultant's account, about one
 * of their orders or about none (a fee, a goodwill credit, a correction that concerns no sale).
 */
export const adjustmentSchema = z.object({
  consultantId: id,
  orderId: id.nullish(),
  kind: z.enum(["credit_note", "debit_note"]),
  /** Integer minor units, positive; the kind gives the direction. */
  amount: z.number().int({ error: "ledgerScreens.errors.amount" }).min(1, { error: "ledgerScreens.errors.amount" }).max(9_999_999_999, { error: "ledgerScreens.errors.amount" }),
  memo: reason,
});

export const reverseSchema = z.object({ entryId: id, memo: reason });

/**
 * Issues the note and posts its entry in one transaction, audited (the reason is required and is
 * printed as the note's line):
 * credit note = Dr returns (contra-revenue) / Cr the consultant's receivable;
 * debit note = Dr the consultant's receivable / Cr revenue, due in the payment terms.
 */
export async function postAdjustment(db: Db, input: z.output<typeof adjustmentSchema>, actorUserId: string) {
  return db.transaction(async (tx) => {
    const [consultant] = await tx.select({ id: consultants.id }).from(consultants).where(eq(consultants.id, input.consultantId));
    if (!consultant) throw new AppError("NOT_FOUND", "errors.notFound");
    let order: typeof orders.$inferSelect | null = null;
    let invoiceId: number | null = null;
    if (input.orderId) {
      [order = null] = await tx.select().from(orders).where(eq(orders.id, input.orderId));
      if (!order || order.consultantId !== input.consultantId) throw new AppError("BAD_REQUEST", "ledgerScreens.errors.orderNotTheirs", {}, "orderId");
      if (order.status === "cart") throw new AppError("BAD_REQUEST", "ledgerScreens.errors.orderIsCart", {}, "orderId");
      const [invoice] = await tx
        .select({ id: invoices.id })
        .from(invoices)
        .where(and(eq(invoices.orderId, order.id), eq(invoices.kind, "invoice")));
      invoiceId = invoice?.id ?? null;
    }
    const currency = order?.currency ?? (await getCommerceSettings(tx)).currency;
    const due = new Date(Date.now() + PAYMENT_TERMS_DAYS * 86_400_000);
    const note = await issueNote(tx, {
      kind: input.kind,
      orderId: order?.id ?? null,
      relatedInvoiceId: invoiceId,
      consultantId: input.consultantId,
      customerId: order?.customerId ?? null,
      currency,
      total: input.amount,
      lines: [
        {
          sku: "—",
          name: input.memo,
          quantity: 1,
          unitPrice: input.amount,
          lineTotal: input.amount,
        },
      ],
      dueOn: input.kind === "debit_note" ? dayOf(due) : null,
      issuedBy: actorUserId,
    });
    const receivable = {
      kind: "receivable" as const,
      consultantId: input.consultantId,
    };
    const label = `${input.kind === "credit_note" ? "Nota de crédito" : "Nota de débito"} ${documentNumber(note.number)}${order ? ` (pedido ${order.number})` : ""}`;
    const entryId = await postEntry(tx, {
      kind: input.kind,
      memo: `${label}: ${input.memo}`,
      source: { type: ADJUSTMENT_SOURCE, id: note.id },
      currency,
      createdBy: actorUserId,
      lines:
        input.kind === "credit_note"
          ? [
              { account: { kind: "returns" }, amount: input.amount },
              { account: receivable, amount: -input.amount },
            ]
          : [
              { account: receivable, amount: input.amount },
              { account: { kind: "revenue" }, amount: -input.amount },
            ],
    });
    await recordAudit(tx, {
      actorUserId,
      action: "ledger.adjustment",
      entityType: "invoice",
      entityId: note.id,
      after: {
        kind: input.kind,
        number: note.number,
        amount: input.amount,
        currency,
        consultantId: input.consultantId,
        orderId: order?.id ?? null,
        entryId,
        memo: input.memo,
      },
    });
    return { noteId: note.id, number: note.number, entryId };
  });
}

/** Reverses a manual adjustment's entry (a new entry with every posting negated), audited. */
export async function reverseAdjustment(db: Db, input: z.output<typeof reverseSchema>, actorUserId: string) {
  try {
    return await db.transaction(async (tx) => {
      const [entry] = await tx.select().from(journalEntries).where(eq(journalEntries.id, input.entryId));
      if (!entry) throw new AppError("NOT_FOUND", "errors.notFound");
      const [reversed] = await tx.select({ id: journalEntries.id }).from(journalEntries).where(eq(journalEntries.reversesEntryId, entry.id));
      if (reversed) throw new AppError("CONFLICT", "ledger.errors.alreadyReversed");
      if (!isReversible({ ...entry, reversedById: null })) throw new AppError("CONFLICT", "ledgerScreens.errors.notReversible");
      // A paid debit note is settled money: reversing it would leave the payment owed back. The
      // note row is locked so a payment and a reversal of the same note do not cross.
      const [note] = await tx
        .select()
        .from(invoices)
        .where(eq(invoices.id, Number(entry.sourceId)))
        .for("update");
      if (note?.kind === "debit_note") {
        const [paid] = await tx.select({ id: payments.id }).from(payments).where(eq(payments.invoiceId, note.id));
        if (paid)
          throw new AppError("CONFLICT", "ledgerScreens.errors.notePaid", {
            number: documentNumber(note.number),
          });
      }
      const reversalId = await reverseEntry(tx, entry.id, `Estorno do lançamento ${entry.id}: ${input.memo}`, actorUserId);
      await recordAudit(tx, {
        actorUserId,
        action: "ledger.reverse",
        entityType: "journal_entry",
        entityId: entry.id,
        before: { kind: entry.kind, memo: entry.memo },
        after: { reversalId, memo: input.memo },
      });
      return { reversalId };
    });
  } catch (error) {
    // Two people reversing at once: the unique index on reverses_entry_id lets one through.
    if (uniqueViolation(error) === "journal_entries_reverses_key") throw new AppError("CONFLICT", "ledger.errors.alreadyReversed");
    throw error;
  }
}
