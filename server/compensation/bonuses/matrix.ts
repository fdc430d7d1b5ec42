import { lineAmount } from "../rounding";
import { BONUS } from "../lines";
import { placementDepth } from "../trees";
import { nearestAbove, type BonusContext } from "./context";

/**
 * Matrix (width × depth over the placement tree; default: no compression). For each source S with
 * CV > 0, S's k-th placement ancestor (k = 1..levels) is paid CV × levelsBp[k] if eligible
 * (active, paid-as ≥ `minRank`); an ineligible position uses up its level. With compression
 * "dynamic", ineligible ancestors are skipped instead and do not use up a level. The matrix's
 * shape (forced width, spillover) is the placement's business; the width is checked on the
 * snapshot's slots.
 */
export function payMatrix({ snapshot: s, plan, ranks, emit }: BonusContext, order: Int32Array | null) {
  const m = plan.matrix!, mupp = plan.minorUnitsPerPoint, parent = s.placementParent;
  const { active, paidAs } = ranks;
  const eligible = (v: number) => active[v] === 1 && paidAs[v]! >= m.minRank;
  const next = m.dynamic ? nearestAbove(parent, order, eligible) : parent;
  const depth = m.dynamic ? placementDepth(parent, order) : null;
  const D = m.levelsBp.length;
  for (let src = 0; src < s.count; src++) {
    const c = s.cv[src]!;
    if (c <= 0) continue;
    let up = next[src]!;
    for (let level = 1; level <= D && up >= 0; level++, up = next[up]!) {
      const bp = m.levelsBp[level - 1]!;
      if (bp === 0 || !eligible(up)) continue;
      emit(up, BONUS.matrix, lineAmount(c, mupp, bp), src, level, bp, depth ? depth[src]! - depth[up]! - level : 0);
    }
  }
}
