import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { invoices, journalEntries, payments } from "@/db/schema";
import { recordAudit } from "../audit/record";
import { idempotencyKey, PAYMENT_METHODS } from "../commerce/orders";
import { AppError, uniqueViolation } from "../errors";
import { documentNumber } from "../invoices/notes";
import { ADJUSTMENT_SOURCE } from "../ledger/entries";
import { postEntry } from "../ledger/post";

export const payNoteInput = z.object({
  invoiceId: z.number().int().positive(),
  method: z.enum(PAYMENT_METHODS),
  reference: z.string().trim().max(100, { error: "errors.tooLong" }).nullish(),
  idempotencyKey: idempotencyKey.nullish(),
});

/** Whether a manual note's entry has been reversed (the note then owes nothing). */
export async function noteReversed(tx: DbOrTx, invoiceId: number) {
  const [entry] = await tx
    .select({ id: journalEntries.id })
    .from(journalEntries)
    .where(and(eq(journalEntries.sourceType, ADJUSTMENT_SOURCE), eq(journalEntries.sourceId, String(invoiceId))));
  if (!entry) return false;
  const [reversal] = await tx.select({ id: journalEntries.id }).from(journalEntries).where(eq(journalEntries.reversesEntryId, entry.id));
  return Boolean(reversal);
}

/**
 * Records the payment of a debit note, in full (an exchange for dearer goods, or a manual debit
 * note): cash debited, the consultant's receivable credited, audited; the note leaves the
 * collections list. Idempotent like an order's payment: the same key, or paying a note already
 * paid (a double click), returns the payment already made — the database keeps one payment per note.
 */
export async function payDebitNote(db: Db, input: z.output<typeof payNoteInput>, actorUserId: string | null) {
  try {
    return await db.transaction(async (tx) => {
      if (input.idempotencyKey) {
        const [same] = await tx.select().from(payments).where(eq(payments.idempotencyKey, input.idempotencyKey));
        if (same) {
          if (same.invoiceId !== input.invoiceId) throw new AppError("CONFLICT", "commerce.errors.idempotencyReuse");
          return same;
        }
      }
      const [note] = await tx.select().from(invoices).where(eq(invoices.id, input.invoiceId)).for("update");
      if (!note) throw new AppError("NOT_FOUND", "errors.notFound");
      if (note.kind !== "debit_note") throw new AppError("BAD_REQUEST", "collections.errors.notDebitNote");
      const [paid] = await tx.select().from(payments).where(eq(payments.invoiceId, note.id));
      if (paid) return paid;
      if (await noteReversed(tx, note.id))
        throw new AppError("CONFLICT", "collections.errors.noteReversed", {
          number: documentNumber(note.number),
        });
      const now = new Date();
      const [payment] = await tx
        .insert(payments)
        .values({
          invoiceId: note.id,
          amount: note.total,
          currency: note.currency,
          method: input.method,
          reference: input.reference ?? null,
          idempotencyKey: input.idempotencyKey ?? null,
          receivedAt: now,
          recordedBy: actorUserId,
        })
        .returning();
      await postEntry(tx, {
        kind: "payment.received",
        memo: `Pagamento da nota de débito ${documentNumber(note.number)}`,
        source: { type: "debit_note", id: note.id },
        currency: note.currency,
        createdBy: actorUserId,
        lines: [
          { account: { kind: "cash" }, amount: note.total },
          {
            account: { kind: "receivable", consultantId: note.consultantId },
            amount: -note.total,
          },
        ],
      });
      await recordAudit(tx, {
        actorUserId,
        action: "debit_note.pay",
        entityType: "invoice",
        entityId: note.id,
        after: {
          number: note.number,
          paymentId: payment!.id,
          amount: payment!.amount,
          method: payment!.method,
          reference: payment!.reference,
        },
      });
      return payment!;
    });
  } catch (error) {
    const violated = uniqueViolation(error);
    if (violated === "payments_idempotency_key" || violated === "payments_invoice_key") {
      const [same] = await db
        .select()
        .from(payments)
        .where(violated === "payments_invoice_key" ? eq(payments.invoiceId, input.invoiceId) : eq(payments.idempotencyKey, input.idempotencyKey!));
      if (same) return same;
    }
    throw error;
  }
}
