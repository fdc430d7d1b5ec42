import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { emailOutbox, incidentEvents, incidents, slaNotifications, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { createIncident } from "@/server/incidents/create";
import { incidentCounts, listIncidents } from "@/server/incidents/queries";
import { listIncidentsSchema } from "@/server/incidents/schemas";
import { sendSlaAlerts } from "@/server/sla/alerts";
import { callerAs, failureOf } from "./admin-helpers";
import { createTestDatabase } from "./db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let admin: Awaited<ReturnType<typeof callerAs>>;
let support: Awaited<ReturnType<typeof callerAs>>;
let ana: Awaited<ReturnType<typeof callerAs>>;
let bruno: Awaited<ReturnType<typeof callerAs>>;
let supportId: string;
let anaUserId: string;

const allDay: [number, number][] = [[0, 1440]];
const everyHour = { "0": allDay, "1": allDay, "2": allDay, "3": allDay, "4": allDay, "5": allDay, "6": allDay };
const list = (input: Record<string, unknown>) => listIncidentsSchema.parse(input);
const T = new Date("2026-11-23T12:00:00Z");
const after = (minutes: number) => new Date(T.getTime() + minutes * 60_000);

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  await seedDemo(db, { size: 60, commerce: false });
  const user = async (email: string) => (await db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;
  supportId = await user("suporte@rede.test");
  anaUserId = await user("ana@rede.test");
  admin = await callerAs(db, await user("admin@rede.test"));
  support = await callerAs(db, supportId);
  ana = await callerAs(db, anaUserId);
  bruno = await callerAs(db, await user("bruno@rede.test"));
  // Round-the-clock UTC calendar: business minutes are wall minutes, so the figures below read plainly.
  await admin.api.incidents.saveCalendar({ timeZone: "UTC", weeklyHours: everyHour, holidays: [] });
  await db.execute(sql`delete from sla_policies`);
  await admin.api.incidents.savePolicy({ priority: "normal", category: null, firstResponseMinutes: 60, resolutionMinutes: 240, nearExpiryPercent: 75 });
});
afterAll(async () => {
  await t?.drop();
});

/** Moves an incident's start to T (its clock derives from created_at and the events). */
async function startAtT(id: number) {
  await db.update(incidents).set({ createdAt: T }).where(eq(incidents.id, id));
}

