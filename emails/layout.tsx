import type { ReactNode } from "react";
import { Body, Button, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { Locale } from "@/server/i18n/locales";
import { translator } from "@/server/i18n/translate";

// Inline styles only: most mail clients drop <style> blocks and ignore classes.
const colors = { brand: "#0f5c4d", text: "#1f2933", muted: "#6b7280", line: "#e5e7eb", page: "#f4f5f7" };
const font = "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

const styles = {
  body: { backgroundColor: colors.page, fontFamily: font, margin: 0, padding: "24px 0" },
  container: { backgroundColor: "#ffffff", borderRadius: 8, maxWidth: 560, margin: "0 auto", padding: "32px 40px" },
  brand: { color: colors.brand, fontSize: 22, fontWeight: 700, letterSpacing: "-0.02em", margin: "0 0 24px" },
  paragraph: { color: colors.text, fontSize: 15, lineHeight: "24px", margin: "0 0 16px" },
  button: {
    backgroundColor: colors.brand,
    borderRadius: 6,
    color: "#ffffff",
    display: "inline-block",
    fontSize: 15,
    fontWeight: 600,
    padding: "12px 20px",
    textDecoration: "none",
  },
  small: { color: colors.muted, fontSize: 13, lineHeight: "20px", margin: "0 0 8px" },
  link: { color: colors.brand, wordBreak: "break-all" as const },
  hr: { borderColor: colors.line, margin: "32px 0 16px" },
};

/** `footer` replaces the "you have an account" line for mail to people without one (e.g. a contact form's sender). */
export function EmailLayout({ locale, preview, children, footer }: { locale: Locale; preview: string; children: ReactNode; footer?: string }) {
  const t = translator(locale);
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>{t("email.brand")}</Text>
          {children}
          <Hr style={styles.hr} />
          <Text style={styles.small}>{footer ?? t("email.footer")}</Text>
          <Text style={styles.small}>{t("email.footerAutomated")}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={styles.paragraph}>{children}</Text>;
}

/**
 * A call to action with the raw address under it, for clients that block buttons. The plain-text
 * part already prints the address beside the label, so the fallback is skipped there.
 */
export function ActionButton({ href, label, locale }: { href: string; label: string; locale: Locale }) {
  const t = translator(locale);
  return (
    <Section style={{ margin: "8px 0 24px" }}>
      <Button href={href} style={styles.button}>
        {label}
      </Button>
      <Section data-skip-in-text="true">
        <Text style={{ ...styles.small, marginTop: 16 }}>{t("email.linkFallback")}</Text>
        <Text style={styles.small}>
          <Link href={href} style={styles.link}>
            {href}
          </Link>
        </Text>
      </Section>
    </Section>
  );
}
