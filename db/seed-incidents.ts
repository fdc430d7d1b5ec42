import { eq } from "drizzle-orm";
import { createIncident } from "@/server/incidents/create";
import { DEFAULT_TIME_ZONE, DEFAULT_WEEKLY_HOURS } from "@/server/sla/settings";
import type { Db } from "./client";
import { businessCalendar, businessHolidays, consultants, incidentEvents, incidents, slaPolicies, userRoles, users } from "./schema";

/** Business minutes: a 9-hour day is 540. */
const POLICIES = [
  { priority: "critical", category: null, firstResponseMinutes: 30, resolutionMinutes: 240, nearExpiryPercent: 50 },
  { priority: "high", category: null, firstResponseMinutes: 60, resolutionMinutes: 540, nearExpiryPercent: 75 },
  { priority: "normal", category: null, firstResponseMinutes: 240, resolutionMinutes: 1620, nearExpiryPercent: 75 },
  { priority: "low", category: null, firstResponseMinutes: 540, resolutionMinutes: 2700, nearExpiryPercent: 75 },
  { priority: "normal", category: "payments", firstResponseMinutes: 120, resolutionMinutes: 1080, nearExpiryPercent: 75 },
] as const;

const HOLIDAYS = [
  ["2026-12-25", "Natal"],
  ["2027-01-01", "Confraternização Universal"],
  ["2027-02-08", "Carnaval"],
  ["2027-02-09", "Carnaval"],
  ["2027-04-21", "Tiradentes"],
] as const;

const HOUR = 3_600_000;

/**
 * The default business calendar (São Paulo, Mon–Fri 09:00–18:00, national holidays), SLA
 * policies by priority, and a handful of incidents in different states. Runs once.
 */
