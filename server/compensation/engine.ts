import { payBinary, type BinaryResult } from "./bonuses/binary";
import type { BonusContext, Emit } from "./bonuses/context";
import { payFastStart } from "./bonuses/fast-start";
import { payGeneration } from "./bonuses/generations";
import { payMatrix } from "./bonuses/matrix";
import { applyMinimumPayout } from "./bonuses/payout";
import { payStairStep } from "./bonuses/stair-step";
import { payUnilevel } from "./bonuses/unilevel";
import { compilePlan, type CompiledPlan } from "./compile";
import { hashInputs, hashOutputs, combineHashes } from "./hash";
import { BONUS, BONUS_KINDS, CommissionLines, type BonusKind } from "./lines";
import type { Plan } from "./plan";
import { computeRanks, type RankResult } from "./ranks";
import { AmountOverflowError } from "./rounding";
import { checkSnapshot, type Snapshot } from "./snapshot";
import { placementOrder, sponsorTree, type SponsorTree } from "./trees";

/**
 * The compensation engine: one period of a frozen network (snapshot.ts) and a plan (plan.ts) in,
 * ranks, commission lines, binary carry-out and pending payouts out. Pure and deterministic: no
 * clock, no randomness, no I/O, loops in index order, integer arithmetic — the same input gives
 * byte-identical output and the same hashes. Phases run in a fixed order:
 *   trees → ranks (activity, GV, achieved/paid-as/highest) → unilevel → binary → matrix →
 *   stair-step (+ breakaway overrides) → generation → fast start → minimum payout → hashes.
 * Each phase is a pass over typed arrays (see the bonus files for their costs), so a million
 * consultants take seconds and ten million fit in memory (tests/bench/comp-engine.ts).
 */

export type EngineOptions = {
  /** Called after each phase with its wall time; timings are not part of the result (they are not deterministic). */
  onPhase?: (phase: EnginePhase, ms: number) => void;
};

export type EnginePhase = "check" | "trees" | "ranks" | BonusKind | "payout" | "hash";

export type EngineTotals = {
  /** Sum of the lines of each bonus (minor units). */
  byBonus: Record<BonusKind, bigint>;
  linesByBonus: Record<BonusKind, number>;
  /** What the bonuses earned, before the minimum payout held or released anything. */
  earned: bigint;
  /** Sum of every line: what is paid out this period. */
  paid: bigint;
  /** Sum of every consultant's CV (hundredths of a point), the base of "payout as % of CV". */
  cv: bigint;
};

export type EngineResult = {
  plan: CompiledPlan;
  ranks: RankResult;
  binary: BinaryResult | null;
  lines: CommissionLines;
  /** Sum of each consultant's lines (minor units): what they are paid this period. */
  paid: Float64Array;
  /** Held below the minimum payout, to be fed back as next period's `pendingIn`. */
  pendingOut: Float64Array;
  totals: EngineTotals;
  /** SHA-256 (hex) of the canonical inputs (plan + snapshot), of the outputs, and of both. */
  inputHash: string;
  outputHash: string;
  hash: string;
};

export const ENGINE_VERSION = "rede.comp/1";

export function runEngine(snapshot: Snapshot, plan: Plan | CompiledPlan, options: EngineOptions = {}): EngineResult {
  const compiled = "rankCodes" in plan ? plan : compilePlan(plan);
  let clock = performance.now();
  const phase = (name: EnginePhase) => {
    const now = performance.now();
    options.onPhase?.(name, now - clock);
    clock = now;
  };
  checkSnapshot(snapshot, compiled);
  phase("check");
  const tree: SponsorTree = sponsorTree(snapshot.sponsor);
  const placement = compiled.binary || compiled.matrix ? placementOrder(snapshot.placementParent) : null;
  phase("trees");
  const ranks = computeRanks(snapshot, compiled, tree);
  phase("ranks");

  const lines = new CommissionLines();
  const paid = new Float64Array(snapshot.count);
  const sums = new Array<number>(BONUS_KINDS.length).fill(0), counts = new Array<number>(BONUS_KINDS.length).fill(0);
  const paidAs = ranks.paidAs;
  const emit: Emit = (consultant, bonus, amount, source, level, pctBp, detail, flags = 0) => {
    lines.push(consultant, bonus, amount, source, level, paidAs[consultant]!, pctBp, detail, flags);
    const total = (paid[consultant] = paid[consultant]! + amount);
    const sum = (sums[bonus] = sums[bonus]! + amount);
    counts[bonus]!++;
    if (!Number.isSafeInteger(total) || !Number.isSafeInteger(sum)) throw new AmountOverflowError("commission sums beyond 2^53 minor units");
  };
  const ctx: BonusContext = { snapshot, plan: compiled, tree, ranks, emit };
  if (compiled.unilevel) payUnilevel(ctx), phase("unilevel");
  const binary = compiled.binary ? payBinary(ctx, placement) : null;
  if (binary) phase("binary");
  if (compiled.matrix) payMatrix(ctx, placement), phase("matrix");
  if (compiled.stairStep) payStairStep(ctx), phase("stair_step");
  if (compiled.generation) payGeneration(ctx), phase("generation");
  if (compiled.fastStart) payFastStart(ctx), phase("fast_start");
  const earned = sums.reduce((a, b) => a + BigInt(b), 0n);
  const pendingOut = applyMinimumPayout(ctx, paid);
  phase("payout");

  let cv = 0n;
  let chunk = 0;
  for (let i = 0; i < snapshot.count; i++) {
    chunk += snapshot.cv[i]!;
    if (chunk > 2 ** 52) (cv += BigInt(chunk)), (chunk = 0);
  }
  cv += BigInt(chunk);
  const totals: EngineTotals = {
    byBonus: Object.fromEntries(BONUS_KINDS.map((k) => [k, BigInt(sums[BONUS[k]]!)])) as Record<BonusKind, bigint>,
    linesByBonus: Object.fromEntries(BONUS_KINDS.map((k) => [k, counts[BONUS[k]]!])) as Record<BonusKind, number>,
    earned,
    paid: BONUS_KINDS.reduce((a, k) => a + BigInt(sums[BONUS[k]]!), 0n),
    cv,
  };
  const inputHash = hashInputs(snapshot, compiled);
  const outputHash = hashOutputs({ ranks, binary, lines, paid, pendingOut, totals });
  phase("hash");
  return { plan: compiled, ranks, binary, lines, paid, pendingOut, totals, inputHash, outputHash, hash: combineHashes(inputHash, outputHash) };
}
