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
 * Cost: one pointer step per level, whatever the inactive consultants in between — `next` jumps
 * over them — so O(sources × levels); roll-up adds a walk per level not unlocked. At 10M
 * consultants each step is a cache miss, so what a step reads (next upline, depth, levels
 * unlocked, eligibility) sits side by side in one array: one miss per step instead of four.
 */
const STRIDE = 4, NEXT = 0, DEPTH = 1, UNLOCKED = 2, ELIGIBLE = 3;

export function payUnilevel({ snapshot: s, plan, tree, ranks, emit }: BonusContext) {
  const { levelsBp, unlocked, dynamic, minRank, rollUp } = plan.unilevel!;
  const { active, paidAs } = ranks;
  const n = s.count, L = levelsBp.length, mupp = plan.minorUnitsPerPoint, cv = s.cv;
  const eligible = (v: number) => active[v] === 1 && paidAs[v]! >= minRank;
  const next = dynamic ? nearestAbove(s.sponsor, tree.order, eligible) : s.sponsor;
  const node = new Int32Array(n * STRIDE);
  for (let v = 0; v < n; v++) {
    const at = v * STRIDE;
    node[at + NEXT] = next[v]!;
    node[at + DEPTH] = tree.depth[v]!;
    node[at + UNLOCKED] = unlocked[paidAs[v]! + 1]!;
    node[at + ELIGIBLE] = eligible(v) ? 1 : 0;
  }
  /** The nearest upline above `v` that can take level `level` by roll-up. */
  const rollTarget = (v: number, level: number) => {
    let w = node[v * STRIDE + NEXT]!;
    while (w >= 0 && !(node[w * STRIDE + ELIGIBLE] === 1 && node[w * STRIDE + UNLOCKED]! >= level)) w = node[w * STRIDE + NEXT]!;
    return w;
  };
  for (let src = 0; src < n; src++) {
    const c = cv[src]!;
    if (c <= 0) continue;
    const from = node[src * STRIDE + DEPTH]!;
    let up = node[src * STRIDE + NEXT]!;
    for (let level = 1; level <= L && up >= 0; level++) {
      const at = up * STRIDE, bp = levelsBp[level - 1]!;
      if (bp > 0 && (dynamic || node[at + ELIGIBLE] === 1)) {
        if (node[at + UNLOCKED]! >= level) emit(up, BONUS.unilevel, lineAmount(c, mupp, bp), src, level, bp, from - node[at + DEPTH]! - level);
        else if (rollUp) {
          const w = rollTarget(up, level);
          if (w >= 0) emit(w, BONUS.unilevel, lineAmount(c, mupp, bp), src, level, bp, up, FLAG_ROLLED_UP);
        }
      }
      up = node[at + NEXT]!;
    }
  }
}
