import type { EngineResult } from "./engine";
import { BONUS_KINDS, type BonusKind } from "./lines";

/**
 * What-if: two engine results on the same period's network — the BASE (the plan in force, or the
 * version a closed run used) and the CANDIDATE (usually a draft) — compared per consultant, per
 * rank and in total. Pure: no database, so it is tested on hand-built snapshots; the runner
 * (plans/what-if-run.ts) loads the period and keeps the comparison for paging.
 *
 * Both results must be for the same consultants in the same order (index i is the same person):
 * the runner loads one snapshot per plan (ranks are plan indexes), from the same period, and checks
 * the ids match. Ranks are compared by CODE, since the two ladders may differ.
 * Money: integer minor units throughout; totals as bigint. Payout % of CV in basis points,
 * rounded half-even: paid ÷ (CV × minor units per point ÷ 100), each side with its own plan's
 * point value.
 */

export type WhatIfSide = {
  paid: bigint;
  cv: bigint;
  /** Payout as a share of CV's money value, in basis points (null when CV is 0). */
  payoutBp: number | null;
  byBonus: Record<BonusKind, bigint>;
  lines: number;
};

export type WhatIfRankRow = {
  code: string;
  /** Consultants who achieved / are paid as this rank under each plan (null: not on that plan's ladder). */
  achieved: { base: number | null; candidate: number | null };
  paidAs: { base: number | null; candidate: number | null };
};

export type WhatIfComparison = {
  count: number;
  base: WhatIfSide;
  candidate: WhatIfSide;
  /** candidate − base. */
  delta: { paid: bigint; payoutBp: number | null };
  /** Consultants whose pay differs; and how many gain / lose. */
  changed: number;
  gainers: number;
  losers: number;
  byRank: WhatIfRankRow[];
  /** Per consultant (index i): pay under each plan and the paid-as rank code index into `rankCodes` (-1: none). */
  basePaid: Float64Array;
  candidatePaid: Float64Array;
  basePaidAs: Int16Array;
  candidatePaidAs: Int16Array;
  /** Union of both ladders' codes: candidate's order first, then base-only codes. */
  rankCodes: string[];
};

export class WhatIfMismatchError extends Error {}

function side(r: EngineResult): WhatIfSide {
  const value = (r.totals.cv * BigInt(r.plan.minorUnitsPerPoint)) / 100n; // CV's money value in minor units (hundredths × units per point ÷ 100)
  return { paid: r.totals.paid, cv: r.totals.cv, payoutBp: value === 0n ? null : halfEvenRatioBp(r.totals.paid, value), byBonus: { ...r.totals.byBonus }, lines: r.lines.count };
}

/** round-half-even(a × 10000 ÷ b) for a ≥ 0 (a paid total can be negative only through held payouts, which net to ≥ 0 per consultant). */
export function halfEvenRatioBp(a: bigint, b: bigint): number {
  const negative = a < 0n;
  const n = (negative ? -a : a) * 10_000n;
  let q = n / b;
  const r = n % b;
  if (r * 2n > b || (r * 2n === b && q % 2n === 1n)) q += 1n;
  return Number(negative ? -q : q);
}

