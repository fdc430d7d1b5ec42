import { describe, expect, it } from "vitest";
import { run } from "./network";

/** The two worked examples of GLOSSARY.md, exactly as written there. */
describe("GLOSSARY worked examples", () => {
  it("unilevel with dynamic compression: A 25.50, B 30.00, C 0, D 10.00, E 0 — 65.50 in all", () => {
    // A sponsored B, B sponsored C, C sponsored D, D sponsored E. C is inactive; everyone else is
    // active and unlocks 3 levels. Level 1 = 10 %, level 2 = 5 %, level 3 = 5 %.
    const { lines, paid, result } = run(
      [
        { code: "A", cv: 0 },
        { code: "B", sponsor: "A", cv: 80 },
        { code: "C", sponsor: "B", cv: 50, status: "inactive" },
        { code: "D", sponsor: "C", cv: 200 },
        { code: "E", sponsor: "D", cv: 100 },
      ],
      { bonuses: { unilevel: { levelsBp: [1000, 500, 500], levelsWithoutRank: 3 } } },
    );
    expect(lines).toEqual([
      "A unilevel L1 8.00 from B", // B's 80: A (level 1)
      "B unilevel L1 5.00 from C", // C's 50: B (level 1) 5.00; A (level 2) 2.50
      "A unilevel L2 2.50 from C",
      "B unilevel L1 20.00 from D", // D's 200: C skipped; B (level 1) 20.00; A (level 2) 10.00
      "A unilevel L2 10.00 from D",
      "D unilevel L1 10.00 from E", // E's 100: D 10.00; C skipped; B (level 2) 5.00; A (level 3) 5.00
      "B unilevel L2 5.00 from E",
      "A unilevel L3 5.00 from E",
    ]);
    expect(paid).toEqual({ A: "25.50", B: "30.00", C: "0.00", D: "10.00", E: "0.00" });
    expect(result.totals.paid).toBe(6550n);
  });

  it("binary: pairs 700, pays 70.00, carries 400 left and 0 right", () => {
    // X active; left subtree CV 1,000 with 200 carried in; right subtree CV 700; 10 %, 1:1, cap 400.
    const { lines, result, at } = run(
      [
        { code: "X", carryLeft: 200 },
        { code: "L", sponsor: "X", placement: "X", leg: "L", cv: 1000 },
        { code: "R", sponsor: "X", placement: "X", leg: "R", cv: 700 },
      ],
      { bonuses: { binary: { pctBp: 1000, pairing: "1:1", carryCap: 40000 } } },
    );
    expect(lines).toEqual(["X binary L0 70.00 from X"]);
    // min(1,200 − 700, 400) = 400 left; 0 right.
    expect(result.binary!.carryOutLeft[at("X")]).toBe(40000);
    expect(result.binary!.carryOutRight[at("X")]).toBe(0);
    expect(result.totals.paid).toBe(7000n);
  });
});
