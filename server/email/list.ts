import { and, count, desc, eq, ilike, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { emailOutbox, outboxStatus } from "@/db/schema";
import { isTemplateName, renderEmail, type RenderedEmail } from "@/emails";
import { AppError } from "../errors";
import { offsetOf, pageInput, type Page } from "../pagination";
import { containsPattern } from "../text-search";

export const OUTBOX_STATUSES = outboxStatus.enumValues;

export const listOutboxSchema = pageInput.extend({
  status: z.enum(OUTBOX_STATUSES).optional(),
  recipient: z.string().trim().max(320, { error: "errors.tooLong" }).optional(),
});
export const outboxIdSchema = z.object({ id: z.number().int().positive() });

export type ListOutboxInput = z.infer<typeof listOutboxSchema>;

const listColumns = {
  id: emailOutbox.id,
  template: emailOutbox.template,
  toAddress: emailOutbox.toAddress,
  locale: emailOutbox.locale,
  subject: emailOutbox.subject,
  status: emailOutbox.status,
  attempts: emailOutbox.attempts,
  lastError: emailOutbox.lastError,
  createdAt: emailOutbox.createdAt,
  deliveredAt: emailOutbox.deliveredAt,
};

export type OutboxListRow = Pick<typeof emailOutbox.$inferSelect, keyof typeof listColumns>;

/** The e-mail outbox newest first; in development it is where sent mail can be read. */
export async function listOutbox(db: DbOrTx, input: ListOutboxInput): Promise<Page<OutboxListRow>> {
  const where: SQL[] = [];
  if (input.status) where.push(eq(emailOutbox.status, input.status));
  if (input.recipient) where.push(ilike(emailOutbox.toAddress, containsPattern(input.recipient)));
  const condition = where.length ? and(...where) : undefined;
  const [rows, [totalRow]] = await Promise.all([
    db
      .select(listColumns)
      .from(emailOutbox)
      .where(condition)
      .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    db.select({ total: count() }).from(emailOutbox).where(condition),
  ]);
  return { rows, total: totalRow?.total ?? 0, page: input.page, pageSize: input.pageSize };
}

/**
 * One message as its recipient sees it, rendered now from the stored template, locale and props
 * (the row keeps no HTML). A row that cannot render still opens, with the reason instead.
 *
 * Set-password and reset links are live credentials: a support agent who can read the outbox must
 * not be able to open an admin's welcome link. They are masked unless `revealLinks` (the dev
 * outbox, where no provider sends mail and this screen is the only mailbox there is).
 */
export async function getOutboxMessage(db: DbOrTx, id: number, opts: { revealLinks: boolean }) {
  const [row] = await db.select({ ...listColumns, props: emailOutbox.props }).from(emailOutbox).where(eq(emailOutbox.id, id));
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
  let rendered: RenderedEmail | null = null;
  let renderError: string | null = null;
  let linksHidden = false;
  try {
    if (!isTemplateName(row.template)) throw new Error(`unknown template "${row.template}"`);
    rendered = await renderEmail(row.template, row.locale, row.props);
    if (!opts.revealLinks) {
      const masked = maskSecrets(rendered);
      linksHidden = masked.html !== rendered.html || masked.text !== rendered.text;
      rendered = masked;
    }
  } catch (error) {
    renderError = error instanceof Error ? error.message : String(error);
  }
  const { props: _props, ...message } = row;
  return { ...message, rendered, renderError, linksHidden };
}

const SECRET_PARAM = /([?&](?:amp;)?token=)[^&"'\s<>]+/g;
export const MASKED = "(hidden)";

function maskSecrets(email: RenderedEmail): RenderedEmail {
  const mask = (text: string) => text.replace(SECRET_PARAM, `$1${MASKED}`);
  return { subject: email.subject, html: mask(email.html), text: mask(email.text) };
}
