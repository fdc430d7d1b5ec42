/**
 * Load: 1,000 contact forms posted to one replicated site from many client addresses, 16 at a
 * time, through the public procedure the site's server action calls (in-process, real Postgres).
 * Checks that the limits hold under concurrency (counters are atomic upserts) and that every
 * accepted form is exactly one incident with its e-mails stored. Bounded in count (1,000) and in
 * time (the test's timeout); the throughput is printed, never asserted.
 */
import { TRPCError } from "@trpc/server";
import { and, eq, gte, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { consultants, emailOutbox, incidents } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { AppError } from "@/server/errors";
import { CONTACT_LIMITS } from "@/server/contact/submit";
import { createCallerFactory } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";
import { contextFor } from "./admin-helpers";
import { createTestDatabase } from "./db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  await seedDemo(db, { size: 40, commerce: false });
});
afterAll(async () => t?.drop());

const TOTAL = 1000;
const NOISY_IPS = 20; // 30 forms each: 600
const NOISY_EACH = 30;
const HONEYPOTS = 50; // from quiet addresses, filled in by a "bot"

type Outcome = { ip: string; kind: "accepted" | "dropped" | "limitedIp" | "limitedSite" | "other"; number?: string; incidentId?: number; detail?: string };

it("1,000 forms from many addresses to one site: limits hold, every accepted form is one incident", { timeout: 180_000 }, async () => {
  const ipMax = CONTACT_LIMITS.perIp("x").max;
  const siteMax = CONTACT_LIMITS.perSite("ana").max;
  const [ana] = await db.select({ id: consultants.id }).from(consultants).where(eq(consultants.siteSlug, "ana"));

  // 20 noisy addresses sending 30 each, 400 quiet ones sending one each (50 of them bots), shuffled.
  const jobs: { ip: string; n: number; bot: boolean }[] = [];
  for (let i = 0; i < NOISY_IPS; i++) for (let k = 0; k < NOISY_EACH; k++) jobs.push({ ip: `198.51.100.${i + 1}`, n: jobs.length, bot: false });
  for (let i = 0; jobs.length < TOTAL; i++) jobs.push({ ip: `203.0.${113 + (i >> 8)}.${i & 255}`, n: jobs.length, bot: i < HONEYPOTS });
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = jobs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [jobs[i], jobs[j]] = [jobs[j]!, jobs[i]!];
  }

  const startedAt = new Date();
  const outcomes: Outcome[] = [];
  let next = 0;
  async function worker() {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      const api = createCallerFactory(appRouter)({ ...contextFor(db, null), ip: job.ip });
      try {
        const r = await api.contact.submit({
          slug: "ana",
          name: `Carga ${job.n}`,
          email: `carga${job.n}@exemplo.com`,
          subject: `Mensagem de carga ${job.n}`,
          message: "Mensagem enviada pelo teste de carga do formulário de contato.",
          website: job.bot ? "http://spam.example" : "",
        });
        outcomes.push(r.accepted ? { ip: job.ip, kind: "accepted", number: r.number, incidentId: r.incidentId } : { ip: job.ip, kind: "dropped" });
      } catch (error) {
        const key = error instanceof TRPCError && error.cause instanceof AppError ? error.cause.messageKey : String(error);
        outcomes.push({ ip: job.ip, kind: key === "contact.errors.limitedIp" ? "limitedIp" : key === "contact.errors.limitedSite" ? "limitedSite" : "other", detail: key });
      }
    }
  }
  await Promise.all(Array.from({ length: 16 }, worker));
  const endedAt = new Date();
  const seconds = (endedAt.getTime() - startedAt.getTime()) / 1000;

  const count = (kind: Outcome["kind"]) => outcomes.filter((o) => o.kind === kind).length;
  console.log(
    `[contact-load] ${TOTAL} forms in ${seconds.toFixed(1)} s (${(TOTAL / seconds).toFixed(0)}/s): accepted ${count("accepted")}, honeypot ${count("dropped")}, limited per address ${count("limitedIp")}, per site ${count("limitedSite")}`,
  );

  expect(outcomes).toHaveLength(TOTAL);
  expect(outcomes.filter((o) => o.kind === "other")).toEqual([]); // no 500, no other refusal
  expect(count("dropped")).toBe(HONEYPOTS);
  // Each noisy address got its allowance at most, then the per-address message every time.
  expect(count("limitedIp")).toBe(NOISY_IPS * (NOISY_EACH - ipMax));
  const acceptedByIp = new Map<string, number>();
  for (const o of outcomes) if (o.kind === "accepted") acceptedByIp.set(o.ip, (acceptedByIp.get(o.ip) ?? 0) + 1);
  expect(Math.max(...acceptedByIp.values())).toBeLessThanOrEqual(ipMax);
  // The site's allowance, exactly, within one fixed window (at most one more if the run straddled two).
  const windows = Math.floor(endedAt.getTime() / 3_600_000) - Math.floor(startedAt.getTime() / 3_600_000) + 1;
  if (windows === 1) expect(count("accepted")).toBe(siteMax);
  else expect(count("accepted")).toBeLessThanOrEqual(siteMax * windows);
  expect(count("accepted") + count("dropped") + count("limitedIp") + count("limitedSite")).toBe(TOTAL);

  // Every accepted form is exactly one incident concerning Ana, with its two e-mails; nothing else was written.
  const accepted = outcomes.filter((o) => o.kind === "accepted");
  const rows = await db
    .select({ id: incidents.id, number: incidents.number, source: incidents.source, concerns: incidents.concernsConsultantId })
    .from(incidents)
    .where(and(gte(incidents.createdAt, startedAt), sql`${incidents.subject} like 'Mensagem de carga %'`));
  expect(rows.map((r) => r.number).sort()).toEqual(accepted.map((o) => o.number).sort());
  expect(new Set(rows.map((r) => r.number)).size).toBe(rows.length);
  expect(rows.every((r) => r.source === "site_form" && r.concerns === ana!.id)).toBe(true);
  const [mails] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(emailOutbox)
    .where(and(gte(emailOutbox.createdAt, startedAt), sql`${emailOutbox.template} in ('contact-received', 'contact-site-notice')`));
  expect(mails!.n).toBe(accepted.length * 2);
});
