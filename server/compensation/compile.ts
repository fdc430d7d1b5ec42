import { stairPercentages, unlockedBy, type Plan } from "./plan";

/**
 * The plan turned into what the engine's loops read: rank codes become indexes (0 = the ladder's
 * first rank, -1 = no rank) and every per-rank table is an array indexed by `rank + 1`, so that
 * "no rank" is slot 0 and no loop looks anything up by name.
 */

export type CompiledRank = {
  pv: number;
  gv: number;
  gvMaxLeg: { gv: number; cap: number } | null; // cap: the most one leg counts (hundredths)
  activeFrontline: number;
  legsWithRank: { rank: number; legs: number }[];
  monthsQualified: number; // 1 when not required
};

export type CompiledPlan = {
  plan: Plan;
  rankCodes: string[];
  ranks: CompiledRank[];
  minPv: number;
  minorUnitsPerPoint: number;
  legRankBasis: "achieved" | "paidAs" | "highest";
  graceMonths: number;
  /** Whether any rank asks for months qualified: only then are qualification streaks kept. */
  tracksStreaks: boolean;
  unilevel: { levelsBp: number[]; unlocked: Uint8Array; dynamic: boolean; minRank: number; rollUp: boolean } | null;
  binary: { pctBp: number; twoToOne: boolean; carryCap: number; payoutCap: number; inactiveCarry: "keep" | "accumulate" | "flush"; minRank: number } | null;
  matrix: { width: number; levelsBp: number[]; dynamic: boolean; minRank: number } | null;
  stairStep: { pct: Int32Array; breakawayRank: number; includeOwnVolume: boolean; generationsBp: number[]; unlocked: Uint8Array } | null;
  generation: { rank: number; generationsBp: number[]; unlocked: Uint8Array } | null;
  fastStart: { levelsBp: number[]; requireActive: boolean } | null;
  minimumPayout: number;
};

/** Rank index of a code (validated by the schema), or -1 for null. */
const indexer = (codes: string[]) => (code: string | null) => (code === null ? -1 : codes.indexOf(code));

/** Per-rank table with slot 0 for "no rank". */
function byRank(values: number[], none: number) {
  return Uint8Array.from([none, ...values]);
}

export function compilePlan(plan: Plan): CompiledPlan {
  const codes = plan.ranks.ladder.map((r) => r.code);
  const rankIndex = indexer(codes);
  const ranks: CompiledRank[] = plan.ranks.ladder.map(({ requirements: q }) => ({
    pv: q.pv ?? 0,
    gv: q.gv ?? 0,
    // The cap is a share of the requirement, in whole hundredths (rounded down: never counts more than the share).
    gvMaxLeg: q.gvMaxLeg ? { gv: q.gvMaxLeg.gv, cap: Math.floor((q.gvMaxLeg.gv * q.gvMaxLeg.maxLegShareBp) / 10_000) } : null,
    activeFrontline: q.activeFrontline ?? 0,
    legsWithRank: (q.legsWithRank ?? []).map((l) => ({ rank: rankIndex(l.rank), legs: l.legs })),
    monthsQualified: q.monthsQualified ?? 1,
  }));
  const { unilevel: u, binary: b, matrix: m, stairStep: s, generation: g, fastStart: f } = plan.bonuses;
  return {
    plan,
    rankCodes: codes,
    ranks,
    minPv: plan.activity.minPv,
    minorUnitsPerPoint: plan.minorUnitsPerPoint,
    legRankBasis: plan.ranks.legRankBasis,
    graceMonths: plan.ranks.maintenance.graceMonths,
    tracksStreaks: ranks.some((r) => r.monthsQualified > 1),
    unilevel: u
      ? {
          levelsBp: u.levelsBp,
          unlocked: byRank(unlockedBy(codes, u.levelsByRank, u.levelsWithoutRank), u.levelsWithoutRank),
          dynamic: u.compression === "dynamic",
          minRank: rankIndex(u.compressBelowRank),
          rollUp: u.rollUp,
        }
      : null,
    binary: b
      ? {
          pctBp: b.pctBp,
          twoToOne: b.pairing === "2:1",
          carryCap: b.carryCap ?? Infinity,
          payoutCap: b.payoutCap ?? Infinity,
          inactiveCarry: b.inactiveCarry,
          minRank: rankIndex(b.minRank),
        }
      : null,
    matrix: m ? { width: m.width, levelsBp: m.levelsBp, dynamic: m.compression === "dynamic", minRank: rankIndex(m.minRank) } : null,
    stairStep: s
      ? {
          pct: Int32Array.from([0, ...stairPercentages(codes, s.pctByRank)]),
          breakawayRank: rankIndex(s.breakawayRank),
          includeOwnVolume: s.includeOwnVolume,
          generationsBp: s.generationsBp,
          unlocked: byRank(unlockedBy(codes, s.generationsByRank, s.generationsBp.length), s.generationsBp.length),
        }
      : null,
    generation: g
      ? { rank: rankIndex(g.rank), generationsBp: g.generationsBp, unlocked: byRank(unlockedBy(codes, g.generationsByRank, g.generationsBp.length), g.generationsBp.length) }
      : null,
    fastStart: f ? { levelsBp: f.levelsBp, requireActive: f.requireActive } : null,
    minimumPayout: plan.payout.minimum,
  };
}