describe("incident numbers", () => {
  it("are gapless: a rolled-back create leaves no hole", async () => {
    const make = (subject: string) => db.transaction((tx) => createIncident(tx, { subject, description: "d", requester: { kind: "contact", name: "Maria", email: "maria@example.com" }, source: "contact_form" }));
    const a = await make("um");
    await expect(
      db.transaction(async (tx) => {
        await createIncident(tx, { subject: "desfeito", description: "d", requester: { kind: "contact", name: "Maria", email: "maria@example.com" }, source: "contact_form" });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    const b = await make("dois");
    expect(a.number).toMatch(/^INC-\d{6}$/);
    expect(Number(b.number.slice(4))).toBe(Number(a.number.slice(4)) + 1);
  });

  it("bad input is refused with a field and writes nothing", async () => {
    const before = (await db.select({ n: sql<number>`count(*)::int` }).from(incidents))[0]!.n;
    await expect(db.transaction((tx) => createIncident(tx, { subject: "x", description: "d", requester: { kind: "contact", name: "Maria", email: "not-an-email" }, source: "contact_form" }))).rejects.toMatchObject({ messageKey: "incidents.errors.email" });
    await expect(db.transaction((tx) => createIncident(tx, { subject: "  ", description: "d", requester: { kind: "contact", name: "M", email: "m@example.com" }, source: "admin" }))).rejects.toMatchObject({ field: "subject" });
    expect((await db.select({ n: sql<number>`count(*)::int` }).from(incidents))[0]!.n).toBe(before);
  });
});

describe("portal scope: a consultant sees what they reported or what concerns them, never others'", () => {
  let anaOwn: number;
  let aboutAna: number;
  let brunos: number;

  beforeAll(async () => {
    anaOwn = (await ana.api.incidents.myCreate({ subject: "Comissão não apareceu", description: "Minha comissão de outubro não aparece.", category: "commissions" })).id;
    aboutAna = (await support.api.incidents.create({ subject: "Cliente reclama da Ana", description: "Entrega atrasada", requester: { kind: "contact", name: "Carla", email: "carla@example.com" }, concernsConsultantCode: "RD000002" })).id;
    brunos = (await support.api.incidents.create({ subject: "Senha do Bruno", description: "Não consigo entrar", requester: { kind: "consultant", consultantCode: "rd000017" } })).id;
    await support.api.incidents.note({ id: aboutAna, body: "Nota interna: cliente já reclamou antes." });
  });

  it("lists only own and concerning incidents", async () => {
    const mine = await ana.api.incidents.mine({});
    const ids = mine.rows.map((r) => r.id);
    expect(ids).toContain(anaOwn);
    expect(ids).toContain(aboutAna);
    expect(ids).not.toContain(brunos);
    const his = (await bruno.api.incidents.mine({})).rows.map((r) => r.id);
    expect(his).toContain(brunos);
    expect(his).not.toContain(anaOwn);
    expect(his).not.toContain(aboutAna);
    // Every row of Ana's list involves her (the seed adds a few of its own).
    for (const r of mine.rows) expect([r.requesterCode, r.concernsCode]).toContain("RD000002");
  });

  it("another consultant's incident is not found, to read or to answer", async () => {
    await expect(ana.api.incidents.myGet({ id: brunos })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(ana.api.incidents.myReply({ id: brunos, body: "Olá" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(bruno.api.incidents.myGet({ id: anaOwn })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const events = await db.select().from(incidentEvents).where(and(eq(incidentEvents.incidentId, brunos), eq(incidentEvents.kind, "requester_reply")));
    expect(events).toHaveLength(0);
  });

  it("the portal detail hides internal notes and the assignee", async () => {
    const d = await ana.api.incidents.myGet({ id: aboutAna });
    expect(d.events.map((e) => e.kind)).not.toContain("note");
    expect(d).not.toHaveProperty("assigneeName");
    expect(d).not.toHaveProperty("requesterEmail");
    expect(JSON.stringify(await ana.api.incidents.mine({}))).not.toContain("carla@example.com");
    const staffView = await support.api.incidents.get({ id: aboutAna });
    expect(staffView.events.map((e) => e.kind)).toContain("note");
  });

  it("staff list filters by consultant (requester or concerned) and by text", async () => {
    const byAna = await support.api.incidents.list({ consultant: "RD000002" });
    expect(byAna.rows.map((r) => r.id)).toEqual(expect.arrayContaining([anaOwn, aboutAna]));
    expect(byAna.rows.map((r) => r.id)).not.toContain(brunos);
    for (const r of byAna.rows) expect([r.requesterCode, r.concernsCode]).toContain("RD000002");
    const byText = await support.api.incidents.list({ q: "senha do bru" });
    expect(byText.rows.map((r) => r.id)).toEqual([brunos]);
  });
});

describe("replies, notes and changes on the timeline", () => {
  it("a public reply is e-mailed to the requester through the outbox, opens a new incident and records who", async () => {
    const { id } = await support.api.incidents.create({ subject: "Boleto vencido", description: "Preciso de outro boleto", requester: { kind: "contact", name: "Rita", email: "Rita@Example.com" } });
    const res = await support.api.incidents.reply({ id, body: "Olá Rita, segue o novo boleto." });
    expect(res.status).toBe("open");
    const [mail] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, res.outboxId));
    expect(mail).toMatchObject({ template: "incident-reply", toAddress: "rita@example.com" });
    expect(mail!.props).toMatchObject({ body: "Olá Rita, segue o novo boleto.", status: "open" });
    const d = await support.api.incidents.get({ id });
    expect(d.events.map((e) => [e.kind, e.actorName])).toEqual([
      ["created", "Equipe de Suporte"],
      ["reply", "Equipe de Suporte"],
      ["status", "Equipe de Suporte"],
    ]);
    expect(d.events.find((e) => e.kind === "status")).toMatchObject({ fromValue: "new", toValue: "open" });
    expect(d.firstResponseAt).not.toBeNull();
    expect(d.sla.firstResponse!.state).toBe("met");
  });

  it("status, priority and assignee changes; a closed incident takes no reply until reopened", async () => {
    const { id } = await support.api.incidents.create({ subject: "Troca de endereço", description: "Mudei de casa", requester: { kind: "consultant", consultantCode: "RD000002" } });
    await support.api.incidents.setPriority({ id, priority: "high" });
    await support.api.incidents.setAssignee({ id, assigneeUserId: supportId });
    const f = await failureOf(support.api.incidents.setAssignee({ id, assigneeUserId: anaUserId }), support.ctx);
    expect(f.data.code).toBe("BAD_REQUEST");
    await support.api.incidents.setStatus({ id, status: "closed" });
    await expect(support.api.incidents.reply({ id, body: "Oi" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(support.api.incidents.setStatus({ id, status: "closed" })).rejects.toMatchObject({ code: "CONFLICT" });
    await support.api.incidents.reopen({ id });
    const d = await support.api.incidents.get({ id });
    expect(d.status).toBe("open");
    expect(d.assigneeUserId).toBe(supportId);
    expect(d.events.filter((e) => e.kind !== "created").map((e) => [e.kind, e.fromValue, e.toValue])).toEqual([
      ["priority", "normal", "high"],
      ["assignee", null, d.assigneeName],
      ["status", "new", "closed"],
      ["status", "closed", "open"],
    ]);
    await expect(support.api.incidents.reopen({ id })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("SLA state derived from history; policy and calendar edits recompute", () => {
  let id: number;
  beforeAll(async () => {
    id = (await support.api.incidents.create({ subject: "SLA derivado", description: "d", requester: { kind: "contact", name: "Zé", email: "ze@example.com" } })).id;
    await startAtT(id);
  });
  const stateAt = async (minutes: number) => (await listIncidents(db, list({ q: "SLA derivado" }), { now: after(minutes) })).rows[0]!.sla;

  it("on track, near expiry (75 %), expired as business time passes; the list filters by state", async () => {
    expect((await stateAt(30)).state).toBe("on_track");
    expect((await stateAt(50)).state).toBe("near_expiry");
    expect((await stateAt(61)).state).toBe("expired");
    expect((await stateAt(30)).nextDueAt).toEqual(after(60));
    const near = await listIncidents(db, list({ sla: "near_expiry" }), { now: after(50) });
    expect(near.rows.map((r) => r.id)).toContain(id);
    const onTrack = await listIncidents(db, list({ sla: "on_track" }), { now: after(50) });
    expect(onTrack.rows.map((r) => r.id)).not.toContain(id);
  });

  it("a stricter policy makes the same history expired; a calendar with closed hours pushes the due time", async () => {
    const { policies } = await admin.api.incidents.slaSettings();
    const found = policies.find((p) => p.priority === "normal" && p.category === null)!;
    const normal = { ...found, priority: "normal" as const, category: null };
    await admin.api.incidents.savePolicy({ ...normal, firstResponseMinutes: 30 });
    expect((await stateAt(40)).state).toBe("expired");
    await admin.api.incidents.savePolicy({ ...normal, firstResponseMinutes: 60 });
    expect((await stateAt(40)).state).toBe("on_track");
    // Closed from 12:20 to 13:00 on that Monday: 40 minutes later.
    const withBreak = { ...everyHour, "1": [[0, 740], [780, 1440]] as [number, number][] };
    await admin.api.incidents.saveCalendar({ timeZone: "UTC", weeklyHours: withBreak, holidays: [] });
    expect((await stateAt(40)).nextDueAt).toEqual(after(100));
    // A holiday that day: the clock has not started.
    await admin.api.incidents.saveCalendar({ timeZone: "UTC", weeklyHours: everyHour, holidays: [{ day: "2026-11-23", name: "Feriado de teste" }] });
    expect((await stateAt(600)).state).toBe("on_track");
    await admin.api.incidents.saveCalendar({ timeZone: "UTC", weeklyHours: everyHour, holidays: [] });
  });

  it("calendar and policy input errors are clear and change nothing", async () => {
    const before = await admin.api.incidents.slaSettings();
    const f = await failureOf(admin.api.incidents.saveCalendar({ timeZone: "Mars/Olympus", weeklyHours: everyHour, holidays: [] }), admin.ctx);
    expect(f.data.code).toBe("BAD_REQUEST");
    expect(f.message).toBe("Fuso horário desconhecido.");
    const g = await failureOf(admin.api.incidents.saveCalendar({ timeZone: "UTC", weeklyHours: { ...everyHour, "2": [[600, 540]] }, holidays: [] }), admin.ctx);
    expect(g.data.code).toBe("BAD_REQUEST");
    const h = await failureOf(admin.api.incidents.savePolicy({ priority: "normal", category: null, firstResponseMinutes: 10, resolutionMinutes: 20, nearExpiryPercent: 75 }), admin.ctx);
    expect(h.data.code).toBe("CONFLICT");
    expect(await admin.api.incidents.slaSettings()).toEqual(before);
  });

  it("dashboard counts", async () => {
    const c = await incidentCounts(db, after(61));
    expect(c.bySla.expired).toBeGreaterThanOrEqual(1);
    expect(c.open).toBe(c.byStatus.new! + c.byStatus.open! + c.byStatus.waiting!);
  });
});

describe("the SLA alert job", () => {
  it("e-mails the assignee once per threshold, and the managers when expired", async () => {
    await db.update(incidents).set({ status: "closed" }).where(sql`status in ('new', 'open', 'waiting')`);
    const { id, number } = await support.api.incidents.create({ subject: "Alerta de SLA", description: "d", requester: { kind: "contact", name: "Lia", email: "lia@example.com" } });
    await startAtT(id);
    await support.api.incidents.setAssignee({ id, assigneeUserId: supportId });
    const alerts = async () =>
      (await db.select({ to: emailOutbox.toAddress, props: emailOutbox.props }).from(emailOutbox).where(eq(emailOutbox.template, "incident-sla-alert"))).filter((m) => m.props.number === number);

    expect(await sendSlaAlerts(db, { now: after(30) })).toEqual({ sent: 0, thresholds: 0 });
    await sendSlaAlerts(db, { now: after(50) });
    let mails = await alerts();
    expect(mails.map((m) => [m.to, m.props.level, m.props.target])).toEqual([["suporte@rede.test", "near", "first_response"]]);
    await sendSlaAlerts(db, { now: after(55) });
    expect(await alerts()).toHaveLength(1);

    await sendSlaAlerts(db, { now: after(61) });
    mails = await alerts();
    const expired = mails.filter((m) => m.props.level === "expired");
    expect(expired.map((m) => m.to).sort()).toEqual(["admin@rede.test", "suporte@rede.test"]);
    expect(expired.find((m) => m.to === "admin@rede.test")!.props.manager).toBe(true);
    await sendSlaAlerts(db, { now: after(70) });
    expect(await alerts()).toHaveLength(mails.length);
    const rows = await db.select({ threshold: slaNotifications.threshold }).from(slaNotifications).where(eq(slaNotifications.incidentId, id));
    expect(rows.map((r) => r.threshold).sort()).toEqual(["first_response_expired", "first_response_near"]);
  });
});

describe("attachments", () => {
  it("keeps PDF/images/text told by their bytes, refuses other types and oversize files, and records who attached what", async () => {
    const fs = await import("node:fs");
    const os = await import("node:os");
    const path = await import("node:path");
    const { addAttachment, readAttachment, ATTACHMENT_MAX_BYTES } = await import("@/server/incidents/attachments");
    const { localFileStore } = await import("@/server/storage/files");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rede-incident-files-"));
    const store = localFileStore(dir);
    try {
      const { id } = await support.api.incidents.create({ subject: "Com anexo", description: "d", requester: { kind: "contact", name: "Ivo", email: "ivo@example.com" } });
      const pdf = new TextEncoder().encode("%PDF-1.4\n% fake but well-started\n");
      const row = await addAttachment(db, store, { incidentId: id, fileName: "nota.pdf", bytes: pdf }, supportId);
      expect(row).toMatchObject({ fileName: "nota.pdf", contentType: "application/pdf", sizeBytes: pdf.byteLength });
      expect((await readAttachment(db, store, id, row.id))!.bytes).toEqual(pdf);
      expect(await readAttachment(db, store, id + 1, row.id)).toBeNull();
      // An HTML page named .pdf, an empty file, a file over the limit: refused, nothing written.
      await expect(addAttachment(db, store, { incidentId: id, fileName: "x.pdf", bytes: new TextEncoder().encode("<html><script>alert(1)</script>") }, supportId)).rejects.toMatchObject({ messageKey: "incidents.errors.fileType" });
      await expect(addAttachment(db, store, { incidentId: id, fileName: "x.txt", bytes: new Uint8Array() }, supportId)).rejects.toMatchObject({ messageKey: "incidents.errors.fileEmpty" });
      await expect(addAttachment(db, store, { incidentId: id, fileName: "x.pdf", bytes: new Uint8Array(ATTACHMENT_MAX_BYTES + 1) }, supportId)).rejects.toMatchObject({ messageKey: "incidents.errors.fileTooLarge" });
      const d = await support.api.incidents.get({ id });
      expect(d.attachments.map((a) => a.fileName)).toEqual(["nota.pdf"]);
      expect(d.events.filter((e) => e.kind === "attachment").map((e) => [e.body, e.actorName])).toEqual([["nota.pdf", "Equipe de Suporte"]]);

      // Portal: files shared by the consultant are seen on the requester's side; staff files are internal.
      const own = (await ana.api.incidents.myCreate({ subject: "Foto do produto", description: "Segue a foto." })).id;
      const internal = await addAttachment(db, store, { incidentId: own, fileName: "interno.txt", bytes: new TextEncoder().encode("só a equipe") }, supportId);
      const shared = await addAttachment(db, store, { incidentId: own, fileName: "foto.txt", bytes: new TextEncoder().encode("da Ana"), visibleToRequester: true }, anaUserId);
      expect((await ana.api.incidents.myGet({ id: own })).attachments.map((a) => a.fileName)).toEqual(["foto.txt"]);
      expect((await support.api.incidents.get({ id: own })).attachments.map((a) => a.fileName)).toEqual(["interno.txt", "foto.txt"]);
      expect(await readAttachment(db, store, own, internal.id, { portal: true })).toBeNull();
      expect(await readAttachment(db, store, own, shared.id, { portal: true })).not.toBeNull();
      const { inPortalScope } = await import("@/server/incidents/attachments");
      expect(await inPortalScope(db, own, ana.ctx.user!.consultantId!)).toBe(true);
      expect(await inPortalScope(db, own, bruno.ctx.user!.consultantId!)).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
