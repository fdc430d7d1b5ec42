import type { EngineResult } from "./engine";
import { FLAG_CAPPED, FLAG_ROLLED_UP, type CommissionLine } from "./lines";
import { lineExact, LINE_DENOMINATOR } from "./rounding";
import type { Snapshot } from "./snapshot";

/**
 * "Why was I paid this?" for one line, rebuilt from the line, the snapshot and the result: the
 * rule in words a screen can translate (`rule` is a stable key), the percentage and the base it
 * applied to, what compression skipped, and the rounding. Exact values are strings (they can pass
 * 2^53) over the fixed denominator.
 */
export type LineTrace = CommissionLine & {
  rule: string;
  /** Base volume in hundredths of a point: the source's CV, or for binary the paired volume. */
  base: number;
  /** Exact amount = exactNumerator / denominator minor units; remainder = exact − rounded, same denominator. */
  exactNumerator: string;
  denominator: number;
  roundingRemainder: string;
  /** Uplines between source and earner in the sponsor tree (unilevel, stair-step, generation, fast start). */
  distance: number | null;
  /** Consultants compression skipped (unilevel, dynamic matrix). */
  compressedCount: number | null;
  rolledUpFrom: number | null;
  /** Head of the group the volume belongs to (breakaway overrides, generation). */
  groupHead: number | null;
  /** Stair-step: percentage already paid below on this volume. */
  paidBelowBp: number | null;
  /** Binary lines cut by the payout cap: the amount before the cut. */
  uncappedAmount: number | null;
};

const RULES: Record<CommissionLine["bonus"], string> = {
  unilevel: "unilevel.level",
  binary: "binary.weaker_leg",
  matrix: "matrix.level",
  stair_step: "stair_step.differential",
  breakaway_override: "stair_step.generation_override",
  generation: "generation.level",
  fast_start: "fast_start.level",
  payout_held: "payout.below_minimum",
  payout_released: "payout.pending_released",
};

export function lineTrace(result: EngineResult, snapshot: Snapshot, index: number): LineTrace {
  const line = result.lines.at(index);
  const mupp = result.plan.minorUnitsPerPoint;
  const payout = line.bonus === "payout_held" || line.bonus === "payout_released";
  const base = payout ? 0 : line.bonus === "binary" ? result.binary!.paired[line.consultant]! : snapshot.cv[line.source]!;
  const exact = payout ? null : lineExact(base, mupp, line.pctBp);
  const rolled = (line.flags & FLAG_ROLLED_UP) !== 0;
  const sponsorWalk = line.bonus !== "binary" && line.bonus !== "matrix" && !payout;
  return {
    ...line,
    rule: rolled ? "unilevel.roll_up" : RULES[line.bonus],
    base,
    exactNumerator: exact ? exact.numerator.toString() : String(BigInt(line.amount) * BigInt(LINE_DENOMINATOR)),
    denominator: LINE_DENOMINATOR,
    roundingRemainder: exact ? exact.remainder.toString() : "0",
    distance: sponsorWalk ? sponsorDistance(snapshot.sponsor, line.source, line.consultant) : null,
    compressedCount: (line.bonus === "unilevel" && !rolled) || line.bonus === "matrix" ? line.detail : null,
    rolledUpFrom: rolled ? line.detail : null,
    groupHead: line.bonus === "breakaway_override" || line.bonus === "generation" ? line.detail : null,
    paidBelowBp: line.bonus === "stair_step" ? line.detail : null,
    uncappedAmount: (line.flags & FLAG_CAPPED) !== 0 && exact ? Number(exact.rounded) : null,
  };
}

/** Steps from `from` up the sponsor tree to `to` (0 when the same consultant); -1 if `to` is not above. */
function sponsorDistance(sponsor: Int32Array, from: number, to: number): number {
  let d = 0;
  for (let v = from; v >= 0; v = sponsor[v]!, d++) if (v === to) return d;
  return -1;
}

/**
 * The consultants a unilevel line's compression skipped: every upline strictly between source and
 * earner that the rule did not count (inactive, or below `compressBelowRank`). For the explain
 * screen; walks the chain, so it is for one line at a time.
 */
export function compressedOver(result: EngineResult, snapshot: Snapshot, index: number): number[] {
  const line = result.lines.at(index);
  const u = result.plan.unilevel;
  if (!u?.dynamic || line.bonus !== "unilevel" || (line.flags & FLAG_ROLLED_UP) !== 0) return [];
  const { active, paidAs } = result.ranks;
  const skipped: number[] = [];
  for (let v = snapshot.sponsor[line.source]!; v >= 0 && v !== line.consultant; v = snapshot.sponsor[v]!) {
    if (!(active[v] === 1 && paidAs[v]! >= u.minRank)) skipped.push(v);
  }
  return skipped;
}
