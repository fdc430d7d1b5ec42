import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { consultants, incidentAttachments, incidentEvents, incidents, userRoles, users } from "@/db/schema";
import { ROLE_PERMISSIONS, ROLES } from "../auth/permissions";
import { offsetOf, type Page } from "../pagination";
import { deriveSla, type IncidentSla, type SlaEvent } from "../sla/derive";
import { loadSlaSettings, type SlaSettings } from "../sla/settings";
import type { ListIncidentsInput } from "./schemas";

const ACTIVE = ["new", "open", "waiting"] as const;
/** Rows the SLA filter or the due-time sort derive in memory at most (see README: service desk). */
export const DERIVE_CAP = 20_000;

const requesterC = alias(consultants, "requester_c");
const concernsC = alias(consultants, "concerns_c");
const assignee = alias(users, "assignee_u");

export type IncidentRow = {
  id: number;
  number: string;
  subject: string;
  category: string;
  priority: string;
  status: string;
  requesterKind: string;
  requesterName: string;
  requesterEmail: string;
  requesterCode: string | null;
  concernsCode: string | null;
  concernsName: string | null;
  assigneeUserId: string | null;
  assigneeName: string | null;
  createdAt: Date;
  sla: Pick<IncidentSla, "state" | "nextDueAt" | "paused" | "critical">;
};

/** Only what the SLA needs: status moves and replies. */
async function slaEventsFor(db: DbOrTx, ids: number[]) {
  const map = new Map<number, SlaEvent[]>();
  if (!ids.length) return map;
  const rows = await db
    .select({ incidentId: incidentEvents.incidentId, kind: incidentEvents.kind, at: incidentEvents.at, toValue: incidentEvents.toValue, public: incidentEvents.public })
    .from(incidentEvents)
    .where(and(inArray(incidentEvents.incidentId, ids), inArray(incidentEvents.kind, ["status", "reply"])))
    .orderBy(asc(incidentEvents.at), asc(incidentEvents.id));
  for (const r of rows) {
    let list = map.get(r.incidentId);
    if (!list) map.set(r.incidentId, (list = []));
    list.push(r);
  }
  return map;
}

/** Who may see an incident in the portal: its requester, or the consultant it concerns. */
export function portalScope(consultantId: number) {
  return or(eq(incidents.requesterConsultantId, consultantId), eq(incidents.concernsConsultantId, consultantId))!;
}

function filters(input: ListIncidentsInput, scopeConsultantId: number | null): SQL[] {
  const where: SQL[] = [];
  if (scopeConsultantId !== null) where.push(portalScope(scopeConsultantId));
  if (input.status === "active") where.push(inArray(incidents.status, [...ACTIVE]));
  else if (input.status) where.push(eq(incidents.status, input.status));
  if (input.priority) where.push(eq(incidents.priority, input.priority));
  if (input.category) where.push(eq(incidents.category, input.category));
  if (input.assignee === "none") where.push(isNull(incidents.assigneeUserId));
  else if (input.assignee) where.push(eq(incidents.assigneeUserId, input.assignee));
  if (input.requesterKind) where.push(eq(incidents.requesterKind, input.requesterKind));
  if (input.consultant) {
    const ref = input.consultant;
    const byId = /^\d{1,15}$/.test(ref) ? Number(ref) : null;
    const match = byId !== null ? sql`(c.id = ${byId} or c.code = ${ref.toUpperCase()})` : sql`c.code = ${ref.toUpperCase()}`;
    where.push(sql`exists (select 1 from consultants c where ${match} and (c.id = ${incidents.requesterConsultantId} or c.id = ${incidents.concernsConsultantId}))`);
  }
  if (input.q) {
    const q = input.q;
    const haystack = sql`(${incidents.number} || ' ' || ${incidents.subject} || ' ' || ${incidents.requesterName} || ' ' || ${incidents.requesterEmail})`;
    where.push(sql`${haystack} ilike ${"%" + q.replace(/[\\%_]/g, (c) => "\\" + c) + "%"}`);
  }
  return where;
}

