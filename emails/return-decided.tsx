import { z } from "zod";
import { formatMoney } from "@/server/commerce/money";
import type { Locale } from "@/server/i18n/locales";
import { translator } from "@/server/i18n/translate";
import { ActionButton, EmailLayout, Paragraph } from "./layout";

/** What the outbox stores for this template; parsed again at delivery, since jsonb is untyped. */
export const returnDecidedPropsSchema = z.object({
  name: z.string().min(1),
  requestId: z.number().int().positive(),
  kind: z.enum(["return", "exchange"]),
  decision: z.enum(["approve", "reject"]),
  orderNumber: z.string().min(1),
  comment: z.string().optional(),
  /** The credit or debit note the approval issued, if any (amount in minor units). */
  note: z.object({ kind: z.enum(["credit_note", "debit_note"]), number: z.number().int(), total: z.number().int(), currency: z.string() }).optional(),
  url: z.url(),
});

export type ReturnDecidedProps = z.infer<typeof returnDecidedPropsSchema> & { locale: Locale };

export function returnDecidedSubject(locale: Locale, props: z.infer<typeof returnDecidedPropsSchema>) {
  return translator(locale)(`returns.email.subject.${props.kind}.${props.decision}`, { id: props.requestId, order: props.orderNumber });
}

export default function ReturnDecidedEmail({ locale, name, requestId, kind, decision, orderNumber, comment, note, url }: ReturnDecidedProps) {
  const t = translator(locale);
  return (
    <EmailLayout locale={locale} preview={t(`returns.email.subject.${kind}.${decision}`, { id: requestId, order: orderNumber })}>
      <Paragraph>{t("email.greeting", { name })}</Paragraph>
      <Paragraph>{t(`returns.email.intro.${kind}.${decision}`, { id: requestId, order: orderNumber })}</Paragraph>
      {comment ? <Paragraph>{t("returns.email.comment", { comment })}</Paragraph> : null}
      {note ? (
        <Paragraph>
          {t(`returns.email.note.${note.kind}`, { number: String(note.number).padStart(6, "0"), amount: formatMoney(note.total, note.currency, locale) })}
        </Paragraph>
      ) : null}
      <ActionButton href={url} label={t("returns.email.button")} locale={locale} />
    </EmailLayout>
  );
}

ReturnDecidedEmail.PreviewProps = {
  locale: "pt-BR",
  name: "Ana Souza",
  requestId: 12,
  kind: "return",
  decision: "approve",
  orderNumber: "P0000042",
  comment: "Produto recebido com a embalagem violada; crédito liberado.",
  note: { kind: "credit_note", number: 7, total: 6980, currency: "BRL" },
  url: "http://localhost:3000/portal/returns/12",
} satisfies ReturnDecidedProps;
