import { z } from "zod";
import type { Locale } from "@/server/i18n/locales";
import { translator } from "@/server/i18n/translate";
import { ActionButton, EmailLayout, Paragraph } from "./layout";

/** Tells a consultant that someone wrote through their replicated site (the incident concerns them). */
export const contactSiteNoticePropsSchema = z.object({
  consultantName: z.string().min(1),
  number: z.string().min(1),
  name: z.string().min(1),
  email: z.string().min(3),
  subject: z.string().min(1),
  message: z.string().min(1),
  url: z.url(),
});

export type ContactSiteNoticeProps = z.infer<typeof contactSiteNoticePropsSchema> & { locale: Locale };

export function contactSiteNoticeSubject(locale: Locale, props: z.infer<typeof contactSiteNoticePropsSchema>) {
  return translator(locale)("contact.mail.consultantSubject", { number: props.number });
}

export default function ContactSiteNoticeEmail({ locale, consultantName, number, name, email, subject, message, url }: ContactSiteNoticeProps) {
  const t = translator(locale);
  return (
    <EmailLayout locale={locale} preview={t("contact.mail.consultantSubject", { number })}>
      <Paragraph>{t("email.greeting", { name: consultantName })}</Paragraph>
      <Paragraph>{t("contact.mail.consultantIntro", { name, email, subject, number })}</Paragraph>
      <Paragraph>
        <span style={{ whiteSpace: "pre-line" }}>{message}</span>
      </Paragraph>
      <ActionButton href={url} label={t("contact.mail.consultantButton")} locale={locale} />
    </EmailLayout>
  );
}

ContactSiteNoticeEmail.PreviewProps = {
  locale: "pt-BR",
  consultantName: "Ana Souza",
  number: "INC-000042",
  name: "Carla Mendes",
  email: "carla@example.com",
  subject: "Dúvida sobre meu pedido",
  message: "Olá! Fiz um pedido ontem e ainda não recebi o boleto.",
  url: "http://localhost:3000/portal/incidents",
} satisfies ContactSiteNoticeProps;