function baseSelect(db: DbOrTx) {
  return db
    .select({
      id: incidents.id,
      number: incidents.number,
      subject: incidents.subject,
      category: incidents.category,
      priority: incidents.priority,
      status: incidents.status,
      requesterKind: incidents.requesterKind,
      requesterName: incidents.requesterName,
      requesterEmail: incidents.requesterEmail,
      requesterCode: requesterC.code,
      concernsCode: concernsC.code,
      concernsName: concernsC.fullName,
      assigneeUserId: incidents.assigneeUserId,
      assigneeName: assignee.name,
      createdAt: incidents.createdAt,
    })
    .from(incidents)
    .leftJoin(requesterC, eq(requesterC.id, incidents.requesterConsultantId))
    .leftJoin(concernsC, eq(concernsC.id, incidents.concernsConsultantId))
    .leftJoin(assignee, eq(assignee.id, incidents.assigneeUserId));
}

type BaseRow = Omit<IncidentRow, "sla">;

function withSla(rows: BaseRow[], events: Map<number, SlaEvent[]>, settings: SlaSettings, now: Date): IncidentRow[] {
  return rows.map((r) => {
    const s = deriveSla({ createdAt: r.createdAt, priority: r.priority, category: r.category, status: r.status, events: events.get(r.id) ?? [] }, settings.policies, settings.calendar, now);
    return { ...r, sla: { state: s.state, nextDueAt: s.nextDueAt, paused: s.paused, critical: s.critical } };
  });
}

/**
 * The list, filtered on the server. SLA state and due time are derived from each incident's
 * events with today's policies and calendar, so filtering by SLA or sorting by due time derives
 * every matching row (up to DERIVE_CAP) before paginating; "newest" without an SLA filter pages
 * in SQL and derives the page only.
 */
export async function listIncidents(db: DbOrTx, input: ListIncidentsInput, opts: { scopeConsultantId?: number | null; now?: Date } = {}): Promise<Page<IncidentRow> & { timeZone: string }> {
  const now = opts.now ?? new Date();
  const where = and(...filters(input, opts.scopeConsultantId ?? null));
  const settings = await loadSlaSettings(db);
  if (!input.sla && input.sort === "newest") {
    const [rows, [count]] = await Promise.all([
      baseSelect(db).where(where).orderBy(desc(incidents.createdAt), desc(incidents.id)).limit(input.pageSize).offset(offsetOf(input)),
      db.select({ n: sql<number>`count(*)::int` }).from(incidents).where(where),
    ]);
    const events = await slaEventsFor(db, rows.map((r) => r.id));
    return { rows: withSla(rows, events, settings, now), total: count?.n ?? 0, page: input.page, pageSize: input.pageSize, timeZone: settings.calendar.timeZone };
  }
  const rows = await baseSelect(db).where(where).orderBy(desc(incidents.createdAt), desc(incidents.id)).limit(DERIVE_CAP);
  const events = await slaEventsFor(db, rows.map((r) => r.id));
  let derived = withSla(rows, events, settings, now);
  if (input.sla) derived = derived.filter((r) => r.sla.state === input.sla);
  if (input.sort === "due") {
    // Running deadlines first, soonest first; then paused/none, newest first.
    derived.sort((a, b) => {
      const da = a.sla.nextDueAt?.getTime() ?? Number.POSITIVE_INFINITY;
      const dbb = b.sla.nextDueAt?.getTime() ?? Number.POSITIVE_INFINITY;
      if (da !== dbb) return da - dbb;
      return b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id;
    });
  }
  const start = offsetOf(input);
  return { rows: derived.slice(start, start + input.pageSize), total: derived.length, page: input.page, pageSize: input.pageSize, timeZone: settings.calendar.timeZone };
}

export type IncidentCounts = {
  byStatus: Record<string, number>;
  open: number;
  critical: number;
  unassigned: number;
  bySla: { on_track: number; near_expiry: number; expired: number };
};

