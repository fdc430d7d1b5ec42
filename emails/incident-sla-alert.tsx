import { z } from "zod";
import { formatInstant } from "@/server/sla/format";
import type { Locale } from "@/server/i18n/locales";
import { translator } from "@/server/i18n/translate";
import { ActionButton, EmailLayout, Paragraph } from "./layout";

/** An SLA threshold crossed (near expiry, expired), to the assignee and, when expired, managers. */
export const incidentSlaAlertPropsSchema = z.object({
  name: z.string().min(1),
  number: z.string().min(1),
  subject: z.string().min(1),
  target: z.enum(["first_response", "resolution"]),
  level: z.enum(["near", "expired"]),
  dueAt: z.string(),
  timeZone: z.string(),
  manager: z.boolean().default(false),
  url: z.url(),
});

export type IncidentSlaAlertProps = z.infer<typeof incidentSlaAlertPropsSchema> & { locale: Locale };

export function incidentSlaAlertSubject(locale: Locale, props: z.infer<typeof incidentSlaAlertPropsSchema>) {
  const t = translator(locale);
  const key = props.level === "near" ? "incidentsSla.email.alertSubjectNear" : "incidentsSla.email.alertSubjectExpired";
  return t(key, { number: props.number, target: t(`incidentsSla.email.target.${props.target}`) });
}

export default function IncidentSlaAlertEmail({ locale, name, number, subject, target, level, dueAt, timeZone, manager, url }: IncidentSlaAlertProps) {
  const t = translator(locale);
  const params = { number, subject, target: t(`incidentsSla.email.target.${target}`), due: formatInstant(locale, dueAt, timeZone) };
  return (
    <EmailLayout locale={locale} preview={incidentSlaAlertSubject(locale, { name, number, subject, target, level, dueAt, timeZone, manager, url })}>
      <Paragraph>{t("email.greeting", { name })}</Paragraph>
      <Paragraph>{t(level === "near" ? "incidentsSla.email.alertNear" : "incidentsSla.email.alertExpired", params)}</Paragraph>
      {manager ? <Paragraph>{t("incidentsSla.email.alertManager")}</Paragraph> : null}
      <ActionButton href={url} label={t("incidentsSla.email.alertButton")} locale={locale} />
    </EmailLayout>
  );
}

IncidentSlaAlertEmail.PreviewProps = {
  locale: "pt-BR",
  name: "Sofia Suporte",
  number: "INC-000042",
  subject: "Pedido não chegou",
  target: "resolution",
  level: "near",
  dueAt: "2026-11-27T20:00:00.000Z",
  timeZone: "America/Sao_Paulo",
  manager: false,
  url: "http://localhost:3000/admin/incidents/42",
} satisfies IncidentSlaAlertProps;
