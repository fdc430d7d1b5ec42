import { and, asc, desc, eq, gte, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { compRunConsultants, compRuns, consultants, genealogy, periods, periodVolumes } from "@/db/schema";
import { dayOf } from "../commerce/periods";
import { subtreeEnd } from "../network/tree/path";
import { compilePlan, type CompiledPlan } from "./compile";
import type { Plan } from "./plan";
import { getPlanVersion } from "./plan-store";
import { computeRanks, type RankResult } from "./ranks";
import { STATUS_ACTIVE, STATUS_INACTIVE, STATUS_TERMINATED, type Snapshot } from "./snapshot";
import { sponsorTree, type SponsorTree } from "./trees";

/**
 * The rank report card: one consultant's numbers in the open period, live (read from commerce's
 * maintained `period_volumes` and the sponsor tree as they are now), against the requirements of
 * the next rank of the plan in force. A paid order moves it at once: nothing here is cached.
 *
 * It cannot disagree with the run because it IS the run's rank pass: the consultant's whole
 * sponsor subtree is loaded as a snapshot (the consultant at index 0, a root) and handed to the
 * engine's `computeRanks`. A consultant's achieved rank depends on their subtree only (GV, legs,
 * frontline), so index 0 gets exactly the rank a full run would give them with the same inputs.
 * The per-requirement figures below re-read the engine's own arrays (GV, activity, ranks).
 *
 * Volumes are hundredths of a point, as everywhere. A negative PV/CV (returns beyond the period's
 * orders) counts as 0, as in a run (returns are clawed back, not netted below zero).
 */

export type RequirementKind = "active" | "pv" | "gv" | "gvMaxLeg" | "activeFrontline" | "legsWithRank" | "monthsQualified";

export type Requirement = {
  kind: RequirementKind;
  /** Unit of current/required/missing: hundredths of a point, a count (consultants/legs), months, or a yes/no (1/0). */
  unit: "volume" | "count" | "months" | "flag";
  current: number;
  required: number;
  /** max(0, required − current): what is still missing ("falta"). */
  missing: number;
  met: boolean;
  /** legsWithRank: the rank a leg must hold. */
  rank?: { code: string; name: string };
  /** gvMaxLeg: the most one leg counts (hundredths). */
  capPerLeg?: number;
};

export type RankRef = { code: string; name: string; index: number };

/** The consultant's ranks as the last closed run of an earlier period left them. */
export type LastRun = { runId: number; periodCode: string; periodName: string; achieved: string | null; paidAs: string | null; highest: string | null; achievedName: string | null; paidAsName: string | null; highestName: string | null };

export type ReportCard = {
  consultant: { id: number; code: string; name: string; status: "active" | "inactive" | "terminated" };
  lastRun: LastRun | null;
  period: { id: number; code: string; name: string; startsOn: string; endsOn: string };
  plan: { id: number | null; version: number; name: string };
  /** This period so far. */
  live: {
    active: boolean;
    pv: number;
    cv: number;
    gv: number;
    /** GV counted with the next rank's per-leg cap (null when the next rank has none). */
    gvCapped: number | null;
    activeFrontline: number;
    frontline: number;
    downline: number;
    achieved: RankRef | null;
  };
  next: RankRef | null;
  requirements: Requirement[];
  /** Every rank of the ladder, for the screen's ladder strip. */
  ladder: RankRef[];
};

export type ReportCardHistory = {
  /** Per consultant id: last closed period's paid-as, grace used, highest, and qualification streaks (by rank index). */
  previousPaidAs?: Map<number, number>;
  graceUsed?: Map<number, number>;
  highest?: Map<number, number>;
  qualifiedStreak?: Map<number, number[]>;
};

const STATUS_CODES = { active: STATUS_ACTIVE, inactive: STATUS_INACTIVE, terminated: STATUS_TERMINATED } as const;

/** A rank's display name in the locale (plans name ranks in pt-BR, es/en optional). */
export function rankName(name: Plan["ranks"]["ladder"][number]["name"], locale: string): string {
  if (typeof name === "string") return name;
  return (locale === "es" ? name.es : locale === "en" ? name.en : undefined) || name["pt-BR"];
}

/**
 * The open period a report card is about: the one holding today, when open; otherwise the latest
 * open period that has started. Null when nothing is open (between a close and the next order).
 */
export async function currentOpenPeriod(db: DbOrTx, at = new Date()) {
  const day = dayOf(at);
  const [today] = await db.select().from(periods).where(and(lte(periods.startsOn, day), gte(periods.endsOn, day), eq(periods.status, "open")));
  if (today) return today;
  const [latest] = await db
    .select()
    .from(periods)
    .where(and(eq(periods.status, "open"), lte(periods.startsOn, day)))
    .orderBy(desc(periods.startsOn))
    .limit(1);
  return latest ?? null;
}

export type SubtreeSnapshot = { snapshot: Snapshot; ids: number[] };

/**
 * The consultant's sponsor subtree in one period as an engine snapshot: parents before children
 * (sponsor paths sort that way), the consultant at index 0 with no sponsor. Placement is not read
 * (ranks do not use it). One index range scan on the genealogy path.
 */
export async function loadSubtreeSnapshot(db: DbOrTx, period: { id: number; endsOn: string }, consultantId: number, plan: CompiledPlan, history: ReportCardHistory = {}): Promise<SubtreeSnapshot | null> {
  const periodId = period.id;
  const [root] = await db.select({ path: genealogy.sponsorPath }).from(genealogy).where(eq(genealogy.consultantId, consultantId));
  if (!root) return null;
  const rows = await db
    .select({
      id: genealogy.consultantId,
      sponsorId: consultants.sponsorId,
      status: genealogy.status,
      pv: sql<number>`coalesce(${periodVolumes.pv}, 0)`.mapWith(Number),
      cv: sql<number>`coalesce(${periodVolumes.cv}, 0)`.mapWith(Number),
    })
    .from(genealogy)
    .innerJoin(consultants, eq(consultants.id, genealogy.consultantId))
    .leftJoin(periodVolumes, and(eq(periodVolumes.periodId, periodId), eq(periodVolumes.consultantId, genealogy.consultantId)))
    // As a run's snapshot: only who had joined by the period's last day (someone joined later is
    // not in it, and neither is anyone below them: their sponsor reads as none).
    .where(and(gte(genealogy.sponsorPath, root.path), sql`${genealogy.sponsorPath} < ${subtreeEnd(root.path)}`, lte(genealogy.joinedAt, period.endsOn)))
    .orderBy(asc(genealogy.sponsorPath));
  if (!rows.length || rows[0]!.id !== consultantId) return null; // joined after the period: not in it
  const n = rows.length;
  const index = new Map<number, number>();
  rows.forEach((r, i) => index.set(r.id, i));
  const R = plan.ranks.length;
  const s: Snapshot = {
    period: 0,
    count: n,
    sponsor: new Int32Array(n),
    placementParent: new Int32Array(n).fill(-1),
    placementSlot: new Uint8Array(n),
    status: new Uint8Array(n),
    joinPeriod: new Int32Array(n),
    pv: new Float64Array(n),
    cv: new Float64Array(n),
  };
  if (history.previousPaidAs) s.previousPaidAs = new Int8Array(n).fill(-1);
  if (history.graceUsed) s.graceUsed = new Uint8Array(n);
  if (history.highest) s.highest = new Int8Array(n).fill(-1);
  if (history.qualifiedStreak && plan.tracksStreaks) s.qualifiedStreak = new Uint8Array(n * R);
  rows.forEach((r, i) => {
    s.sponsor[i] = i === 0 || r.sponsorId === null ? -1 : (index.get(r.sponsorId) ?? -1);
    s.status[i] = STATUS_CODES[r.status];
    s.pv[i] = Math.max(0, Number(r.pv));
    s.cv[i] = Math.max(0, Number(r.cv));
    const rank = (m: Map<number, number> | undefined) => {
      const v = m?.get(r.id);
      return v === undefined || v < -1 || v >= R ? -1 : v;
    };
    if (s.previousPaidAs) s.previousPaidAs[i] = rank(history.previousPaidAs);
    if (s.highest) s.highest[i] = rank(history.highest);
    if (s.graceUsed) s.graceUsed[i] = Math.min(255, history.graceUsed!.get(r.id) ?? 0);
    const streak = history.qualifiedStreak?.get(r.id);
    if (s.qualifiedStreak && streak) for (let k = 0; k < R; k++) s.qualifiedStreak[i * R + k] = Math.min(255, streak[k] ?? 0);
  });
  return { snapshot: s, ids: rows.map((r) => r.id) };
}

/**
 * The card's numbers for index 0 of a subtree snapshot, from the engine's own rank result. Pure:
 * the unit tests and the integration test call it with hand-built snapshots.
 */
export function cardNumbers(s: Snapshot, plan: CompiledPlan, locale = "pt-BR") {
  const tree: SponsorTree = sponsorTree(s.sponsor);
  const result: RankResult = computeRanks(s, plan, tree);
  const ladder: RankRef[] = plan.plan.ranks.ladder.map((r, index) => ({ code: r.code, name: rankName(r.name, locale), index }));
  const v = 0;
  const from = tree.childStart[v]!, to = tree.childStart[v + 1]!;
  const legs: number[] = [];
  for (let e = from; e < to; e++) legs.push(tree.children[e]!);
  let activeFrontline = 0;
  for (const c of legs) activeFrontline += result.active[c]!;

  // Best rank (by the plan's leg-rank basis) in each leg, as computeRanks counts "legs holding rank X".
  const basis = plan.legRankBasis === "achieved" ? result.achieved : plan.legRankBasis === "paidAs" ? result.paidAs : result.highest;
  const best = Int8Array.from(basis);
  for (let k = s.count - 1; k >= 0; k--) {
    const u = tree.order[k]!, p = s.sponsor[u]!;
    if (p >= 0 && best[u]! > best[p]!) best[p] = best[u]!;
  }

  const achievedIndex = result.achieved[v]!;
  const achieved = achievedIndex >= 0 ? ladder[achievedIndex]! : null;
  const nextIndex = achievedIndex + 1 < plan.ranks.length ? achievedIndex + 1 : -1;
  const next = nextIndex >= 0 ? ladder[nextIndex]! : null;
  const pv = s.pv[v]!, gv = result.gv[v]!;
  const requirements: Requirement[] = [];
  const add = (kind: RequirementKind, unit: Requirement["unit"], current: number, required: number, extra: Partial<Requirement> = {}) =>
    requirements.push({ kind, unit, current, required, missing: Math.max(0, required - current), met: current >= required, ...extra });

  let gvCapped: number | null = null;
  if (next) {
    const q = plan.ranks[nextIndex]!;
    // A consultant whose status is not active achieves no rank (ranks.ts): shown first when it blocks.
    if (s.status[v] !== STATUS_ACTIVE) add("active", "flag", 0, 1);
    if (q.pv > 0) add("pv", "volume", pv, q.pv);
    if (q.gv > 0) add("gv", "volume", gv, q.gv);
    if (q.gvMaxLeg) {
      let counted = pv;
      for (const c of legs) counted += Math.min(result.gv[c]!, q.gvMaxLeg.cap);
      gvCapped = counted;
      add("gvMaxLeg", "volume", counted, q.gvMaxLeg.gv, { capPerLeg: q.gvMaxLeg.cap });
    }
    if (q.activeFrontline > 0) add("activeFrontline", "count", activeFrontline, q.activeFrontline);
    for (const need of q.legsWithRank) {
      let held = 0;
      for (const c of legs) if (best[c]! >= need.rank) held++;
      add("legsWithRank", "count", held, need.legs, { rank: { code: ladder[need.rank]!.code, name: ladder[need.rank]!.name } });
    }
    if (q.monthsQualified > 1) {
      // The engine's streak for this rank, this period included (0 when this period's other requirements are not met yet).
      const R = plan.ranks.length;
      const streak = result.qualifiedStreak ? result.qualifiedStreak[v * R + nextIndex]! : 0;
      add("monthsQualified", "months", streak, q.monthsQualified);
    }
  }
  return {
    live: { active: result.active[v] === 1, pv, cv: s.cv[v]!, gv, gvCapped, activeFrontline, frontline: legs.length, downline: s.count - 1, achieved },
    next,
    requirements,
    ladder,
  };
}

/**
 * The history a run of this period would read: the last closed (or published) run of an earlier
 * period, for the consultant's subtree — paid-as, grace, highest and qualification streaks — with
 * rank codes mapped onto the current plan's ladder (a code the plan no longer has counts as none).
 */
export async function lastClosedRun(db: DbOrTx, period: { startsOn: string }, consultantId: number, plan: CompiledPlan) {
  const [run] = await db
    .select({ id: compRuns.id, planVersionId: compRuns.planVersionId, periodCode: periods.code, periodName: periods.name })
    .from(compRuns)
    .innerJoin(periods, eq(periods.id, compRuns.periodId))
    .where(and(eq(compRuns.kind, "close"), sql`${compRuns.status} in ('closed', 'published')`, sql`${periods.startsOn} < ${period.startsOn}`))
    .orderBy(desc(periods.startsOn), desc(compRuns.id))
    .limit(1);
  if (!run) return null;
  const [root] = await db.select({ path: genealogy.sponsorPath }).from(genealogy).where(eq(genealogy.consultantId, consultantId));
  if (!root) return null;
  const rows = await db
    .select({ id: compRunConsultants.consultantId, achieved: compRunConsultants.achievedRank, paidAs: compRunConsultants.paidAsRank, highest: compRunConsultants.highestRank, graceUsed: compRunConsultants.graceUsed, streak: compRunConsultants.qualifiedStreak })
    .from(compRunConsultants)
    .innerJoin(genealogy, eq(genealogy.consultantId, compRunConsultants.consultantId))
    .where(and(eq(compRunConsultants.runId, run.id), gte(genealogy.sponsorPath, root.path), sql`${genealogy.sponsorPath} < ${subtreeEnd(root.path)}`));
  const runPlan = plan.tracksStreaks ? await getPlanVersion(db, run.planVersionId) : null;
  const runCodes = runPlan ? runPlan.definition.ranks.ladder.map((r) => r.code) : [];
  const index = (code: string | null) => (code === null ? -1 : plan.rankCodes.indexOf(code));
  const history: ReportCardHistory = { previousPaidAs: new Map(), graceUsed: new Map(), highest: new Map(), qualifiedStreak: plan.tracksStreaks ? new Map() : undefined };
  let own: (typeof rows)[number] | undefined;
  for (const r of rows) {
    if (r.id === consultantId) own = r;
    history.previousPaidAs!.set(r.id, index(r.paidAs));
    history.highest!.set(r.id, index(r.highest));
    history.graceUsed!.set(r.id, r.graceUsed);
    if (history.qualifiedStreak && r.streak) {
      const bytes = r.streak;
      history.qualifiedStreak.set(r.id, plan.rankCodes.map((code) => {
        const k = runCodes.indexOf(code);
        return k >= 0 && k < bytes.length ? bytes[k]! : 0;
      }));
    }
  }
  return { run, own: own ?? null, history };
}

/** The report card of one consultant in one (open) period under one plan version. Null: no such consultant. */
export async function reportCard(
  db: DbOrTx,
  consultantId: number,
  input: { period: { id: number; code: string; name: string; startsOn: string; endsOn: string }; plan: { id: number | null; version: number; definition: Plan }; locale?: string; history?: ReportCardHistory },
): Promise<ReportCard | null> {
  const [who] = await db.select({ id: consultants.id, code: consultants.code, name: consultants.fullName, status: consultants.status }).from(consultants).where(eq(consultants.id, consultantId));
  if (!who) return null;
  const compiled = compilePlan(input.plan.definition);
  const last = input.history ? null : await lastClosedRun(db, input.period, consultantId, compiled);
  const loaded = await loadSubtreeSnapshot(db, input.period, consultantId, compiled, input.history ?? last?.history);
  if (!loaded) return null;
  const numbers = cardNumbers(loaded.snapshot, compiled, input.locale);
  const nameOf = (code: string | null | undefined) => {
    const r = code ? input.plan.definition.ranks.ladder.find((x) => x.code === code) : undefined;
    return code ? (r ? rankName(r.name, input.locale ?? "pt-BR") : code) : null;
  };
  const lastRun: LastRun | null =
    last && last.own
      ? {
          runId: last.run.id,
          periodCode: last.run.periodCode,
          periodName: last.run.periodName,
          achieved: last.own.achieved,
          paidAs: last.own.paidAs,
          highest: last.own.highest,
          achievedName: nameOf(last.own.achieved),
          paidAsName: nameOf(last.own.paidAs),
          highestName: nameOf(last.own.highest),
        }
      : null;
  const { id, code, name, startsOn, endsOn } = input.period;
  return {
    consultant: who,
    lastRun,
    period: { id, code, name, startsOn, endsOn },
    plan: { id: input.plan.id, version: input.plan.version, name: input.plan.definition.name },
    ...numbers,
  };
}
