import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { consultants, emailOutbox, incidents, rateLimitHits } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { CONTACT_LIMITS } from "@/server/contact/submit";
import { deliverOutboxEmail } from "@/server/email/deliver";
import type { Locale } from "@/server/i18n/locales";
import { createCallerFactory } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";
import { contextFor, failureOf } from "./admin-helpers";
import { createTestDatabase } from "./db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let ana: { id: number; email: string };

function visitor(ip: string, locale: Locale = "pt-BR") {
  const ctx = { ...contextFor(db, null), ip, locale };
  return { api: createCallerFactory(appRouter)(ctx), ctx };
}

const form = (n: number, extra: Record<string, unknown> = {}) => ({
  slug: "ana",
  name: `Visitante ${n}`,
  email: `visitante${n}@exemplo.com`,
  subject: `Dúvida número ${n}`,
  message: "Olá! Gostaria de saber mais sobre os produtos.",
  ...extra,
});

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  await seedDemo(db, { size: 40, commerce: false });
  const [row] = await db.select({ id: consultants.id, email: consultants.email }).from(consultants).where(eq(consultants.siteSlug, "ana"));
  ana = row!;
});
afterAll(async () => t?.drop());
// Each test starts with fresh counters: the limits are what is tested.
beforeEach(async () => {
  await db.delete(rateLimitHits).where(sql`${rateLimitHits.scope} like 'contact:%'`);
  vi.unstubAllEnvs();
});

