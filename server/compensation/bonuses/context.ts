import type { CompiledPlan } from "../compile";
import type { RankResult } from "../ranks";
import type { Snapshot } from "../snapshot";
import type { SponsorTree } from "../trees";

/**
 * Records one line (and adds it to the earner's and the bonus's running sums). The earner's rank
 * on the line is their paid-as rank, read by the writer.
 */
export type Emit = (consultant: number, bonus: number, amount: number, source: number, level: number, pctBp: number, detail: number, flags?: number) => void;

export type BonusContext = {
  snapshot: Snapshot;
  plan: CompiledPlan;
  tree: SponsorTree;
  ranks: RankResult;
  emit: Emit;
};

/**
 * For each consultant, the nearest strict ancestor (in the tree of `parent`) for which `take` holds (-1: none),
 * filled parents-first (`order`; null: index order) so each entry is one look at the parent: walking up through these pointers
 * skips every consultant that does not qualify at O(1) per step.
 */
export function nearestAbove(parent: Int32Array, order: Int32Array | null, take: (v: number) => boolean): Int32Array {
  const next = new Int32Array(parent.length);
  for (let k = 0; k < parent.length; k++) {
    const v = order ? order[k]! : k, p = parent[v]!;
    next[v] = p < 0 ? -1 : take(p) ? p : next[p]!;
  }
  return next;
}
