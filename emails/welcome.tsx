import { z } from "zod";
import type { Locale } from "@/server/i18n/locales";
import { translator } from "@/server/i18n/translate";
import { ActionButton, EmailLayout, Paragraph } from "./layout";

/** What the outbox stores for this template; parsed again at delivery, since jsonb is untyped. */
export const welcomePropsSchema = z.object({
  name: z.string().min(1),
  loginUrl: z.url(),
  // Present when an admin created the account without a password: a one-time set-password link.
  setPasswordUrl: z.url().optional(),
});

export type WelcomeProps = z.infer<typeof welcomePropsSchema> & { locale: Locale };

export function welcomeSubject(locale: Locale, props: z.infer<typeof welcomePropsSchema>) {
  return translator(locale)("email.welcome.subject", { name: props.name });
}

export default function WelcomeEmail({ locale, name, loginUrl, setPasswordUrl }: WelcomeProps) {
  const t = translator(locale);
  return (
    <EmailLayout locale={locale} preview={t("email.welcome.preview")}>
      <Paragraph>{t("email.greeting", { name })}</Paragraph>
      <Paragraph>{t("email.welcome.intro")}</Paragraph>
      {setPasswordUrl ? (
        <>
          <Paragraph>{t("email.welcome.setPasswordIntro")}</Paragraph>
          <ActionButton href={setPasswordUrl} label={t("email.welcome.setPasswordButton")} locale={locale} />
        </>
      ) : null}
      <Paragraph>{t("email.welcome.loginIntro")}</Paragraph>
      <ActionButton href={loginUrl} label={t("email.welcome.loginButton")} locale={locale} />
    </EmailLayout>
  );
}

WelcomeEmail.PreviewProps = {
  locale: "pt-BR",
  name: "Ana Souza",
  loginUrl: "http://localhost:3000/login",
  setPasswordUrl: "http://localhost:3000/reset-password?token=preview-token",
} satisfies WelcomeProps;
