import { createHash, type Hash } from "node:crypto";
import type { BinaryResult } from "./bonuses/binary";
import type { CompiledPlan } from "./compile";
import type { EngineTotals } from "./engine";
import type { CommissionLines } from "./lines";
import { canonicalPlanJson } from "./plan";
import type { RankResult } from "./ranks";
import type { Snapshot } from "./snapshot";

/**
 * SHA-256 of a run's canonical inputs and outputs: what a stored run keeps to show that a
 * re-run of the same snapshot and plan version gives the same result. Canonical form: the engine
 * version, the plan as canonical JSON (defaults filled, keys sorted), then each array by name,
 * in a fixed order, as its raw bytes (little-endian on every platform Node runs on today), an
 * absent optional array as the word "absent". Names and lengths go in too, so two different
 * inputs cannot hash alike by moving bytes between arrays.
 */

type Bytes = ArrayBufferView | null | undefined;

function feed(hash: Hash, name: string, array: Bytes) {
  if (!array) {
    hash.update(`${name}:absent\n`);
    return;
  }
  hash.update(`${name}:${array.byteLength}\n`);
  hash.update(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
}

export function hashInputs(s: Snapshot, plan: CompiledPlan): string {
  const hash = createHash("sha256");
  hash.update(`rede.comp/1\nplan:${canonicalPlanJson(plan.plan)}\nperiod:${s.period}\ncount:${s.count}\n`);
  const arrays: [string, Bytes][] = [
    ["sponsor", s.sponsor],
    ["placementParent", s.placementParent],
    ["placementSlot", s.placementSlot],
    ["status", s.status],
    ["joinPeriod", s.joinPeriod],
    ["pv", s.pv],
    ["cv", s.cv],
    ["carryInLeft", s.carryInLeft],
    ["carryInRight", s.carryInRight],
    ["previousPaidAs", s.previousPaidAs],
    ["graceUsed", s.graceUsed],
    ["highest", s.highest],
    ["qualifiedStreak", plan.tracksStreaks ? s.qualifiedStreak : null],
    ["pendingIn", s.pendingIn],
  ];
  for (const [name, array] of arrays) feed(hash, name, array);
  return hash.digest("hex");
}

export function hashOutputs(out: { ranks: RankResult; binary: BinaryResult | null; lines: CommissionLines; paid: Float64Array; pendingOut: Float64Array; totals: EngineTotals }): string {
  const hash = createHash("sha256");
  const { ranks, binary } = out;
  const arrays: [string, Bytes][] = [
    ["active", ranks.active],
    ["gv", ranks.gv],
    ["achieved", ranks.achieved],
    ["paidAs", ranks.paidAs],
    ["highest", ranks.highest],
    ["graceUsed", ranks.graceUsed],
    ["qualifiedStreak", ranks.qualifiedStreak],
    ["legLeft", binary?.legLeft],
    ["legRight", binary?.legRight],
    ["paired", binary?.paired],
    ["carryOutLeft", binary?.carryOutLeft],
    ["carryOutRight", binary?.carryOutRight],
    ["paid", out.paid],
    ["pendingOut", out.pendingOut],
  ];
  for (const [name, array] of arrays) feed(hash, name, array);
  hash.update(`lines:${out.lines.count}\n`);
  for (const bytes of out.lines.columnBytes()) hash.update(bytes);
  const t = out.totals;
  hash.update(`totals:${JSON.stringify({ byBonus: t.byBonus, linesByBonus: t.linesByBonus, earned: t.earned, paid: t.paid, cv: t.cv }, (_, v) => (typeof v === "bigint" ? v.toString() : v))}\n`);
  return hash.digest("hex");
}

export function combineHashes(inputHash: string, outputHash: string): string {
  return createHash("sha256").update(`${inputHash}\n${outputHash}\n`).digest("hex");
}