export function compareResults(base: EngineResult, candidate: EngineResult): WhatIfComparison {
  const n = base.paid.length;
  if (candidate.paid.length !== n) throw new WhatIfMismatchError(`the two results cover ${n} and ${candidate.paid.length} consultants`);
  const codes = [...candidate.plan.rankCodes, ...base.plan.rankCodes.filter((c) => !candidate.plan.rankCodes.includes(c))];
  const mapOf = (own: string[]) => own.map((c) => codes.indexOf(c));
  const baseMap = mapOf(base.plan.rankCodes), candMap = mapOf(candidate.plan.rankCodes);
  const basePaidAs = new Int16Array(n), candidatePaidAs = new Int16Array(n);
  const counts = { achievedBase: new Array<number>(codes.length).fill(0), achievedCand: new Array<number>(codes.length).fill(0), paidBase: new Array<number>(codes.length).fill(0), paidCand: new Array<number>(codes.length).fill(0) };
  let changed = 0, gainers = 0, losers = 0;
  for (let i = 0; i < n; i++) {
    const d = candidate.paid[i]! - base.paid[i]!;
    if (d !== 0) {
      changed++;
      if (d > 0) gainers++;
      else losers++;
    }
    const bp = base.ranks.paidAs[i]!, cp = candidate.ranks.paidAs[i]!, ba = base.ranks.achieved[i]!, ca = candidate.ranks.achieved[i]!;
    basePaidAs[i] = bp < 0 ? -1 : baseMap[bp]!;
    candidatePaidAs[i] = cp < 0 ? -1 : candMap[cp]!;
    if (bp >= 0) counts.paidBase[baseMap[bp]!]!++;
    if (cp >= 0) counts.paidCand[candMap[cp]!]!++;
    if (ba >= 0) counts.achievedBase[baseMap[ba]!]!++;
    if (ca >= 0) counts.achievedCand[candMap[ca]!]!++;
  }
  const inBase = new Set(base.plan.rankCodes), inCand = new Set(candidate.plan.rankCodes);
  const byRank = codes.map((code, k) => ({
    code,
    achieved: { base: inBase.has(code) ? counts.achievedBase[k]! : null, candidate: inCand.has(code) ? counts.achievedCand[k]! : null },
    paidAs: { base: inBase.has(code) ? counts.paidBase[k]! : null, candidate: inCand.has(code) ? counts.paidCand[k]! : null },
  }));
  const b = side(base), c = side(candidate);
  return {
    count: n,
    base: b,
    candidate: c,
    delta: { paid: c.paid - b.paid, payoutBp: b.payoutBp === null || c.payoutBp === null ? null : c.payoutBp - b.payoutBp },
    changed,
    gainers,
    losers,
    byRank,
    basePaid: base.paid,
    candidatePaid: candidate.paid,
    basePaidAs,
    candidatePaidAs,
    rankCodes: codes,
  };
}

export const WHAT_IF_SORTS = ["delta", "absDelta", "base", "candidate", "index"] as const;
export type WhatIfSort = (typeof WHAT_IF_SORTS)[number];

export type WhatIfRow = { index: number; base: number; candidate: number; delta: number; basePaidAs: string | null; candidatePaidAs: string | null };

/**
 * One page of consultants, sorted (ties by index, so pages are stable). `only` restricts to the
 * indexes given (a search), `changedOnly` to those whose pay differs. O(n log n) per call on the
 * kept comparison; at the sizes the runner accepts that is milliseconds.
 */
export function comparisonPage(
  cmp: WhatIfComparison,
  opts: { sort: WhatIfSort; dir: "asc" | "desc"; page: number; pageSize: number; changedOnly?: boolean; only?: Iterable<number> },
): { total: number; rows: WhatIfRow[] } {
  const pool: number[] = [];
  const consider = (i: number) => {
    if (i < 0 || i >= cmp.count) return;
    if (opts.changedOnly && cmp.candidatePaid[i] === cmp.basePaid[i]) return;
    pool.push(i);
  };
  if (opts.only) for (const i of opts.only) consider(i);
  else for (let i = 0; i < cmp.count; i++) consider(i);
  const key = (i: number) => {
    const d = cmp.candidatePaid[i]! - cmp.basePaid[i]!;
    switch (opts.sort) {
      case "delta":
        return d;
      case "absDelta":
        return Math.abs(d);
      case "base":
        return cmp.basePaid[i]!;
      case "candidate":
        return cmp.candidatePaid[i]!;
      default:
        return i;
    }
  };
  const sign = opts.dir === "asc" ? 1 : -1;
  pool.sort((a, b) => sign * (key(a) - key(b)) || a - b);
  const start = (opts.page - 1) * opts.pageSize;
  const code = (k: number) => (k < 0 ? null : cmp.rankCodes[k]!);
  return {
    total: pool.length,
    rows: pool.slice(start, start + opts.pageSize).map((i) => ({
      index: i,
      base: cmp.basePaid[i]!,
      candidate: cmp.candidatePaid[i]!,
      delta: cmp.candidatePaid[i]! - cmp.basePaid[i]!,
      basePaidAs: code(cmp.basePaidAs[i]!),
      candidatePaidAs: code(cmp.candidatePaidAs[i]!),
    })),
  };
}

/** Totals by bonus for the screen: every kind either plan paid. */
export function bonusRows(cmp: WhatIfComparison) {
  return BONUS_KINDS.filter((k) => cmp.base.byBonus[k] !== 0n || cmp.candidate.byBonus[k] !== 0n).map((k) => ({
    bonus: k,
    base: cmp.base.byBonus[k],
    candidate: cmp.candidate.byBonus[k],
    delta: cmp.candidate.byBonus[k] - cmp.base.byBonus[k],
  }));
}
