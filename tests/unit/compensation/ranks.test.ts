import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runEngine } from "@/server/compensation/engine";
import { network, plan, type Person } from "./network";

/**
 * docs/plans/ranks.json: consultora PV ≥ 50; lider PV ≥ 50 and GV ≥ 1,000 counting at most 500
 * (50 %) per sponsor leg; executiva PV ≥ 50, 2 active frontline, 2 legs holding lider (achieved),
 * qualified 2 consecutive months; one month of grace.
 */
const ranksPlan = plan(JSON.parse(fs.readFileSync(path.join(process.cwd(), "docs/plans/ranks.json"), "utf8")));
const NONE = -1, CONSULTORA = 0, LIDER = 1, EXECUTIVA = 2;

const people: Person[] = [
  // X: GV 1,400, but A's leg counts 500 of its 800: 100 + 500 + 300 + 200 = 1,100 → lider.
  { code: "Z", pv: 100 },
  { code: "X", sponsor: "Z", pv: 100 },
  { code: "A", sponsor: "X", pv: 100 }, // GV 800, counted 100 + 500 = 600 → consultora
  { code: "a1", sponsor: "A", pv: 700 },
  { code: "B", sponsor: "X", pv: 300 },
  { code: "C", sponsor: "X", pv: 200 },
  // Y: GV 1,300 but counted 100 + 500 = 600 → consultora. D: own PV 1,200 counts in full → lider.
  { code: "Y", sponsor: "Z", pv: 100 },
  { code: "D", sponsor: "Y", pv: 1200 },
  // W: two legs holding lider (E, F), qualified for executiva this month only → lider.
  { code: "W", pv: 100 },
  { code: "E", sponsor: "W", pv: 1200 },
  { code: "F", sponsor: "W", pv: 1000 },
  // G and H were paid as executiva last period and now only reach consultora; I is inactive (status).
  { code: "G", pv: 60 },
  { code: "H", pv: 60 },
  { code: "I", pv: 60, status: "inactive" },
];

describe("ranks (docs/plans/ranks.json)", () => {
  const net = network(people);
  const n = people.length, at = net.at;
  const streak = new Uint8Array(n * 3), previousPaidAs = new Int8Array(n).fill(-1), graceUsed = new Uint8Array(n), highest = new Int8Array(n).fill(-1);
  streak.set([1, 1, 1], at("Z") * 3); // Z met executiva's other requirements last period too
  for (const code of ["G", "H", "I"]) (previousPaidAs[at(code)] = EXECUTIVA), (highest[at(code)] = EXECUTIVA);
  graceUsed[at("H")] = 1; // H has used the one month of grace already
  const result = runEngine({ ...net.snapshot, qualifiedStreak: streak, previousPaidAs, graceUsed, highest }, ranksPlan);
  const r = result.ranks;
  const of = (code: string) => [r.achieved[at(code)], r.paidAs[at(code)], r.highest[at(code)]];

  it("counts GV with a cap per leg, own PV in full", () => {
    expect(r.gv[at("X")]).toBe(140000);
    expect(of("X")).toEqual([LIDER, LIDER, LIDER]);
    expect(of("A")).toEqual([CONSULTORA, CONSULTORA, CONSULTORA]);
    expect(r.gv[at("Y")]).toBe(130000);
    expect(of("Y")).toEqual([CONSULTORA, CONSULTORA, CONSULTORA]);
    expect(of("D")).toEqual([LIDER, LIDER, LIDER]);
  });

  it("needs legs holding a rank and consecutive months qualified", () => {
    // Z: legs X (lider) and Y (D is lider below Y), both active frontline, second month → executiva.
    expect(of("Z")).toEqual([EXECUTIVA, EXECUTIVA, EXECUTIVA]);
    expect(Array.from(r.qualifiedStreak!.subarray(at("Z") * 3, at("Z") * 3 + 3))).toEqual([2, 2, 2]);
    // W: same legs, first month → lider now, streak 1 for executiva.
    expect(of("W")).toEqual([LIDER, LIDER, LIDER]);
    expect(Array.from(r.qualifiedStreak!.subarray(at("W") * 3, at("W") * 3 + 3))).toEqual([1, 1, 1]);
    // X has three active frontline but no leg holding lider: not qualified for executiva.
    expect(Array.from(r.qualifiedStreak!.subarray(at("X") * 3, at("X") * 3 + 3))).toEqual([1, 1, 0]);
  });

  it("keeps the paid-as rank through the grace period, then drops to the achieved one", () => {
    expect(of("G")).toEqual([CONSULTORA, EXECUTIVA, EXECUTIVA]);
    expect(r.graceUsed[at("G")]).toBe(1);
    expect(of("H")).toEqual([CONSULTORA, CONSULTORA, EXECUTIVA]);
    expect(r.graceUsed[at("H")]).toBe(0);
    expect(of("I")).toEqual([NONE, NONE, EXECUTIVA]); // status inactive: no rank, no grace
  });

  it("pays unilevel by paid-as rank: G, kept executiva by grace, unlocks lider's 2 levels", () => {
    // executiva is not listed in levelsByRank: it unlocks what lider (the nearest listed below) does.
    expect(result.plan.unilevel!.unlocked[EXECUTIVA + 1]).toBe(2);
    expect(result.plan.unilevel!.unlocked[NONE + 1]).toBe(0);
  });
});
