import type { PlanInput } from "../plan";

/**
 * The demo company's plan (seeded as version 1, active): four ranks, unilevel five levels with
 * dynamic compression, binary 10 % with carry capped, and a fast-start bonus. Version 2, a draft,
 * raises the first unilevel level to 12 % — something to compare in the what-if.
 */
export function demoPlan(currency: string): PlanInput {
  return {
    format: "rede.plan/1",
    name: "Plano Rede",
    version: 1,
    currency,
    minorUnitsPerPoint: 100,
    activity: { minPv: 5000 },
    ranks: {
      ladder: [
        { code: "consultora", name: { "pt-BR": "Consultora", es: "Consultora", en: "Consultant" }, requirements: { pv: 5000 } },
        { code: "lider", name: { "pt-BR": "Líder", es: "Líder", en: "Leader" }, requirements: { pv: 5000, activeFrontline: 2, gv: 50000 } },
        {
          code: "executiva",
          name: { "pt-BR": "Executiva", es: "Ejecutiva", en: "Executive" },
          requirements: { pv: 5000, activeFrontline: 3, gvMaxLeg: { gv: 200000, maxLegShareBp: 6000 } },
        },
        {
          code: "diamante",
          name: { "pt-BR": "Diamante", es: "Diamante", en: "Diamond" },
          requirements: { pv: 10000, gvMaxLeg: { gv: 1000000, maxLegShareBp: 5000 }, legsWithRank: [{ rank: "lider", legs: 3 }] },
        },
      ],
      legRankBasis: "achieved",
      maintenance: { graceMonths: 1 },
    },
    bonuses: {
      unilevel: {
        levelsBp: [1000, 500, 400, 300, 200],
        levelsByRank: { consultora: 2, lider: 3, executiva: 4, diamante: 5 },
        levelsWithoutRank: 0,
        compression: "dynamic",
        compressBelowRank: null,
        rollUp: false,
      },
      binary: { pctBp: 1000, pairing: "1:1", carryCap: 500000, payoutCap: 500000, inactiveCarry: "keep", minRank: "lider" },
      fastStart: { levelsBp: [2000], requireActive: true },
    },
    payout: { minimum: 0 },
  };
}
