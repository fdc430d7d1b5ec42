import { and, asc, count, desc, eq, inArray, sql, sum } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { compAdjustments, compClawbacks, compPlanVersions, compRunConsultants, compRunLines, compRuns, consultants, genealogy, orders, periods, users } from "@/db/schema";
import { AppError } from "../errors";
import { idsOf } from "../network/tree/path";
import { FLAG_CAPPED, FLAG_ROLLED_UP } from "./lines";
import type { Plan } from "./plan";
import { getPlanVersion } from "./plan-store";
import { rankName } from "./report-card";
import { LINE_DENOMINATOR } from "./rounding";

/**
 * "Why was I paid this?": one stored run line (comp_run_lines, with the explain columns the run
 * wrote from the engine's trace) turned into what a person reads: the bonus and its rule, whose
 * volume it paid on, the level or generation, who compression skipped and why, the percentage, the
 * exact value and its half-even rounding. Every number is the stored one or follows from stored
 * ones by integer arithmetic, and `arithmetic.sumsUp` checks that they add up to the paid amount:
 *   exact (= base × minor units per point × bp / 1,000,000) − rounding remainder = rounded,
 *   rounded − payout-cap cut = amount.
 *
 * Scope: a consultant reads only their own lines of published runs; anything else is NOT_FOUND
 * (the same answer whether the line exists or not, so ids cannot be probed).
 */

export type Person = { id: number; code: string; name: string };

export type SkippedUpline = Person & {
  reason: "inactive" | "belowMinPv" | "belowRank";
  pv: number;
  paidAsRank: string | null;
};

export type Explanation = {
  run: { id: number; kind: string; status: string; periodId: number; periodCode: string; periodName: string; currency: string; planVersionId: number; planVersion: number; planName: string; publishedAt: Date | null };
  line: { lineNo: number; bonus: string; rule: string; amount: number; level: number; rank: { code: string; name: string } | null; pctBp: number; baseVolume: number; flags: number };
  earner: Person;
  source: Person | null;
  /** Unilevel / matrix compression: how many uplines were skipped, and (when the tree still shows the run's chain) who and why. */
  compression: { count: number; skipped: SkippedUpline[]; listed: boolean; belowRank: { code: string; name: string } | null } | null;
  rolledUpFrom: Person | null;
  groupHead: Person | null;
  /** stair_step: the rank percentage = paid below + this line's differential. */
  stairStep: { paidBelowBp: number; rankPctBp: number } | null;
  arithmetic: {
    baseVolume: number;
    minorUnitsPerPoint: number;
    pctBp: number;
    /** exact = exactNumerator / denominator minor units (decimal strings: may pass 2^53). */
    exactNumerator: string;
    denominator: number;
    roundingRemainder: string;
    /** exact − remainder, a whole number of minor units. */
    rounded: number;
    /** Binary payout cap: rounded − cut = amount. */
    capCut: number;
    sumsUp: boolean;
  } | null;
  binary: { legLeft: number; legRight: number; carryInLeft: number; carryInRight: number; paired: number; carryOutLeft: number; carryOutRight: number; pairing: string } | null;
  payout: { minimum: number; pendingIn: number; pendingOut: number } | null;
  adjustment: { id: number; reason: string; by: string | null; at: Date } | null;
  clawback: { originalRunId: number; originalLineNo: number; originalPeriodCode: string | null; originalAmount: number | null; returnId: number; orderNumber: string | null; returnedCv: number; sourceCv: number } | null;
};

export type ExplainScope = { kind: "admin" } | { kind: "consultant"; consultantId: number };

const notFound = () => new AppError("NOT_FOUND", "compExplain.errors.lineNotFound");

