import { lineAmount } from "../rounding";
import { BONUS, FLAG_ROLLED_UP } from "../lines";
import { nearestAbove, type BonusContext } from "./context";

/**
 * Unilevel (GLOSSARY default: dynamic compression, no roll-up). For each source S with CV > 0, the
 * k-th eligible upline is at level k and is paid CV × levelsBp[k] if their paid-as rank unlocks k;
 * otherwise level k is used up unpaid (or, with `rollUp`, paid to the nearest eligible upline
 * above who unlocks k). Eligible: active, and paid-as ≥ `compressBelowRank` when set. With
 * compression "none" every upline takes a level and only active ones are paid.
 *
 * Cost: one pointer step per level paid, whatever the inactive consultants in between — `next`
 * jumps over them — so O(sources × levels). Roll-up adds a walk per level not unlocked.
 */
export function payUnilevel({ snapshot: s, plan, tree, ranks, emit }: BonusContext) {
  const u = plan.unilevel!;
  const { levelsBp, unlocked, dynamic, minRank, rollUp } = u;
  const { active, paidAs } = ranks;
  const L = levelsBp.length, mupp = plan.minorUnitsPerPoint, sponsor = s.sponsor, depth = tree.depth, cv = s.cv;
  const eligible = (v: number) => active[v] === 1 && paidAs[v]! >= minRank;
  const next = dynamic ? nearestAbove(sponsor, tree.order, eligible) : sponsor;
  /** The nearest upline above `v` that can take level `level` by roll-up. */
  const rollTarget = (v: number, level: number) => {
    let w = next[v]!;
    while (w >= 0 && !(eligible(w) && unlocked[paidAs[w]! + 1]! >= level)) w = next[w]!;
    return w;
  };
  for (let src = 0; src < s.count; src++) {
    const c = cv[src]!;
    if (c <= 0) continue;
    let up = next[src]!;
    for (let level = 1; level <= L && up >= 0; level++, up = next[up]!) {
      const bp = levelsBp[level - 1]!;
      if (bp === 0 || (!dynamic && !eligible(up))) continue;
      if (unlocked[paidAs[up]! + 1]! >= level) {
        emit(up, BONUS.unilevel, lineAmount(c, mupp, bp), src, level, bp, depth[src]! - depth[up]! - level);
      } else if (rollUp) {
        const w = rollTarget(up, level);
        if (w >= 0) emit(w, BONUS.unilevel, lineAmount(c, mupp, bp), src, level, bp, up, FLAG_ROLLED_UP);
      }
    }
  }
}
