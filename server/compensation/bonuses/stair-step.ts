import { lineAmount } from "../rounding";
import { BONUS } from "../lines";
import { nearestAbove, type BonusContext } from "./context";
import { headsAtOrAbove, payGenerationsAbove } from "./generations";

/**
 * Stair-step breakaway. Each paid-as rank has a stair-step percentage, rising up to the breakaway
 * rank's (the highest; the plan schema enforces it). A volume of CV c from source S climbs the
 * sponsor tree through active consultants (inactive ones are skipped) starting at S itself
 * (`includeOwnVolume`) and pays each one whose percentage p is above what has been paid on it so
 * far: c × (p − paid), then paid = p. It stops at the first consultant at breakaway rank — the
 * head of a breakaway group, who has taken the rest of the differential — and the heads above
 * that one are paid generation overrides (generations.ts). A line's level is the payer's order on
 * the volume's way up (1 = first paid).
 *
 * Cost: `higher[v]` points at the nearest active upline with a higher percentage than v's, built
 * parents-first by jumping along the same pointers, so a climb costs one step per payer
 * (at most one per distinct percentage) and the build O(n × ranks).
 */
export function payStairStep(ctx: BonusContext) {
  const { snapshot: s, plan, tree, ranks, emit } = ctx;
  const st = plan.stairStep!, mupp = plan.minorUnitsPerPoint, sponsor = s.sponsor;
  const { active, paidAs } = ranks, table = st.pct;
  const pct = (v: number) => table[paidAs[v]! + 1]!;
  const nextActive = nearestAbove(sponsor, tree.order, (v) => active[v] === 1);
  const higher = new Int32Array(s.count);
  for (let k = 0; k < tree.order.length; k++) {
    const v = tree.order[k]!, floor = active[v] ? pct(v) : 0;
    let p = sponsor[v]!;
    while (p >= 0) {
      if (!active[p]) p = nextActive[p]!;
      else if (pct(p) > floor) break;
      else p = higher[p]!; // everyone between p and higher[p] pays at most pct(p) ≤ floor
    }
    higher[v] = p;
  }
  const isHead = (v: number) => active[v] === 1 && paidAs[v]! >= st.breakawayRank;
  const heads = headsAtOrAbove(sponsor, tree.order, isHead);

  for (let src = 0; src < s.count; src++) {
    const c = s.cv[src]!;
    if (c <= 0) continue;
    let owner = -1;
    if (st.includeOwnVolume || !isHead(src)) {
      let u = st.includeOwnVolume ? src : nextActive[src]!;
      if (u >= 0 && !(active[u] && pct(u) > 0)) u = higher[u]!;
      for (let paid = 0, step = 1; u >= 0; step++, u = higher[u]!) {
        const p = pct(u);
        emit(u, BONUS.stair_step, lineAmount(c, mupp, p - paid), src, step, p - paid, paid);
        paid = p;
        if (paidAs[u]! >= st.breakawayRank) {
          owner = u;
          break;
        }
      }
    } else owner = src; // a head's own volume is in their group even when they are not paid on it
    if (owner >= 0) payGenerationsAbove(ctx, heads, owner, src, c, st.generationsBp, st.unlocked, BONUS.breakaway_override);
  }
}
