import { eq, sql } from "drizzle-orm";
import { Resend } from "resend";
import type { Db } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { isTemplateName, renderEmail } from "@/emails";

export const DEFAULT_EMAIL_FROM = "Rede <no-reply@rede.test>";
const SEND_TIMEOUT_MS = 30_000;

export type DeliverOptions = {
  /** The job's last try: a failure now is final, so the row is marked `failed` for the admin. */
  finalAttempt?: boolean;
};

export type DeliveryResult = "sent" | "dev_delivered" | "already_delivered" | "missing" | "failed";

/** A row that can never be delivered (unknown template, props that fail the schema): no retry. */
class PermanentEmailError extends Error {}

/**
 * Delivers one outbox row. Idempotent: the row lock serialises concurrent workers, a delivered row
 * is left alone, and Resend's idempotency key covers a crash between its reply and our commit.
 * A transient failure is recorded on the row and rethrown so graphile-worker retries with backoff.
 */
export async function deliverOutboxEmail(db: Db, outboxId: number, opts: DeliverOptions = {}): Promise<DeliveryResult> {
  const outcome = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(emailOutbox).where(eq(emailOutbox.id, outboxId)).for("update");
    if (!row) return { result: "missing" as const };
    if (row.status === "sent" || row.status === "dev_delivered") return { result: "already_delivered" as const };

    let subject: string | null = row.subject;
    try {
      if (!isTemplateName(row.template)) throw new PermanentEmailError(`unknown e-mail template "${row.template}"`);
      const rendered = await renderEmail(row.template, row.locale, row.props).catch((error: unknown) => {
        throw new PermanentEmailError(`cannot render "${row.template}": ${messageOf(error)}`);
      });
      subject = rendered.subject;

      const apiKey = process.env.RESEND_API_KEY;
      if (!apiKey) {
        // No provider configured: the e-mail is kept for the admin's dev outbox instead.
        await tx
          .update(emailOutbox)
          .set({ status: "dev_delivered", subject, attempts: sql`${emailOutbox.attempts} + 1`, lastError: null, deliveredAt: new Date() })
          .where(eq(emailOutbox.id, row.id));
        return { result: "dev_delivered" as const };
      }

      const { data, error } = await new Resend(apiKey).emails.send(
        { from: process.env.EMAIL_FROM ?? DEFAULT_EMAIL_FROM, to: row.toAddress, ...rendered },
        // Bounded, because the row lock (and a pool connection) is held while we wait.
        { idempotencyKey: `outbox-${row.id}`, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) },
      );
      // The SDK reports HTTP and network failures as `{ error }` instead of throwing.
      if (error || !data) throw new Error(`Resend: ${error ? `${error.name}: ${error.message}` : "empty response"}`);

      await tx
        .update(emailOutbox)
        .set({ status: "sent", subject, providerId: data.id, attempts: sql`${emailOutbox.attempts} + 1`, lastError: null, deliveredAt: new Date() })
        .where(eq(emailOutbox.id, row.id));
      return { result: "sent" as const };
    } catch (error) {
      const permanent = error instanceof PermanentEmailError;
      await tx
        .update(emailOutbox)
        .set({
          status: permanent || opts.finalAttempt ? "failed" : "pending",
          subject,
          attempts: sql`${emailOutbox.attempts} + 1`,
          lastError: messageOf(error).slice(0, 2000),
        })
        .where(eq(emailOutbox.id, row.id));
      // Returned, not thrown, so the failure record above commits.
      return { result: "failed" as const, error, retry: !permanent };
    }
  });

  if (outcome.result === "failed") {
    if (outcome.retry) throw outcome.error;
    console.error(`[email] outbox ${outboxId} failed permanently: ${messageOf(outcome.error)}`);
  }
  return outcome.result;
}

function messageOf(error: unknown) {
  return error instanceof Error ? error.message : String(error);
}
