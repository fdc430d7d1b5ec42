import { z } from "zod";
import type { Locale } from "@/server/i18n/locales";
import { translator } from "@/server/i18n/translate";
import { ActionButton, EmailLayout, Paragraph } from "./layout";

/** A staff member's public reply on an incident, sent to the requester. */
export const incidentReplyPropsSchema = z.object({
  name: z.string().min(1),
  number: z.string().min(1),
  subject: z.string().min(1),
  body: z.string().min(1),
  status: z.enum(["new", "open", "waiting", "resolved", "closed"]),
  /** The portal page, for a consultant requester; customers and contacts have none. */
  url: z.url().optional(),
});

export type IncidentReplyProps = z.infer<typeof incidentReplyPropsSchema> & { locale: Locale };

export function incidentReplySubject(locale: Locale, props: z.infer<typeof incidentReplyPropsSchema>) {
  return translator(locale)("incidentsSla.email.replySubject", { number: props.number, subject: props.subject });
}

export default function IncidentReplyEmail({ locale, name, number, subject, body, status, url }: IncidentReplyProps) {
  const t = translator(locale);
  return (
    <EmailLayout locale={locale} preview={t("incidentsSla.email.replySubject", { number, subject })}>
      <Paragraph>{t("email.greeting", { name })}</Paragraph>
      <Paragraph>{t("incidentsSla.email.replyIntro", { number })}</Paragraph>
      {body.split(/\n{2,}/).map((para, i) => (
        <Paragraph key={i}>{para}</Paragraph>
      ))}
      <Paragraph>{t("incidentsSla.email.replyStatus", { status: t(`incidents.status.${status}`) })}</Paragraph>
      {url ? <ActionButton href={url} label={t("incidentsSla.email.replyButton")} locale={locale} /> : <Paragraph>{t("incidentsSla.email.replyFooter")}</Paragraph>}
    </EmailLayout>
  );
}

IncidentReplyEmail.PreviewProps = {
  locale: "pt-BR",
  name: "Ana Souza",
  number: "INC-000042",
  subject: "Pedido não chegou",
  body: "Olá Ana, verificamos com a transportadora: a entrega está prevista para amanhã.",
  status: "waiting",
  url: "http://localhost:3000/portal/incidents/42",
} satisfies IncidentReplyProps;