async function people(db: DbOrTx, ids: (number | null | undefined)[]): Promise<Map<number, Person>> {
  const wanted = [...new Set(ids.filter((x): x is number => typeof x === "number"))];
  if (!wanted.length) return new Map();
  const rows = await db.select({ id: consultants.id, code: consultants.code, name: consultants.fullName }).from(consultants).where(inArray(consultants.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The stored plan of a run, parsed (its ranks name the line's rank; its unilevel options say who compression skips). */
async function runPlan(db: DbOrTx, planVersionId: number): Promise<Plan> {
  const stored = await getPlanVersion(db, planVersionId);
  if (!stored) throw notFound();
  return stored.definition;
}

export async function explainLine(db: DbOrTx, runId: number, lineNo: number, scope: ExplainScope, locale = "pt-BR"): Promise<Explanation> {
  const [row] = await db
    .select({ run: compRuns, line: compRunLines, period: { code: periods.code, name: periods.name }, planVersion: compPlanVersions.version })
    .from(compRunLines)
    .innerJoin(compRuns, eq(compRuns.id, compRunLines.runId))
    .innerJoin(periods, eq(periods.id, compRuns.periodId))
    .innerJoin(compPlanVersions, eq(compPlanVersions.id, compRuns.planVersionId))
    .where(and(eq(compRunLines.runId, runId), eq(compRunLines.lineNo, lineNo)));
  if (!row) throw notFound();
  if (scope.kind === "consultant" && (row.line.consultantId !== scope.consultantId || row.run.status !== "published")) throw notFound();
  const { run, line } = row;
  const plan = await runPlan(db, run.planVersionId);
  const codes = plan.ranks.ladder.map((r) => r.code);
  const rankRef = (code: string | null) => {
    if (code === null) return null;
    const r = plan.ranks.ladder.find((x) => x.code === code);
    return { code, name: r ? rankName(r.name, locale) : code };
  };
  const who = await people(db, [line.consultantId, line.sourceConsultantId, line.rolledUpFrom, line.groupHead]);
  const person = (id: number | null) => (id === null ? null : (who.get(id) ?? { id, code: `#${id}`, name: "" }));

  const isPayout = line.bonus === "payout_held" || line.bonus === "payout_released";
  const isManual = line.bonus === "adjustment" || line.bonus === "clawback";
  let arithmetic: Explanation["arithmetic"] = null;
  if (!isPayout && !isManual && line.exactNumerator !== null && line.roundingRemainder !== null) {
    const D = BigInt(LINE_DENOMINATOR);
    const exact = BigInt(line.exactNumerator), remainder = BigInt(line.roundingRemainder);
    const roundedScaled = exact - remainder;
    const rounded = Number(roundedScaled / D);
    const capCut = (line.flags & FLAG_CAPPED) !== 0 ? rounded - line.amount : 0;
    const product = BigInt(line.baseVolume) * BigInt(plan.minorUnitsPerPoint) * BigInt(line.pctBp);
    arithmetic = {
      baseVolume: line.baseVolume,
      minorUnitsPerPoint: plan.minorUnitsPerPoint,
      pctBp: line.pctBp,
      exactNumerator: line.exactNumerator,
      denominator: LINE_DENOMINATOR,
      roundingRemainder: line.roundingRemainder,
      rounded,
      capCut,
      // base × rate is the exact value; exact − remainder is whole; minus the cap cut it is the amount; the remainder is at most half a unit.
      sumsUp: product === exact && roundedScaled % D === 0n && rounded - capCut === line.amount && 2n * (remainder < 0n ? -remainder : remainder) <= D,
    };
  }

  let compression: Explanation["compression"] = null;
  if (line.compressedCount !== null && line.compressedCount > 0 && line.sourceConsultantId !== null) {
    const minRank = line.bonus === "unilevel" ? (plan.bonuses.unilevel?.compressBelowRank ?? null) : (plan.bonuses.matrix?.minRank ?? null);
    let skipped: SkippedUpline[] = [];
    let listed = false;
    if (line.bonus === "unilevel" && (line.flags & FLAG_ROLLED_UP) === 0) {
      // The uplines strictly between source and earner on today's sponsor chain, judged with the
      // run's own per-consultant results. Listed only when that reproduces the stored count (the
      // tree may have changed since the run).
      const [src] = await db.select({ path: genealogy.sponsorPath }).from(genealogy).where(eq(genealogy.consultantId, line.sourceConsultantId));
      const chain = src ? idsOf(src.path) : [];
      const at = chain.indexOf(line.consultantId);
      const between = at >= 0 ? chain.slice(at + 1, -1).reverse() : [];
      if (at >= 0) {
        const results = between.length
          ? await db
              .select({ id: compRunConsultants.consultantId, active: compRunConsultants.active, pv: compRunConsultants.pv, paidAs: compRunConsultants.paidAsRank })
              .from(compRunConsultants)
              .where(and(eq(compRunConsultants.runId, run.id), inArray(compRunConsultants.consultantId, between)))
          : [];
        const byId = new Map(results.map((r) => [r.id, r]));
        const names = await people(db, between);
        const minIndex = minRank === null ? -1 : codes.indexOf(minRank);
        for (const id of between) {
          const r = byId.get(id);
          if (!r) continue;
          const paidIndex = r.paidAs === null ? -1 : codes.indexOf(r.paidAs);
          const reason = !r.active ? (r.pv < plan.activity.minPv ? "belowMinPv" : "inactive") : paidIndex < minIndex ? "belowRank" : null;
          if (reason) skipped.push({ ...(names.get(id) ?? { id, code: `#${id}`, name: "" }), reason, pv: r.pv, paidAsRank: r.paidAs });
        }
        listed = skipped.length === line.compressedCount;
      }
      if (!listed) skipped = [];
    }
    compression = { count: line.compressedCount, skipped, listed, belowRank: rankRef(minRank) };
  }

  let binary: Explanation["binary"] = null;
  let payout: Explanation["payout"] = null;
  if (line.bonus === "binary" || isPayout) {
    const [c] = await db.select().from(compRunConsultants).where(and(eq(compRunConsultants.runId, run.id), eq(compRunConsultants.consultantId, line.consultantId)));
    if (c && line.bonus === "binary")
      binary = { legLeft: c.legLeft, legRight: c.legRight, carryInLeft: c.carryInLeft, carryInRight: c.carryInRight, paired: c.paired, carryOutLeft: c.carryOutLeft, carryOutRight: c.carryOutRight, pairing: plan.bonuses.binary?.pairing ?? "1:1" };
    if (isPayout) payout = { minimum: plan.payout.minimum, pendingIn: c?.pendingIn ?? 0, pendingOut: c?.pendingOut ?? 0 };
  }

  let adjustment: Explanation["adjustment"] = null;
  if (line.bonus === "adjustment" && line.adjustmentId !== null) {
    const [a] = await db
      .select({ id: compAdjustments.id, reason: compAdjustments.reason, by: users.name, at: compAdjustments.createdAt })
      .from(compAdjustments)
      .leftJoin(users, eq(users.id, compAdjustments.createdBy))
      .where(eq(compAdjustments.id, line.adjustmentId));
    // A consultant sees the reason, not which staff member wrote it.
    if (a) adjustment = { ...a, by: scope.kind === "admin" ? a.by : null };
  }

  let clawback: Explanation["clawback"] = null;
  if (line.bonus === "clawback" && line.clawbackId !== null) {
    const [k] = await db.select().from(compClawbacks).where(eq(compClawbacks.id, line.clawbackId));
    if (k) {
      const [orig] = await db
        .select({ amount: compRunLines.amount, periodCode: periods.code })
        .from(compRunLines)
        .innerJoin(compRuns, eq(compRuns.id, compRunLines.runId))
        .innerJoin(periods, eq(periods.id, compRuns.periodId))
        .where(and(eq(compRunLines.runId, k.originalRunId), eq(compRunLines.lineNo, k.originalLineNo)));
      const [o] = await db.select({ number: orders.number }).from(orders).where(eq(orders.id, k.orderId));
      clawback = {
        originalRunId: k.originalRunId,
        originalLineNo: k.originalLineNo,
        originalPeriodCode: orig?.periodCode ?? null,
        originalAmount: orig?.amount ?? null,
        returnId: k.returnId,
        orderNumber: o?.number ?? null,
        returnedCv: k.returnedCv,
        sourceCv: k.sourceCv,
      };
    }
  }

  const rankPct = line.bonus === "stair_step" && line.paidBelowBp !== null ? { paidBelowBp: line.paidBelowBp, rankPctBp: line.paidBelowBp + line.pctBp } : null;
  return {
    run: {
      id: run.id,
      kind: run.kind,
      status: run.status,
      periodId: run.periodId,
      periodCode: row.period.code,
      periodName: row.period.name,
      currency: run.currency ?? plan.currency,
      planVersionId: run.planVersionId,
      planVersion: row.planVersion,
      planName: plan.name,
      publishedAt: run.publishedAt,
    },
    line: { lineNo: line.lineNo, bonus: line.bonus, rule: line.rule, amount: line.amount, level: line.level, rank: rankRef(line.rank), pctBp: line.pctBp, baseVolume: line.baseVolume, flags: line.flags },
    earner: person(line.consultantId)!,
    source: isPayout || line.bonus === "adjustment" ? null : person(line.sourceConsultantId),
    compression,
    rolledUpFrom: person(line.rolledUpFrom),
    groupHead: person(line.groupHead),
    stairStep: rankPct,
    arithmetic,
    binary,
    payout,
    adjustment,
    clawback,
  };
}

/**
 * A consultant's commissions: the published runs they appear in (newest first, with their total),
 * and one run's lines, paged, with totals by bonus. `runId` absent: the newest published run.
 */
export async function myLines(db: DbOrTx, consultantId: number, input: { runId?: number; offset: number; limit: number }, locale = "pt-BR") {
  const runs = await db
    .select({
      runId: compRuns.id,
      periodCode: periods.code,
      periodName: periods.name,
      publishedAt: compRuns.publishedAt,
      currency: compRuns.currency,
      total: compRunConsultants.total,
      rank: compRunConsultants.paidAsRank,
      planVersionId: compRuns.planVersionId,
    })
    .from(compRuns)
    .innerJoin(periods, eq(periods.id, compRuns.periodId))
    .innerJoin(compRunConsultants, and(eq(compRunConsultants.runId, compRuns.id), eq(compRunConsultants.consultantId, consultantId)))
    .where(eq(compRuns.status, "published"))
    .orderBy(desc(periods.startsOn), desc(compRuns.id))
    .limit(60);
  const runId = input.runId ?? runs[0]?.runId;
  const selected = runs.find((r) => r.runId === runId);
  // A run that is not published, or where she earned nothing, is simply not hers to list.
  if (input.runId !== undefined && !selected) throw new AppError("NOT_FOUND", "compExplain.errors.runNotFound");
  if (!selected) return { runs, run: null, lines: [], totalLines: 0, byBonus: [] as { bonus: string; lines: number; amount: number }[] };
  const plan = selected.rank ? await getPlanVersion(db, selected.planVersionId) : null;
  const ladderRank = plan?.definition.ranks.ladder.find((r) => r.code === selected.rank);
  const run = { ...selected, rankName: selected.rank ? (ladderRank ? rankName(ladderRank.name, locale) : selected.rank) : null };
  const mine = and(eq(compRunLines.runId, selected.runId), eq(compRunLines.consultantId, consultantId));
  const [lines, byBonus] = await Promise.all([
    db
      .select({
        lineNo: compRunLines.lineNo,
        bonus: compRunLines.bonus,
        rule: compRunLines.rule,
        amount: compRunLines.amount,
        level: compRunLines.level,
        pctBp: compRunLines.pctBp,
        baseVolume: compRunLines.baseVolume,
        sourceCode: consultants.code,
        sourceName: consultants.fullName,
      })
      .from(compRunLines)
      .leftJoin(consultants, eq(consultants.id, compRunLines.sourceConsultantId))
      .where(mine)
      .orderBy(asc(compRunLines.lineNo))
      .offset(input.offset)
      .limit(input.limit),
    db
      .select({ bonus: compRunLines.bonus, lines: count(), amount: sum(compRunLines.amount).mapWith(Number) })
      .from(compRunLines)
      .where(mine)
      .groupBy(compRunLines.bonus)
      .orderBy(sql`sum(${compRunLines.amount}) desc`),
  ]);
  return { runs, run, lines, totalLines: byBonus.reduce((n, b) => n + b.lines, 0), byBonus };
}
