import type { CompiledPlan } from "./compile";
import { STATUS_ACTIVE, type Snapshot } from "./snapshot";
import type { SponsorTree } from "./trees";

export type RankResult = {
  /** Status active and PV ≥ the plan's activity threshold. */
  active: Uint8Array;
  /** PV plus the PV of the whole sponsor downline (hundredths). */
  gv: Float64Array;
  achieved: Int8Array;
  paidAs: Int8Array;
  highest: Int8Array;
  /** Consecutive periods, this one included, that paid-as has been kept above achieved by grace. */
  graceUsed: Uint8Array;
  /** Like Snapshot.qualifiedStreak, this period included (feed it to the next period); null when no rank needs months. */
  qualifiedStreak: Uint8Array | null;
};

/**
 * Activity, group volume and ranks in one children-first pass over the sponsor tree: when a
 * consultant is reached, every consultant below has its GV and rank, so requirements that look at
 * the legs (GV with a cap per leg, legs holding a rank, active frontline) read the children
 * directly. A consultant whose status is not active achieves no rank (and keeps none by grace).
 */
export function computeRanks(s: Snapshot, plan: CompiledPlan, tree: SponsorTree): RankResult {
  const n = s.count, R = plan.ranks.length, ranks = plan.ranks;
  const { order, childStart, children } = tree;
  const active = new Uint8Array(n);
  for (let i = 0; i < n; i++) active[i] = s.status[i] === STATUS_ACTIVE && s.pv[i]! >= plan.minPv ? 1 : 0;
  const gv = Float64Array.from(s.pv);
  const achieved = new Int8Array(n).fill(-1), paidAs = new Int8Array(n), highest = new Int8Array(n), graceUsed = new Uint8Array(n);
  const streakOut = plan.tracksStreaks ? new Uint8Array(n * R) : null;
  // Best rank (by the plan's leg-rank basis) anywhere in each consultant's subtree, for "legs holding rank X".
  const needsLegRanks = ranks.some((r) => r.legsWithRank.length > 0);
  const best = needsLegRanks ? new Int8Array(n).fill(-1) : null;
  const needsFrontline = ranks.some((r) => r.activeFrontline > 0);
  const basis = plan.legRankBasis === "achieved" ? achieved : plan.legRankBasis === "paidAs" ? paidAs : highest;

  const pv = s.pv, status = s.status;
  const qualifies = (v: number, r: number, frontline: number): boolean => {
    const q = ranks[r]!;
    if (pv[v]! < q.pv || gv[v]! < q.gv || frontline < q.activeFrontline) return false;
    const from = childStart[v]!, to = childStart[v + 1]!;
    if (q.gvMaxLeg) {
      const { gv: need, cap } = q.gvMaxLeg;
      if (gv[v]! < need) return false; // capping legs only lowers it
      let counted = pv[v]!;
      for (let e = from; e < to && counted < need; e++) counted += Math.min(gv[children[e]!]!, cap);
      if (counted < need) return false;
    }
    for (let k = 0; k < q.legsWithRank.length; k++) {
      const need = q.legsWithRank[k]!;
      let legs = 0;
      for (let e = from; e < to && legs < need.legs; e++) if (best![children[e]!]! >= need.rank) legs++;
      if (legs < need.legs) return false;
    }
    return true;
  };

  for (let k = n - 1; k >= 0; k--) {
    const v = order[k]!;
    let got = -1;
    if (status[v] === STATUS_ACTIVE && R > 0) {
      let frontline = 0;
      if (needsFrontline) for (let e = childStart[v]!; e < childStart[v + 1]!; e++) frontline += active[children[e]!]!;
      if (streakOut) {
        const prev = s.qualifiedStreak;
        for (let r = 0; r < R; r++) {
          const streak = qualifies(v, r, frontline) ? Math.min(255, (prev ? prev[v * R + r]! : 0) + 1) : 0;
          streakOut[v * R + r] = streak;
          if (streak > 0 && streak >= ranks[r]!.monthsQualified) got = r;
        }
      } else {
        for (let r = R - 1; r >= 0 && got < 0; r--) if (qualifies(v, r, frontline)) got = r;
      }
    }
    achieved[v] = got;
    const before = s.previousPaidAs ? s.previousPaidAs[v]! : -1, used = s.graceUsed ? s.graceUsed[v]! : 0;
    if (plan.graceMonths > 0 && status[v] === STATUS_ACTIVE && got < before && used < plan.graceMonths) {
      paidAs[v] = before;
      graceUsed[v] = used + 1;
    } else paidAs[v] = got;
    highest[v] = Math.max(s.highest ? s.highest[v]! : -1, got);
    const p = s.sponsor[v]!;
    if (best) best[v] = Math.max(best[v]!, basis[v]!);
    if (p >= 0) {
      gv[p]! += gv[v]!;
      if (best && best[v]! > best[p]!) best[p] = best[v]!;
    }
  }
  return { active, gv, achieved, paidAs, highest, graceUsed, qualifiedStreak: streakOut };
}
