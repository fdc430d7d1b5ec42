import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { consultants, customers, incidentEvents, incidents, userRoles, users, type IncidentStatus } from "@/db/schema";
import { enqueueEmail } from "../email/outbox";
import { AppError } from "../errors";
import { createIncident } from "./create";
import { ASSIGNABLE_ROLES } from "./queries";
import type { createIncidentSchema, noteSchema, portalCreateSchema, portalReplySchema, replySchema } from "./schemas";

export type Actor = { userId: string; locale?: string };

type Row = typeof incidents.$inferSelect;

/** Locks the incident for the rest of the transaction: changes to one incident queue here. */
async function lockIncident(tx: DbOrTx, id: number): Promise<Row> {
  const [row] = await tx.select().from(incidents).where(eq(incidents.id, id)).for("update");
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
  return row;
}

/** Moves the status and writes the timeline event; stamps resolved/closed times. */
async function moveStatus(tx: DbOrTx, row: Row, to: IncidentStatus, actor: { userId: string | null; label?: string | null }, at = new Date()) {
  if (row.status === to) return row;
  const patch: Partial<Row> = { status: to, updatedAt: at };
  if (to === "resolved") patch.resolvedAt = at;
  if (to === "closed") patch.closedAt = at;
  if (to === "new" || to === "open" || to === "waiting") {
    patch.resolvedAt = null;
    patch.closedAt = null;
  }
  const [updated] = await tx.update(incidents).set(patch).where(eq(incidents.id, row.id)).returning();
  await tx.insert(incidentEvents).values({ incidentId: row.id, kind: "status", public: true, fromValue: row.status, toValue: to, actorUserId: actor.userId, actorLabel: actor.label ?? null, at });
  return updated!;
}

function portalUrl(appUrl: string, row: Row) {
  return row.requesterKind === "consultant" ? `${appUrl.replace(/\/$/, "")}/portal/incidents/${row.id}` : undefined;
}

/**
 * A public reply: on the timeline, and e-mailed to the requester through the outbox in the same
 * transaction. The first reply answers the first-response target. A new incident becomes open
 * unless the reply sets another status (waiting on requester, resolved).
 */
export async function replyToIncident(db: Db, input: z.output<typeof replySchema>, actor: Actor, opts: { appUrl: string }) {
  return db.transaction(async (tx) => {
    let row = await lockIncident(tx, input.id);
    if (row.status === "closed") throw new AppError("CONFLICT", "incidents.errors.closed");
    const at = new Date();
    await tx.insert(incidentEvents).values({ incidentId: row.id, kind: "reply", public: true, body: input.body, actorUserId: actor.userId, at });
    if (!row.firstResponseAt) [row] = await tx.update(incidents).set({ firstResponseAt: at, updatedAt: at }).where(eq(incidents.id, row.id)).returning() as [Row];
    const next = input.statusAfter ?? (row.status === "new" ? "open" : null);
    if (next) row = await moveStatus(tx, row, next, { userId: actor.userId }, at);
    const outboxId = await enqueueEmail(tx, {
      template: "incident-reply",
      to: row.requesterEmail,
      locale: row.locale,
      props: { name: row.requesterName, number: row.number, subject: row.subject, body: input.body, status: row.status, url: portalUrl(opts.appUrl, row) },
    });
    return { id: row.id, status: row.status, outboxId };
  });
}

export async function addInternalNote(db: Db, input: z.output<typeof noteSchema>, actor: Actor) {
  return db.transaction(async (tx) => {
    const row = await lockIncident(tx, input.id);
    await tx.insert(incidentEvents).values({ incidentId: row.id, kind: "note", public: false, body: input.body, actorUserId: actor.userId });
    await tx.update(incidents).set({ updatedAt: new Date() }).where(eq(incidents.id, row.id));
    return { id: row.id };
  });
}

export async function setIncidentStatus(db: Db, input: { id: number; status: IncidentStatus }, actor: Actor) {
  return db.transaction(async (tx) => {
    const row = await lockIncident(tx, input.id);
    if (row.status === input.status) throw new AppError("CONFLICT", "incidents.errors.sameStatus", {}, "status");
    const updated = await moveStatus(tx, row, input.status, { userId: actor.userId });
    return { id: updated.id, status: updated.status };
  });
}

/** Reopen: only from resolved or closed, back to open; the resolution clock resumes. */
export async function reopenIncident(db: Db, input: { id: number }, actor: Actor) {
  return db.transaction(async (tx) => {
    const row = await lockIncident(tx, input.id);
    if (row.status !== "resolved" && row.status !== "closed") throw new AppError("CONFLICT", "incidents.errors.notClosed");
    const updated = await moveStatus(tx, row, "open", { userId: actor.userId });
    return { id: updated.id, status: updated.status };
  });
}

async function changeField(db: Db, id: number, kind: "priority" | "category", value: string, actor: Actor) {
  return db.transaction(async (tx) => {
    const row = await lockIncident(tx, id);
    if (row[kind] === value) return { id: row.id, changed: false };
    await tx.update(incidents).set({ [kind]: value, updatedAt: new Date() }).where(eq(incidents.id, id));
    await tx.insert(incidentEvents).values({ incidentId: id, kind, public: false, fromValue: row[kind], toValue: value, actorUserId: actor.userId });
    return { id, changed: true };
  });
}

