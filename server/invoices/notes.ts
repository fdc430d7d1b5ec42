import type { DbOrTx } from "@/db/client";
import { invoices } from "@/db/schema";
import { nextNumber } from "../commerce/orders";

export type NoteKind = "credit_note" | "debit_note";
/** A line as printed: returned goods carry a negative quantity and total on an exchange note. */
export type DocumentLine = (typeof invoices.$inferInsert)["lines"][number];

/**
 * Issues a credit or debit note: the next number of the kind's own gapless series, taken under a
 * row lock in the caller's transaction (a refused approval rolls its number back). `total` is
 * positive; the kind says which way the money goes. The caller posts the note's journal entry in
 * the same transaction.
 */
export async function issueNote(
  tx: DbOrTx,
  note: {
    kind: NoteKind;
    /** Null for a manual note that concerns no order. */
    orderId: number | null;
    relatedInvoiceId?: number | null;
    consultantId: number;
    customerId: number | null;
    currency: string;
    total: number;
    lines: DocumentLine[];
    dueOn?: string | null;
    issuedBy: string | null;
  },
) {
  if (!Number.isSafeInteger(note.total) || note.total <= 0) throw new Error(`a note's total must be a positive integer, got ${note.total}`);
  const [row] = await tx
    .insert(invoices)
    .values({
      kind: note.kind,
      number: await nextNumber(tx, note.kind),
      orderId: note.orderId,
      relatedInvoiceId: note.relatedInvoiceId ?? null,
      consultantId: note.consultantId,
      customerId: note.customerId,
      currency: note.currency,
      total: note.total,
      lines: note.lines,
      dueOn: note.dueOn ?? null,
      issuedBy: note.issuedBy,
    })
    .returning();
  return row!;
}

/** "000042": document numbers as printed and shown. */
export const documentNumber = (n: number) => String(n).padStart(6, "0");
