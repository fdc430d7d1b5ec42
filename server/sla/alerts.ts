import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { incidentEvents, incidents, slaNotifications, userRoles, users } from "@/db/schema";
import { enqueueEmail } from "../email/outbox";
import { deriveSla, type SlaTarget } from "./derive";
import { loadSlaSettings } from "./settings";

export const SLA_ALERTS_TASK = "sla_alerts";

type Threshold = "first_response_near" | "first_response_expired" | "resolution_near" | "resolution_expired";

/** Who hears about an expired SLA besides the assignee: active admins (they run the service desk). */
async function managers(db: Db) {
  return db
    .selectDistinct({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(users.status, "active"), eq(userRoles.role, "admin")));
}

function crossed(target: SlaTarget | null): "near" | "expired" | null {
  if (!target || target.doneAt) return null;
  return target.state === "expired" ? "expired" : target.state === "near_expiry" ? "near" : null;
}

/**
 * The scheduled check: for every active incident, derive its SLA now; for each threshold newly
 * crossed (near expiry, expired — per target), record it in sla_notifications and e-mail the
 * assignee (the managers when nobody is assigned), plus the managers when expired. The unique
 * (incident, threshold) row and the e-mails commit together, so each threshold is mailed once
 * however often the job runs, and a run that fails sends nothing and is retried whole.
 */
export async function sendSlaAlerts(db: Db, opts: { now?: Date; appUrl?: string } = {}) {
  const now = opts.now ?? new Date();
  const appUrl = (opts.appUrl ?? process.env.APP_URL ?? "http://localhost:3000").replace(/\/$/, "");
  const settings = await loadSlaSettings(db);
  const active = await db
    .select({
      id: incidents.id,
      number: incidents.number,
      subject: incidents.subject,
      createdAt: incidents.createdAt,
      priority: incidents.priority,
      category: incidents.category,
      status: incidents.status,
      assigneeUserId: incidents.assigneeUserId,
    })
    .from(incidents)
    .where(inArray(incidents.status, ["new", "open", "waiting"]));
  if (!active.length) return { sent: 0, thresholds: 0 };
  const ids = active.map((r) => r.id);
  const [events, sentRows, mgrs] = await Promise.all([
    db
      .select({ incidentId: incidentEvents.incidentId, kind: incidentEvents.kind, at: incidentEvents.at, toValue: incidentEvents.toValue, public: incidentEvents.public })
      .from(incidentEvents)
      .where(and(inArray(incidentEvents.incidentId, ids), inArray(incidentEvents.kind, ["status", "reply"]))),
    db.select({ incidentId: slaNotifications.incidentId, threshold: slaNotifications.threshold }).from(slaNotifications).where(inArray(slaNotifications.incidentId, ids)),
    managers(db),
  ]);
  const byIncident = new Map<number, typeof events>();
  for (const e of events) byIncident.set(e.incidentId, [...(byIncident.get(e.incidentId) ?? []), e]);
  const already = new Set(sentRows.map((r) => `${r.incidentId}:${r.threshold}`));

  let sent = 0;
  let thresholds = 0;
  for (const inc of active) {
    const sla = deriveSla({ ...inc, events: byIncident.get(inc.id) ?? [] }, settings.policies, settings.calendar, now);
    for (const [name, target] of [["first_response", sla.firstResponse], ["resolution", sla.resolution]] as const) {
      const level = crossed(target);
      if (!level) continue;
      const threshold = `${name}_${level}` as Threshold;
      if (already.has(`${inc.id}:${threshold}`)) continue;
      sent += await db.transaction(async (tx) => {
        const inserted = await tx
          .insert(slaNotifications)
          .values({ incidentId: inc.id, threshold, sentAt: now })
          .onConflictDoNothing()
          .returning({ id: slaNotifications.id });
        if (!inserted.length) return 0; // another run got here first
        // Reaching "expired" first also settles "near": no late near-expiry mail after it.
        if (level === "expired") await tx.insert(slaNotifications).values({ incidentId: inc.id, threshold: `${name}_near`, sentAt: now }).onConflictDoNothing();
        thresholds++;
        const [assignee] = inc.assigneeUserId
          ? await tx.select({ id: users.id, name: users.name, email: users.email, locale: users.locale }).from(users).where(and(eq(users.id, inc.assigneeUserId), eq(users.status, "active")))
          : [];
        const recipients = new Map<string, { name: string; email: string; locale: (typeof mgrs)[number]["locale"]; manager: boolean }>();
        if (assignee) recipients.set(assignee.id, { ...assignee, manager: false });
        if (level === "expired" || !assignee) for (const m of mgrs) if (!recipients.has(m.id)) recipients.set(m.id, { ...m, manager: true });
        for (const r of recipients.values()) {
          await enqueueEmail(tx, {
            template: "incident-sla-alert",
            to: r.email,
            locale: r.locale,
            props: {
              name: r.name,
              number: inc.number,
              subject: inc.subject,
              target: name,
              level,
              dueAt: (target!.dueAt ?? now).toISOString(),
              timeZone: settings.calendar.timeZone,
              manager: r.manager,
              url: `${appUrl}/admin/incidents/${inc.id}`,
            },
          });
        }
        return recipients.size;
      });
    }
  }
  return { sent, thresholds };
}