export async function seedIncidents(db: Db) {
  const [existing] = await db.select({ id: incidents.id }).from(incidents).limit(1);
  if (existing) return;
  await db.insert(businessCalendar).values({ id: 1, timeZone: DEFAULT_TIME_ZONE, weeklyHours: DEFAULT_WEEKLY_HOURS }).onConflictDoNothing();
  await db.insert(businessHolidays).values(HOLIDAYS.map(([day, name]) => ({ day, name }))).onConflictDoNothing();
  const [anyPolicy] = await db.select({ id: slaPolicies.id }).from(slaPolicies).limit(1);
  if (!anyPolicy) await db.insert(slaPolicies).values(POLICIES.map((p) => ({ ...p })));

  const code = async (c: string) => (await db.select({ id: consultants.id }).from(consultants).where(eq(consultants.code, c)))[0]?.id ?? null;
  const ana = await code("RD000002");
  const bruno = await code("RD000017");
  const [support] = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(eq(userRoles.role, "support"))
    .limit(1);
  const now = Date.now();

  type Demo = {
    subject: string;
    description: string;
    category: string;
    priority: "low" | "normal" | "high" | "critical";
    requester: Parameters<typeof createIncident>[1]["requester"];
    concerns: number | null;
    source: "admin" | "portal" | "contact_form" | "site_form";
    hoursAgo: number;
    assign?: boolean;
    reply?: { hoursAgo: number; body: string };
    status?: { to: "waiting" | "resolved"; hoursAgo: number };
  };
  const demos: Demo[] = [
    {
      subject: "Pedido não chegou",
      description: "Fiz o pedido há 10 dias e ainda não recebi. O rastreio parou em Curitiba.",
      category: "orders",
      priority: "high",
      requester: { kind: "contact", name: "Carla Menezes", email: "carla.menezes@example.com" },
      concerns: ana,
      source: "site_form",
      hoursAgo: 200, // 8 days: expired whatever weekday the demo is seeded on
      assign: true,
    },
    {
      subject: "Comissão de outubro diferente do esperado",
      description: "O valor de bônus de equipe veio menor do que o simulador mostrou.",
      category: "commissions",
      priority: "normal",
      requester: ana ? { kind: "consultant", consultantId: ana } : { kind: "contact", name: "Ana Souza", email: "ana@rede.test" },
      concerns: ana,
      source: "portal",
      hoursAgo: 3,
    },
    {
      subject: "Site pessoal fora do ar",
      description: "Meu site mostra erro ao abrir a vitrine.",
      category: "site",
      priority: "critical",
      requester: bruno ? { kind: "consultant", consultantId: bruno } : { kind: "contact", name: "Bruno Almeida", email: "bruno@rede.test" },
      concerns: bruno,
      source: "portal",
      hoursAgo: 1,
      assign: true,
    },
    {
      subject: "Segunda via de boleto",
      description: "Preciso da segunda via do boleto do pedido de novembro.",
      category: "payments",
      priority: "normal",
      requester: { kind: "contact", name: "Roberto Lima", email: "roberto.lima@example.com" },
      concerns: null,
      source: "contact_form",
      hoursAgo: 30,
      reply: { hoursAgo: 28, body: "Olá Roberto, pode nos informar o número do pedido?" },
      status: { to: "waiting", hoursAgo: 28 },
    },
    {
      subject: "Troca de e-mail de acesso",
      description: "Quero trocar o e-mail que uso para entrar no portal.",
      category: "account",
      priority: "low",
      requester: { kind: "contact", name: "Juliana Prates", email: "juliana.prates@example.com" },
      concerns: null,
      source: "contact_form",
      hoursAgo: 80,
      assign: true,
      reply: { hoursAgo: 75, body: "Feito: o novo e-mail já vale para o próximo acesso." },
      status: { to: "resolved", hoursAgo: 75 },
    },
    {
      subject: "Produto com embalagem danificada",
      description: "O perfume chegou com a caixa amassada, mas o frasco está inteiro.",
      category: "products",
      priority: "low",
      requester: { kind: "contact", name: "Marcos Viana", email: "marcos.viana@example.com" },
      concerns: ana,
      source: "site_form",
      hoursAgo: 6,
    },
  ];

  for (const d of demos) {
    await db.transaction(async (tx) => {
      const { id } = await createIncident(tx, { subject: d.subject, description: d.description, category: d.category, priority: d.priority, requester: d.requester, concernsConsultantId: d.concerns, source: d.source, locale: "pt-BR" });
      const created = new Date(now - d.hoursAgo * HOUR);
      await tx.update(incidents).set({ createdAt: created, updatedAt: created }).where(eq(incidents.id, id));
      await tx.update(incidentEvents).set({ at: created }).where(eq(incidentEvents.incidentId, id));
      if (d.assign && support) {
        await tx.update(incidents).set({ assigneeUserId: support.id }).where(eq(incidents.id, id));
        await tx.insert(incidentEvents).values({ incidentId: id, kind: "assignee", fromValue: null, toValue: "Equipe de Suporte", actorLabel: "system", at: new Date(created.getTime() + 60_000) });
      }
      let status = "new";
      if (d.reply) {
        const at = new Date(now - d.reply.hoursAgo * HOUR);
        await tx.insert(incidentEvents).values({ incidentId: id, kind: "reply", public: true, body: d.reply.body, actorUserId: support?.id ?? null, at });
        await tx.insert(incidentEvents).values({ incidentId: id, kind: "status", public: true, fromValue: "new", toValue: "open", actorUserId: support?.id ?? null, at });
        await tx.update(incidents).set({ firstResponseAt: at, status: "open" }).where(eq(incidents.id, id));
        status = "open";
      }
      if (d.status) {
        const at = new Date(now - d.status.hoursAgo * HOUR + 1000);
        await tx.insert(incidentEvents).values({ incidentId: id, kind: "status", public: true, fromValue: status, toValue: d.status.to, actorUserId: support?.id ?? null, at });
        await tx
          .update(incidents)
          .set({ status: d.status.to, resolvedAt: d.status.to === "resolved" ? at : null })
          .where(eq(incidents.id, id));
      }
    });
  }
}
