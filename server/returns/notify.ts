import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { invoices, users } from "@/db/schema";
import { enqueueEmail } from "../email/outbox";

/**
 * Tells the person who asked what was decided, in their language, through the outbox (so the
 * e-mail exists exactly when the decision commits). A consultant's link opens the portal; a staff
 * member's, the admin queue.
 */
export async function notifyRequester(
  tx: DbOrTx,
  d: { requestId: number; requestedBy: string; kind: "return" | "exchange"; decision: "approve" | "reject"; comment: string; orderNumber: string; noteId: number | null; appUrl: string },
) {
  const [user] = await tx.select({ name: users.name, email: users.email, locale: users.locale, consultantId: users.consultantId }).from(users).where(eq(users.id, d.requestedBy));
  if (!user) return null;
  const [note] = d.noteId ? await tx.select({ kind: invoices.kind, number: invoices.number, total: invoices.total, currency: invoices.currency }).from(invoices).where(eq(invoices.id, d.noteId)) : [];
  const url = `${d.appUrl.replace(/\/$/, "")}/${user.consultantId !== null ? "portal" : "admin"}/returns/${d.requestId}`;
  return enqueueEmail(tx, {
    template: "return-decided",
    to: user.email,
    locale: user.locale,
    props: {
      name: user.name,
      requestId: d.requestId,
      kind: d.kind,
      decision: d.decision,
      orderNumber: d.orderNumber,
      comment: d.comment || undefined,
      note: note ? { kind: note.kind as "credit_note" | "debit_note", number: note.number, total: note.total, currency: note.currency } : undefined,
      url,
    },
  });
}
