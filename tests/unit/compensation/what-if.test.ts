import { describe, expect, it } from "vitest";
import { runEngine } from "@/server/compensation/engine";
import { bonusRows, compareResults, comparisonPage, halfEvenRatioBp } from "@/server/compensation/what-if";
import { basePlan, network, plan } from "./network";

/*
 * A tiny network, hand-checked. Sponsor tree: A → B → C, A → D → E. PV = CV (points):
 * A 60, B 100, C 20, D 50, E 50. Activity: PV ≥ 50, so C is inactive; everyone else is active.
 *
 * BASE plan: consultora = PV 50; lider = PV 50 + 2 active frontline. Unilevel 10 % / 5 %,
 * consultora unlocks 1 level, lider 2; dynamic compression. 1.00 CV = 1.00 BRL (100 minor/point).
 *   ranks: A lider (B, D active), B consultora (C inactive), D consultora (only E), E consultora.
 *   B's 100 → A L1 10 % = 10.00;  C's 20 → B L1 10 % = 2.00, A L2 5 % = 1.00;
 *   D's 50 → A L1 10 % = 5.00;    E's 50 → D L1 10 % = 5.00, A L2 5 % = 2.50.
 *   paid: A 18.50, B 2.00, D 5.00 = 25.50 total; CV 280.00 → payout 2550/28000 = 9.107 % → 911 bp.
 *
 * CANDIDATE: level 1 at 12 % and lider needs only 1 active frontline, so D (E active) becomes lider.
 *   B's 100 → A 12.00;  C's 20 → B 2.40, A 1.00;  D's 50 → A 6.00;  E's 50 → D 6.00, A 2.50.
 *   paid: A 21.50, B 2.40, D 6.00 = 29.90 total → 2990/28000 = 10.679 % → 1068 bp.
 *   delta: +4.40 total, +157 bp; A +3.00, D +1.00, B +0.40 (3 gainers, no losers).
 *   ranks achieved: consultora 3 → 2 (B, E), lider 1 → 2 (A, D).
 */
const people = [
  { code: "A", pv: 60, cv: 60 },
  { code: "B", sponsor: "A", pv: 100, cv: 100 },
  { code: "C", sponsor: "B", pv: 20, cv: 20 },
  { code: "D", sponsor: "A", pv: 50, cv: 50 },
  { code: "E", sponsor: "D", pv: 50, cv: 50 },
];
const ladder = (frontline: number) => [
  { code: "consultora", name: "Consultora", requirements: { pv: 5000 } },
  { code: "lider", name: "Líder", requirements: { pv: 5000, activeFrontline: frontline } },
];
const basePlanInput = { ...basePlan, activity: { minPv: 5000 }, ranks: { ladder: ladder(2) }, bonuses: { unilevel: { levelsBp: [1000, 500], levelsByRank: { consultora: 1, lider: 2 } } } };
const candidateInput = { ...basePlan, activity: { minPv: 5000 }, ranks: { ladder: ladder(1) }, bonuses: { unilevel: { levelsBp: [1200, 500], levelsByRank: { consultora: 1, lider: 2 } } } };

describe("what-if comparison", () => {
  const { snapshot, codes } = network(people);
  const base = runEngine(snapshot, plan(basePlanInput));
  const candidate = runEngine(snapshot, plan(candidateInput));
  const cmp = compareResults(base, candidate);

  it("totals, payout % of CV and the difference", () => {
    expect(cmp.base.paid).toBe(2550n);
    expect(cmp.candidate.paid).toBe(2990n);
    expect(cmp.base.cv).toBe(28000n);
    expect(cmp.base.payoutBp).toBe(911);
    expect(cmp.candidate.payoutBp).toBe(1068);
    expect(cmp.delta).toEqual({ paid: 440n, payoutBp: 157 });
    expect([cmp.changed, cmp.gainers, cmp.losers]).toEqual([3, 3, 0]);
    expect(bonusRows(cmp)).toEqual([{ bonus: "unilevel", base: 2550n, candidate: 2990n, delta: 440n }]);
  });

  it("per rank: how many achieve and are paid as each rank under each plan", () => {
    expect(cmp.byRank).toEqual([
      { code: "consultora", achieved: { base: 3, candidate: 2 }, paidAs: { base: 3, candidate: 2 } },
      { code: "lider", achieved: { base: 1, candidate: 2 }, paidAs: { base: 1, candidate: 2 } },
    ]);
  });

  it("per consultant, sorted and paged, ties by position", () => {
    const page = comparisonPage(cmp, { sort: "delta", dir: "desc", page: 1, pageSize: 4 });
    expect(page.total).toBe(5);
    expect(page.rows.map((r) => [codes[r.index], r.base, r.candidate, r.delta, r.basePaidAs, r.candidatePaidAs])).toEqual([
      ["A", 1850, 2150, 300, "lider", "lider"],
      ["D", 500, 600, 100, "consultora", "lider"],
      ["B", 200, 240, 40, "consultora", "consultora"],
      ["C", 0, 0, 0, null, null],
    ]);
    expect(comparisonPage(cmp, { sort: "delta", dir: "desc", page: 2, pageSize: 4 }).rows.map((r) => codes[r.index])).toEqual(["E"]);
    expect(comparisonPage(cmp, { sort: "delta", dir: "asc", page: 1, pageSize: 10, changedOnly: true }).rows.map((r) => codes[r.index])).toEqual(["B", "D", "A"]);
    expect(comparisonPage(cmp, { sort: "candidate", dir: "desc", page: 1, pageSize: 10, only: [1, 3] }).rows.map((r) => codes[r.index])).toEqual(["D", "B"]);
  });

  it("ladders that differ are compared by code; a rank on one ladder only counts null on the other", () => {
    const extra = { ...candidateInput, ranks: { ladder: [...ladder(1), { code: "executiva", name: "Executiva", requirements: { pv: 5000, activeFrontline: 2 } }] } };
    const c2 = compareResults(base, runEngine(snapshot, plan(extra)));
    expect(c2.byRank.find((r) => r.code === "executiva")).toEqual({ code: "executiva", achieved: { base: null, candidate: 1 }, paidAs: { base: null, candidate: 1 } });
  });

  it("refuses results of different networks", () => {
    const other = runEngine(network(people.slice(0, 3)).snapshot, plan(basePlanInput));
    expect(() => compareResults(base, other)).toThrow(/3/);
  });

  it("rounds the payout ratio half to even", () => {
    expect(halfEvenRatioBp(1n, 8n)).toBe(1250);
    expect(halfEvenRatioBp(1n, 20000n)).toBe(0); // 0.5 bp → 0 (even)
    expect(halfEvenRatioBp(3n, 20000n)).toBe(2); // 1.5 bp → 2 (even)
  });
});