describe("the contact form of a replicated site", () => {
  it("opens an incident concerning the site's consultant and stores both e-mails", async () => {
    const { api } = visitor("10.0.0.1");
    const result = await api.contact.submit(form(1, { email: "  Visitante1@Exemplo.com " }));
    expect(result).toMatchObject({ accepted: true, number: expect.stringMatching(/^INC-\d{6}$/) });
    const [incident] = await db.select().from(incidents).where(eq(incidents.id, result.incidentId!));
    expect(incident).toMatchObject({
      subject: "Dúvida número 1",
      description: "Olá! Gostaria de saber mais sobre os produtos.",
      source: "site_form",
      requesterKind: "contact",
      requesterName: "Visitante 1",
      requesterEmail: "visitante1@exemplo.com",
      concernsConsultantId: ana.id,
      status: "new",
    });
    const mails = await db.select().from(emailOutbox).where(sql`${emailOutbox.props}->>'number' = ${result.number}`).orderBy(emailOutbox.id);
    expect(mails.map((m) => [m.template, m.toAddress, m.status])).toEqual([
      ["contact-received", "visitante1@exemplo.com", "pending"],
      ["contact-site-notice", ana.email, "pending"],
    ]);
  });

  it("on the corporate home opens an incident that concerns no consultant and mails only the sender", async () => {
    const { api } = visitor("10.0.0.2", "en");
    const result = await api.contact.submit(form(2, { slug: undefined, locale: "en" }));
    const [incident] = await db.select().from(incidents).where(eq(incidents.id, result.incidentId!));
    expect(incident).toMatchObject({ source: "contact_form", concernsConsultantId: null, locale: "en" });
    const mails = await db.select().from(emailOutbox).where(sql`${emailOutbox.props}->>'number' = ${result.number}`);
    expect(mails.map((m) => [m.template, m.locale])).toEqual([["contact-received", "en"]]);
  });

  it("drops a form whose honeypot is filled without a word: no incident, no e-mail, no count", async () => {
    const before = await db.select({ n: sql<number>`count(*)::int` }).from(incidents);
    const { api } = visitor("10.0.0.3");
    expect(await api.contact.submit(form(3, { website: "http://spam.example" }))).toEqual({ accepted: false, number: null, incidentId: null });
    expect(await db.select({ n: sql<number>`count(*)::int` }).from(incidents)).toEqual(before);
    expect(await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, "visitante3@exemplo.com"))).toEqual([]);
    expect(await db.select().from(rateLimitHits).where(and(eq(rateLimitHits.scope, "contact:ip"), eq(rateLimitHits.key, "10.0.0.3")))).toEqual([]);
  });

  it("checks every field and answers in the visitor's language, writing nothing", async () => {
    const before = await db.select({ n: sql<number>`count(*)::int` }).from(incidents);
    const pt = visitor("10.0.0.4");
    const bad = await failureOf(pt.api.contact.submit({ slug: "ana", name: "", email: "não-é-email", subject: "Oi", message: "curta" }), pt.ctx);
    expect(bad.data.fieldErrors).toEqual({
      name: ["Campo obrigatório."],
      email: ["Informe um e-mail válido."],
      subject: ["O assunto deve ter de 3 a 200 caracteres."],
      message: ["A mensagem deve ter de 10 a 5.000 caracteres."],
    });
    const es = visitor("10.0.0.4", "es");
    const badEs = await failureOf(es.api.contact.submit({ ...form(4), message: "x".repeat(5001) }), es.ctx);
    expect(badEs.data.fieldErrors).toEqual({ message: ["El mensaje debe tener de 10 a 5.000 caracteres."] });
    const unknown = await failureOf(es.api.contact.submit(form(4, { slug: "nao-existe" })), es.ctx);
    expect(unknown).toMatchObject({ message: "Este sitio no está disponible.", data: { code: "NOT_FOUND" } });
    expect(await db.select({ n: sql<number>`count(*)::int` }).from(incidents)).toEqual(before);
  });

  it("limits one address, with a clear message in the visitor's language", async () => {
    const max = CONTACT_LIMITS.perIp("x").max;
    const { api } = visitor("10.0.0.5");
    for (let i = 0; i < max; i++) await api.contact.submit(form(100 + i));
    const en = visitor("10.0.0.5", "en");
    const limited = await failureOf(en.api.contact.submit(form(199)), en.ctx);
    expect(limited).toMatchObject({ message: "You sent too many messages in a short time. Please try again in a few minutes.", data: { code: "TOO_MANY_REQUESTS", httpStatus: 429 } });
    // Another address is not affected.
    expect((await visitor("10.0.0.6").api.contact.submit(form(200))).accepted).toBe(true);
    expect(await db.select().from(incidents).where(eq(incidents.requesterEmail, "visitante199@exemplo.com"))).toEqual([]);
  });

  it("limits one site across many addresses, and another site stays open", async () => {
    const max = CONTACT_LIMITS.perSite("ana").max;
    for (let i = 0; i < max; i++) await visitor(`10.1.${i >> 8}.${i & 255}`).api.contact.submit(form(300 + i));
    const pt = visitor("10.2.0.1");
    const limited = await failureOf(pt.api.contact.submit(form(999)), pt.ctx);
    expect(limited).toMatchObject({ message: "Este site recebeu muitas mensagens agora. Tente de novo mais tarde ou escreva por e-mail.", data: { code: "TOO_MANY_REQUESTS" } });
    expect((await pt.api.contact.submit(form(998, { slug: "bruno" }))).accepted).toBe(true);
  });
});

describe("an accepted form when e-mail delivery fails", () => {
  it("keeps the incident and the confirmation in the outbox, to be retried", async () => {
    const { api } = visitor("10.3.0.1");
    const result = await api.contact.submit(form(500));
    // A provider that does not answer: nothing listens on this port.
    vi.stubEnv("RESEND_API_KEY", "re_test_key");
    vi.stubEnv("RESEND_BASE_URL", "http://127.0.0.1:9/");
    const [mail] = await db.select().from(emailOutbox).where(and(eq(emailOutbox.template, "contact-received"), sql`${emailOutbox.props}->>'number' = ${result.number}`));
    await expect(deliverOutboxEmail(db, mail!.id)).rejects.toThrow();
    const [after] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, mail!.id));
    expect(after).toMatchObject({ status: "pending", attempts: 1, subject: `Recebemos sua mensagem (${result.number})` });
    expect(after!.lastError).toBeTruthy();
    const [incident] = await db.select({ number: incidents.number }).from(incidents).where(eq(incidents.id, result.incidentId!));
    expect(incident!.number).toBe(result.number);
  });
});
