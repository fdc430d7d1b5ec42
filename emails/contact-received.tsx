import { z } from "zod";
import type { Locale } from "@/server/i18n/locales";
import { translator } from "@/server/i18n/translate";
import { EmailLayout, Paragraph } from "./layout";

/** The sender's confirmation of a contact form: their ticket number and a copy of what they wrote. */
export const contactReceivedPropsSchema = z.object({
  name: z.string().min(1),
  number: z.string().min(1),
  subject: z.string().min(1),
  message: z.string().min(1),
});

export type ContactReceivedProps = z.infer<typeof contactReceivedPropsSchema> & { locale: Locale };

export function contactReceivedSubject(locale: Locale, props: z.infer<typeof contactReceivedPropsSchema>) {
  return translator(locale)("contact.mail.subject", { number: props.number });
}

export default function ContactReceivedEmail({ locale, name, number, subject, message }: ContactReceivedProps) {
  const t = translator(locale);
  return (
    <EmailLayout locale={locale} preview={t("contact.mail.subject", { number })} footer={t("contact.mail.footer")}>
      <Paragraph>{t("email.greeting", { name })}</Paragraph>
      <Paragraph>{t("contact.mail.intro", { subject, number })}</Paragraph>
      <Paragraph>{t("contact.mail.yourMessage")}</Paragraph>
      {/* The sender's own text, escaped by React; line breaks kept. */}
      <Paragraph>
        <span style={{ whiteSpace: "pre-line" }}>{message}</span>
      </Paragraph>
    </EmailLayout>
  );
}

ContactReceivedEmail.PreviewProps = {
  locale: "pt-BR",
  name: "Carla Mendes",
  number: "INC-000042",
  subject: "Dúvida sobre meu pedido",
  message: "Olá! Fiz um pedido ontem pelo site da Ana e ainda não recebi o boleto.\nPodem me ajudar?",
} satisfies ContactReceivedProps;
