import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { consultants } from "@/db/schema";
import { hit, type Limit } from "../auth/rate-limit";
import { enqueueEmail } from "../email/outbox";
import { AppError } from "../errors";
import { createIncident } from "../incidents/create";
import { LOCALES } from "../i18n/locales";

/**
 * "Entre em contato conosco": the contact form of the corporate home (no slug) and of every
 * replicated site (the site's slug). Public, so: every field checked, a honeypot, and limits per
 * client address and per site kept in Postgres (they hold across app instances).
 *
 * An accepted form is an incident (the site's consultant is the one it concerns) and the e-mails
 * it causes (the sender's confirmation, the consultant's notice) written to the outbox in the
 * same transaction: all stored before any delivery is tried, so a failing provider loses nothing.
 */

const filled = () => z.string({ error: "errors.required" }).trim().min(1, { error: "errors.required", abort: true });

export const contactSchema = z.object({
  slug: z.string().trim().toLowerCase().min(1).max(40).optional(),
  locale: z.enum(LOCALES).default("pt-BR"),
  name: filled().min(2, { error: "contact.errors.nameLength" }).max(120, { error: "contact.errors.nameLength" }),
  email: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toLowerCase() : v),
    z.string({ error: "errors.required" }).min(1, { error: "errors.required", abort: true }).pipe(z.email({ error: "errors.invalidEmail" }).max(320, { error: "errors.tooLong" })),
  ),
  subject: filled().min(3, { error: "contact.errors.subjectLength" }).max(200, { error: "contact.errors.subjectLength" }),
  message: filled().min(10, { error: "contact.errors.messageLength" }).max(5000, { error: "contact.errors.messageLength" }),
  /** Hidden from people; a bot fills it in. Not an error: such a form is dropped without a word. */
  website: z.string().max(2000).optional(),
});
export type ContactInput = z.output<typeof contactSchema>;

/** The corporate form's key among the per-site counters. */
export const CORPORATE_SITE_KEY = "(corporate)";

export const CONTACT_LIMITS = {
  /** A person writes a few messages an hour at most; more from one address is a script. */
  perIp: (ip: string): Limit => ({ scope: "contact:ip", key: ip, max: 5, windowSeconds: 60 * 60 }),
  /** Caps what a spread-out flood can pour into one site's (and its consultant's) inbox. */
  perSite: (site: string): Limit => ({ scope: "contact:site", key: site, max: 60, windowSeconds: 60 * 60 }),
};

export type ContactResult = { accepted: true; number: string; incidentId: number } | { accepted: false; number: null; incidentId: null };

export async function submitContact(db: Db, input: ContactInput, client: { ip: string; appUrl: string }): Promise<ContactResult> {
  // A bot's form looks accepted to it, and costs no one's limit (dropped before counting).
  if (input.website?.trim()) return { accepted: false, number: null, incidentId: null };

  const site = input.slug ? await activeSite(db, input.slug) : null;
  if (input.slug && !site) throw new AppError("NOT_FOUND", "contact.errors.siteNotFound");

  // hit() counts atomically (an upsert), so concurrent forms can never all slip under a limit.
  // The address is counted first: one noisy address does not use up the site's allowance.
  if ((await hit(db, CONTACT_LIMITS.perIp(client.ip))).limited) throw new AppError("TOO_MANY_REQUESTS", "contact.errors.limitedIp");
  if ((await hit(db, CONTACT_LIMITS.perSite(input.slug ?? CORPORATE_SITE_KEY))).limited) throw new AppError("TOO_MANY_REQUESTS", "contact.errors.limitedSite");

  return db.transaction(async (tx) => {
    const incident = await createIncident(tx, {
      subject: input.subject,
      description: input.message,
      requester: { kind: "contact", name: input.name, email: input.email },
      concernsConsultantId: site?.id ?? null,
      source: site ? "site_form" : "contact_form",
      locale: input.locale,
    });
    await enqueueEmail(tx, {
      template: "contact-received",
      to: input.email,
      locale: input.locale,
      props: { name: input.name, number: incident.number, subject: input.subject, message: input.message },
    });
    if (site) {
      await enqueueEmail(tx, {
        template: "contact-site-notice",
        to: site.email,
        locale: site.locale,
        props: {
          consultantName: site.fullName,
          number: incident.number,
          name: input.name,
          email: input.email,
          subject: input.subject,
          message: input.message,
          url: `${client.appUrl || "http://localhost:3000"}/portal/incidents`,
        },
      });
    }
    return { accepted: true as const, number: incident.number, incidentId: incident.id };
  });
}

async function activeSite(db: Db, slug: string) {
  const [row] = await db
    .select({ id: consultants.id, fullName: consultants.fullName, email: consultants.email, locale: consultants.locale })
    .from(consultants)
    .where(and(eq(consultants.siteSlug, slug), eq(consultants.status, "active")));
  return row ?? null;
}
