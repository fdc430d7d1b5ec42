import { addBusinessMinutes, businessMinutesBetween, type BusinessCalendar, type Pause } from "./clock";

/**
 * An incident's SLA, derived from its history every time it is read: nothing is counted up and
 * stored, so a policy or calendar edit changes every open incident's deadlines at the next read.
 *
 * - The clocks start when the incident is opened.
 * - "Waiting on requester" pauses both clocks; so do spells in "resolved"/"closed" before a reopen.
 * - First response: the first public reply by staff. Resolution: the last move to resolved/closed
 *   (if the incident is currently resolved or closed).
 * - The policy is the one for the incident's current priority and category (a category-specific
 *   policy wins over the priority's default).
 */

export type SlaPolicy = {
  priority: string;
  category: string | null;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  nearExpiryPercent: number;
};

export type SlaEvent = { kind: string; at: Date; toValue?: string | null; public?: boolean };

export type SlaIncident = { createdAt: Date; priority: string; category: string; status: string; events: readonly SlaEvent[] };

export type TargetState = "on_track" | "near_expiry" | "expired" | "met";

export type SlaTarget = {
  targetMinutes: number;
  /** When it is due; null while the clock is paused (unknown until it restarts). */
  dueAt: Date | null;
  /** When it was achieved (first reply, resolution), or null. */
  doneAt: Date | null;
  usedMinutes: number;
  /** Share of the target used, 0–… (1 = all of it). */
  used: number;
  /** For a done target: met or expired (breached); otherwise on_track/near_expiry/expired. */
  state: TargetState;
};

export type SlaState = "on_track" | "near_expiry" | "expired" | "met";

export type IncidentSla = {
  policy: SlaPolicy | null;
  firstResponse: SlaTarget | null;
  resolution: SlaTarget | null;
  paused: boolean;
  /** The worst state of the targets still running; "met" when none runs and none was breached. */
  state: SlaState | null;
  /** The due time of the next target still running (first response, then resolution). */
  nextDueAt: Date | null;
  critical: boolean;
};

const ACTIVE = new Set(["new", "open", "waiting"]);
const DONE = new Set(["resolved", "closed"]);

export function policyFor(policies: readonly SlaPolicy[], priority: string, category: string): SlaPolicy | null {
  return policies.find((p) => p.priority === priority && p.category === category) ?? policies.find((p) => p.priority === priority && p.category == null) ?? null;
}

/** Intervals the clocks stand still, from the status history. */
export function pausesOf(incident: SlaIncident): { pauses: Pause[]; resolvedAt: Date | null } {
  const statusEvents = incident.events.filter((e) => e.kind === "status" && e.toValue).sort((a, b) => a.at.getTime() - b.at.getTime());
  const pauses: Pause[] = [];
  let current = "new";
  let since = incident.createdAt;
  let resolvedAt: Date | null = null;
  for (const e of statusEvents) {
    const next = e.toValue!;
    if (current === "waiting" || DONE.has(current)) pauses.push({ start: since, end: e.at });
    if (DONE.has(next) && !DONE.has(current)) resolvedAt = e.at;
    if (!DONE.has(next)) resolvedAt = null;
    current = next;
    since = e.at;
  }
  if (current === "waiting") pauses.push({ start: since, end: null });
  // Still resolved/closed: the clock is stopped at resolvedAt; no open pause is needed.
  return { pauses, resolvedAt: DONE.has(current) ? resolvedAt ?? since : null };
}

function target(cal: BusinessCalendar, start: Date, minutes: number, doneAt: Date | null, now: Date, pauses: Pause[], nearPercent: number): SlaTarget {
  // Pauses up to the measuring point only: an open pause counts as closed at `now` for the use so far.
  const end = doneAt ?? now;
  const closed = pauses.map((p) => ({ start: p.start, end: p.end ?? end }));
  const usedMinutes = businessMinutesBetween(cal, start, end, closed);
  const dueAt = addBusinessMinutes(cal, start, minutes, doneAt ? closed : pauses);
  const used = usedMinutes / minutes;
  let state: TargetState;
  if (doneAt) state = used <= 1 ? "met" : "expired";
  else if (used >= 1) state = "expired";
  else if (used * 100 >= nearPercent) state = "near_expiry";
  else state = "on_track";
  return { targetMinutes: minutes, dueAt, doneAt, usedMinutes, used, state };
}

const RANK: Record<SlaState, number> = { met: 0, on_track: 1, near_expiry: 2, expired: 3 };

export function deriveSla(incident: SlaIncident, policies: readonly SlaPolicy[], cal: BusinessCalendar, now: Date): IncidentSla {
  const critical = incident.priority === "critical";
  const policy = policyFor(policies, incident.priority, incident.category);
  const { pauses, resolvedAt } = pausesOf(incident);
  const paused = incident.status === "waiting";
  if (!policy) return { policy: null, firstResponse: null, resolution: null, paused, state: null, nextDueAt: null, critical };

  const firstReply = incident.events.filter((e) => e.kind === "reply" && e.public !== false).sort((a, b) => a.at.getTime() - b.at.getTime())[0];
  // A resolution without a reply also answers the requester's wait for a first response.
  const respondedAt = firstReply?.at ?? resolvedAt;
  const fr = target(cal, incident.createdAt, policy.firstResponseMinutes, respondedAt ?? null, now, pauses, policy.nearExpiryPercent);
  const res = target(cal, incident.createdAt, policy.resolutionMinutes, resolvedAt, now, pauses, policy.nearExpiryPercent);

  const running = [fr, res].filter((t) => !t.doneAt);
  let state: SlaState;
  if (running.length && ACTIVE.has(incident.status)) state = running.reduce<SlaState>((worst, t) => (RANK[t.state] > RANK[worst] ? t.state : worst), "on_track");
  else state = [fr, res].some((t) => t.state === "expired") ? "expired" : "met";
  // A breached first response stays visible while the incident is open.
  if (ACTIVE.has(incident.status) && fr.state === "expired") state = "expired";
  const nextDueAt = ACTIVE.has(incident.status) ? (running[0]?.dueAt ?? null) : null;
  return { policy, firstResponse: fr, resolution: res, paused, state, nextDueAt, critical };
}
