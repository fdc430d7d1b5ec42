import { lineAmount } from "../rounding";
import { BONUS } from "../lines";
import type { BonusContext } from "./context";

/**
 * Generations, shared by the generation bonus and the stair-step's breakaway overrides. A **head**
 * is an active consultant whose paid-as rank is at least the plan's generation (or breakaway)
 * rank. The **group** of a head is the head and their sponsor downline down to, not including,
 * the next heads; a volume belongs to the group of the nearest head at or above its source. The
 * heads above that group's head are generation 1, 2, … for the volume; generation g is paid
 * CV × generationsBp[g] if the head's rank unlocks g (a generation not unlocked is used up).
 * Inactive consultants are never heads: their group is their upline head's.
 */

/** Nearest head at or above each consultant (-1: none), filled parents-first. */
export function headsAtOrAbove(sponsor: Int32Array, order: Int32Array, isHead: (v: number) => boolean): Int32Array {
  const head = new Int32Array(sponsor.length);
  for (let k = 0; k < order.length; k++) {
    const v = order[k]!, p = sponsor[v]!;
    head[v] = isHead(v) ? v : p < 0 ? -1 : head[p]!;
  }
  return head;
}

/** Pays generations 1.. above `owner` (the head whose group `source`'s volume `cv` is in). */
export function payGenerationsAbove(
  { snapshot: s, plan, ranks, emit }: BonusContext,
  heads: Int32Array,
  owner: number,
  source: number,
  cv: number,
  generationsBp: number[],
  unlocked: Uint8Array,
  bonus: number,
) {
  const G = generationsBp.length, mupp = plan.minorUnitsPerPoint, paidAs = ranks.paidAs;
  let p = s.sponsor[owner]!;
  for (let g = 1; g <= G && p >= 0; g++) {
    const h = heads[p]!;
    if (h < 0) break;
    const bp = generationsBp[g - 1]!;
    if (bp > 0 && unlocked[paidAs[h]! + 1]! >= g) emit(h, bonus, lineAmount(cv, mupp, bp), source, g, bp, owner);
    p = s.sponsor[h]!;
  }
}

/** Generation bonus: every volume pays the heads above its group's head. */
export function payGeneration(ctx: BonusContext) {
  const g = ctx.plan.generation!, { active, paidAs } = ctx.ranks, s = ctx.snapshot;
  const heads = headsAtOrAbove(s.sponsor, ctx.tree.order, (v) => active[v] === 1 && paidAs[v]! >= g.rank);
  for (let src = 0; src < s.count; src++) {
    const c = s.cv[src]!, owner = heads[src]!;
    if (c > 0 && owner >= 0) payGenerationsAbove(ctx, heads, owner, src, c, g.generationsBp, g.unlocked, BONUS.generation);
  }
}