/** Dashboard figures: statuses over all incidents; SLA states over the active ones. */
export async function incidentCounts(db: DbOrTx, now = new Date()): Promise<IncidentCounts> {
  const [statusRows, active, settings] = await Promise.all([
    db.select({ status: incidents.status, n: sql<number>`count(*)::int` }).from(incidents).groupBy(incidents.status),
    db
      .select({ id: incidents.id, createdAt: incidents.createdAt, priority: incidents.priority, category: incidents.category, status: incidents.status, assigneeUserId: incidents.assigneeUserId })
      .from(incidents)
      .where(inArray(incidents.status, [...ACTIVE]))
      .limit(DERIVE_CAP),
    loadSlaSettings(db),
  ]);
  const byStatus: Record<string, number> = { new: 0, open: 0, waiting: 0, resolved: 0, closed: 0 };
  for (const r of statusRows) byStatus[r.status] = r.n;
  const events = await slaEventsFor(db, active.map((r) => r.id));
  const bySla = { on_track: 0, near_expiry: 0, expired: 0 };
  for (const r of active) {
    const s = deriveSla({ ...r, events: events.get(r.id) ?? [] }, settings.policies, settings.calendar, now);
    if (s.state === "on_track" || s.state === "near_expiry" || s.state === "expired") bySla[s.state]++;
  }
  return {
    byStatus,
    open: active.length,
    critical: active.filter((r) => r.priority === "critical").length,
    unassigned: active.filter((r) => r.assigneeUserId === null).length,
    bySla,
  };
}

export type TimelineEvent = {
  id: number;
  kind: string;
  public: boolean;
  body: string | null;
  fromValue: string | null;
  toValue: string | null;
  actorName: string | null;
  actorLabel: string | null;
  at: Date;
};

/** One incident with its timeline, attachments and SLA; `portal` keeps only what the requester may see. */
export async function incidentDetail(db: DbOrTx, id: number, opts: { portal?: boolean; now?: Date } = {}) {
  const [row] = await baseSelect(db).where(eq(incidents.id, id));
  if (!row) return null;
  const [full] = await db
    .select({
      description: incidents.description,
      source: incidents.source,
      locale: incidents.locale,
      requesterConsultantId: incidents.requesterConsultantId,
      requesterCustomerId: incidents.requesterCustomerId,
      concernsConsultantId: incidents.concernsConsultantId,
      firstResponseAt: incidents.firstResponseAt,
      resolvedAt: incidents.resolvedAt,
    })
    .from(incidents)
    .where(eq(incidents.id, id));
  const actor = alias(users, "actor_u");
  const events = await db
    .select({
      id: incidentEvents.id,
      kind: incidentEvents.kind,
      public: incidentEvents.public,
      body: incidentEvents.body,
      fromValue: incidentEvents.fromValue,
      toValue: incidentEvents.toValue,
      actorName: actor.name,
      actorLabel: incidentEvents.actorLabel,
      at: incidentEvents.at,
    })
    .from(incidentEvents)
    .leftJoin(actor, eq(actor.id, incidentEvents.actorUserId))
    .where(eq(incidentEvents.incidentId, id))
    .orderBy(asc(incidentEvents.at), asc(incidentEvents.id));
  const allAttachments = await db
    .select({ id: incidentAttachments.id, fileName: incidentAttachments.fileName, contentType: incidentAttachments.contentType, sizeBytes: incidentAttachments.sizeBytes, createdAt: incidentAttachments.createdAt, public: incidentEvents.public })
    .from(incidentAttachments)
    .leftJoin(incidentEvents, eq(incidentEvents.id, incidentAttachments.eventId))
    .where(eq(incidentAttachments.incidentId, id))
    .orderBy(asc(incidentAttachments.id));
  const attachments = opts.portal ? allAttachments.filter((a) => a.public) : allAttachments;
  const settings = await loadSlaSettings(db);
  const sla = deriveSla({ createdAt: row.createdAt, priority: row.priority, category: row.category, status: row.status, events }, settings.policies, settings.calendar, opts.now ?? new Date());
  const visible: TimelineEvent[] = opts.portal ? events.filter((e) => e.public || e.kind === "status") : events;
  return { ...row, ...full!, events: visible, attachments, sla, timeZone: settings.calendar.timeZone };
}
export type IncidentDetail = NonNullable<Awaited<ReturnType<typeof incidentDetail>>>;

/** Roles that carry incidents.manage: their active users may be assigned incidents. */
export const ASSIGNABLE_ROLES = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes("incidents.manage"));

/** Staff who may be assigned: active users holding incidents.manage (through their roles). */
export async function assignableUsers(db: DbOrTx) {
  return db
    .selectDistinct({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(users.status, "active"), inArray(userRoles.role, ASSIGNABLE_ROLES)))
    .orderBy(users.name, users.id);
}
