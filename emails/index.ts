import { createElement, type ComponentType } from "react";
import { render, toPlainText } from "@react-email/render";
import type { z } from "zod";
import type { Locale } from "@/server/i18n/locales";
import ContactReceivedEmail, { contactReceivedPropsSchema, contactReceivedSubject } from "./contact-received";
import ContactSiteNoticeEmail, { contactSiteNoticePropsSchema, contactSiteNoticeSubject } from "./contact-site-notice";
import IncidentReplyEmail, { incidentReplyPropsSchema, incidentReplySubject } from "./incident-reply";
import IncidentSlaAlertEmail, { incidentSlaAlertPropsSchema, incidentSlaAlertSubject } from "./incident-sla-alert";
import PasswordResetEmail, { passwordResetPropsSchema, passwordResetSubject } from "./password-reset";
import ReturnDecidedEmail, { returnDecidedPropsSchema, returnDecidedSubject } from "./return-decided";
import WelcomeEmail, { welcomePropsSchema, welcomeSubject } from "./welcome";

type TemplateEntry<S extends z.ZodType<Record<string, unknown>>> = {
  schema: S;
  component: ComponentType<z.infer<S> & { locale: Locale }> & { PreviewProps: z.infer<S> & { locale: Locale } };
  subject: (locale: Locale, props: z.infer<S>) => string;
};

function entry<S extends z.ZodType<Record<string, unknown>>>(e: TemplateEntry<S>) {
  return e;
}

/** One entry per e-mail the product sends; the name is what the outbox row stores. */
export const templates = {
  welcome: entry({ schema: welcomePropsSchema, component: WelcomeEmail, subject: welcomeSubject }),
  "password-reset": entry({
    schema: passwordResetPropsSchema,
    component: PasswordResetEmail,
    subject: (locale) => passwordResetSubject(locale),
  }),
  "return-decided": entry({ schema: returnDecidedPropsSchema, component: ReturnDecidedEmail, subject: returnDecidedSubject }),
  "incident-reply": entry({ schema: incidentReplyPropsSchema, component: IncidentReplyEmail, subject: incidentReplySubject }),
  "incident-sla-alert": entry({ schema: incidentSlaAlertPropsSchema, component: IncidentSlaAlertEmail, subject: incidentSlaAlertSubject }),
  "contact-received": entry({ schema: contactReceivedPropsSchema, component: ContactReceivedEmail, subject: contactReceivedSubject }),
  "contact-site-notice": entry({ schema: contactSiteNoticePropsSchema, component: ContactSiteNoticeEmail, subject: contactSiteNoticeSubject }),
};

export type TemplateName = keyof typeof templates;
/** The props a caller passes to `enqueueEmail`: everything but the locale, which the row carries. */
export type TemplateProps<T extends TemplateName> = z.infer<(typeof templates)[T]["schema"]>;

export const TEMPLATE_NAMES = Object.keys(templates) as TemplateName[];

export function isTemplateName(value: string): value is TemplateName {
  return Object.hasOwn(templates, value);
}

export type RenderedEmail = { subject: string; html: string; text: string };

/**
 * Renders a template to what a mail provider needs. Props are parsed with the template's schema
 * because at delivery they come back from jsonb, written possibly by an older release.
 */
export async function renderEmail<T extends TemplateName>(
  template: T,
  locale: Locale,
  props: TemplateProps<T> | Record<string, unknown>,
): Promise<RenderedEmail> {
  // Widened once here: TypeScript cannot correlate the union of entries with `T`.
  const def = templates[template] as unknown as TemplateEntry<z.ZodType<Record<string, unknown>>>;
  const parsed = def.schema.parse(props);
  const html = await render(createElement(def.component, { ...parsed, locale }));
  // Plain text from the same HTML, so both parts always say the same thing.
  return { subject: def.subject(locale, parsed), html, text: toPlainText(html) };
}