export const setIncidentPriority = (db: Db, input: { id: number; priority: Row["priority"] }, actor: Actor) => changeField(db, input.id, "priority", input.priority, actor);
export const setIncidentCategory = (db: Db, input: { id: number; category: string }, actor: Actor) => changeField(db, input.id, "category", input.category, actor);

/** The assignee must be an active staff member holding incidents.manage; null unassigns. */
export async function setIncidentAssignee(db: Db, input: { id: number; assigneeUserId: string | null }, actor: Actor) {
  return db.transaction(async (tx) => {
    const row = await lockIncident(tx, input.id);
    if (row.assigneeUserId === input.assigneeUserId) return { id: row.id, changed: false };
    let toName: string | null = null;
    if (input.assigneeUserId) {
      const [u] = await tx
        .select({ id: users.id, name: users.name })
        .from(users)
        .innerJoin(userRoles, eq(userRoles.userId, users.id))
        .where(and(eq(users.id, input.assigneeUserId), eq(users.status, "active"), inArray(userRoles.role, ASSIGNABLE_ROLES)))
        .limit(1);
      if (!u) throw new AppError("BAD_REQUEST", "incidents.errors.assignee", {}, "assigneeUserId");
      toName = u.name;
    }
    let fromName: string | null = null;
    if (row.assigneeUserId) [{ name: fromName } = { name: null }] = await tx.select({ name: users.name }).from(users).where(eq(users.id, row.assigneeUserId));
    await tx.update(incidents).set({ assigneeUserId: input.assigneeUserId, updatedAt: new Date() }).where(eq(incidents.id, row.id));
    // Names as they were at the time, so the timeline reads the same after a rename.
    await tx.insert(incidentEvents).values({ incidentId: row.id, kind: "assignee", public: false, fromValue: fromName, toValue: toName, actorUserId: actor.userId });
    return { id: row.id, changed: true };
  });
}

/** Staff open an incident for someone: a consultant by code, a customer by e-mail, or a contact. */
export async function staffCreateIncident(db: Db, input: z.output<typeof createIncidentSchema>, actor: Actor) {
  return db.transaction(async (tx) => {
    const r = input.requester;
    let requester: Parameters<typeof createIncident>[1]["requester"];
    let locale = actor.locale;
    if (r.kind === "consultant") {
      const [c] = await tx.select({ id: consultants.id }).from(consultants).where(eq(consultants.code, r.consultantCode.toUpperCase()));
      if (!c) throw new AppError("BAD_REQUEST", "incidents.errors.requesterNotFound", {}, "requester.consultantCode");
      requester = { kind: "consultant", consultantId: c.id };
      const [u] = await tx.select({ locale: users.locale }).from(users).where(eq(users.consultantId, c.id));
      locale = u?.locale ?? locale;
    } else if (r.kind === "customer") {
      const [c] = await tx.select({ id: customers.id, locale: customers.locale }).from(customers).where(eq(customers.email, r.customerEmail.toLowerCase()));
      if (!c) throw new AppError("BAD_REQUEST", "incidents.errors.requesterNotFound", {}, "requester.customerEmail");
      requester = { kind: "customer", customerId: c.id };
      locale = c.locale;
    } else requester = { kind: "contact", name: r.name, email: r.email };
    let concernsConsultantId: number | null = null;
    if (input.concernsConsultantCode) {
      const [c] = await tx.select({ id: consultants.id }).from(consultants).where(eq(consultants.code, input.concernsConsultantCode.toUpperCase()));
      if (!c) throw new AppError("BAD_REQUEST", "incidents.errors.consultantNotFound", {}, "concernsConsultantCode");
      concernsConsultantId = c.id;
    } else if (requester.kind === "consultant") concernsConsultantId = requester.consultantId;
    return createIncident(tx, {
      subject: input.subject,
      description: input.description,
      category: input.category,
      priority: input.priority,
      requester,
      concernsConsultantId,
      source: "admin",
      actorUserId: actor.userId,
      locale,
    });
  });
}

/** A consultant opens an incident from the portal: they are the requester and it concerns them. */
export async function portalCreateIncident(db: Db, input: z.output<typeof portalCreateSchema>, actor: Actor & { consultantId: number }) {
  return db.transaction((tx) =>
    createIncident(tx, {
      subject: input.subject,
      description: input.description,
      category: input.category,
      priority: "normal",
      requester: { kind: "consultant", consultantId: actor.consultantId },
      concernsConsultantId: actor.consultantId,
      source: "portal",
      actorUserId: actor.userId,
      locale: actor.locale,
    }),
  );
}

/**
 * The requester answers from the portal (scope checked by the caller). Waiting on requester, or
 * resolved, goes back to open: the clock resumes.
 */
export async function portalReply(db: Db, input: z.output<typeof portalReplySchema>, actor: Actor) {
  return db.transaction(async (tx) => {
    const row = await lockIncident(tx, input.id);
    if (row.status === "closed") throw new AppError("CONFLICT", "incidents.errors.closed");
    const at = new Date();
    await tx.insert(incidentEvents).values({ incidentId: row.id, kind: "requester_reply", public: true, body: input.body, actorUserId: actor.userId, at });
    if (row.status === "waiting" || row.status === "resolved") await moveStatus(tx, row, "open", { userId: actor.userId }, at);
    else await tx.update(incidents).set({ updatedAt: at }).where(eq(incidents.id, row.id));
    return { id: row.id };
  });
}
