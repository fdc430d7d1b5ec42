import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import type { Locale } from "../i18n/locales";
import type { TemplateName, TemplateProps } from "@/emails";

export const DELIVER_EMAIL_TASK = "deliver_email";

/**
 * Writes an e-mail to the outbox and queues its delivery job. Call it with the transaction of
 * the business write that causes the e-mail: both commit or neither does.
 */
export async function enqueueEmail<T extends TemplateName>(
  tx: DbOrTx,
  email: { template: T; to: string; locale: Locale; props: TemplateProps<T> },
) {
  const [row] = await tx
    .insert(emailOutbox)
    .values({ template: email.template, toAddress: email.to, locale: email.locale, props: email.props })
    .returning({ id: emailOutbox.id });
  const id = row!.id;
  await tx.execute(
    sql`select graphile_worker.add_job(${DELIVER_EMAIL_TASK}, json_build_object('outboxId', ${id}::bigint),
        job_key := ${`email:${id}`}, max_attempts := 10)`,
  );
  return id;
}
