import { z } from "zod";
import type { Locale } from "@/server/i18n/locales";
import { translator } from "@/server/i18n/translate";
import { ActionButton, EmailLayout, Paragraph } from "./layout";

/** What the outbox stores for this template; parsed again at delivery, since jsonb is untyped. */
export const passwordResetPropsSchema = z.object({
  name: z.string().min(1),
  resetUrl: z.url(),
});

export type PasswordResetProps = z.infer<typeof passwordResetPropsSchema> & { locale: Locale };

export function passwordResetSubject(locale: Locale) {
  return translator(locale)("email.passwordReset.subject");
}

export default function PasswordResetEmail({ locale, name, resetUrl }: PasswordResetProps) {
  const t = translator(locale);
  return (
    <EmailLayout locale={locale} preview={t("email.passwordReset.preview")}>
      <Paragraph>{t("email.greeting", { name })}</Paragraph>
      <Paragraph>{t("email.passwordReset.intro")}</Paragraph>
      <ActionButton href={resetUrl} label={t("email.passwordReset.button")} locale={locale} />
      {/* The token is spent on use and expires after an hour (server/auth/password-reset.ts). */}
      <Paragraph>{t("email.passwordReset.expiry")}</Paragraph>
      <Paragraph>{t("email.passwordReset.ignore")}</Paragraph>
    </EmailLayout>
  );
}

PasswordResetEmail.PreviewProps = {
  locale: "pt-BR",
  name: "Ana Souza",
  resetUrl: "http://localhost:3000/reset-password?token=preview-token",
} satisfies PasswordResetProps;
