import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runEngine } from "@/server/compensation/engine";
import { lineTrace } from "@/server/compensation/trace";
import { describe as describeLines, network, paidBy, plan, PERIOD, type Person } from "./network";

/**
 * One hand-checked example per bonus type, on the example plans of docs/plans/ (the same numbers
 * as the worked examples in docs/plans.md). Volumes in points, amounts in reais.
 */
const docsPlan = (name: string) => plan(JSON.parse(fs.readFileSync(path.join(process.cwd(), "docs/plans", `${name}.json`), "utf8")));
const runDocs = (name: string, people: Person[], override?: (p: ReturnType<typeof docsPlan>) => void) => {
  const net = network(people);
  const p = docsPlan(name);
  override?.(p);
  const result = runEngine(net.snapshot, p);
  return { ...net, result, lines: describeLines(result, net.codes), paid: paidBy(result, net.codes) };
};

describe("unilevel (docs/plans/unilevel.json)", () => {
  // Active = PV ≥ 50. consultora (PV ≥ 50) unlocks 2 levels, lider (+ 2 active frontline) 3.
  // Levels 10 %, 5 %, 3 %. Sponsor chain A → B → C → D → E → G, and F under A.
  // C has PV 10: inactive, no rank. A's frontline B and F are active: A is lider (3 levels);
  // B's only frontline C is inactive: B is consultora (2 levels); D, E, F, G consultora.
  const people: Person[] = [
    { code: "A", pv: 100, cv: 100 },
    { code: "B", sponsor: "A", pv: 60, cv: 60 },
    { code: "C", sponsor: "B", pv: 10, cv: 10 },
    { code: "D", sponsor: "C", pv: 80, cv: 80 },
    { code: "E", sponsor: "D", pv: 50, cv: 200 },
    { code: "F", sponsor: "A", pv: 70, cv: 70 },
    { code: "G", sponsor: "E", pv: 50, cv: 100 },
  ];
  it("pays compressed levels up to what each rank unlocks", () => {
    const { lines, paid, result } = runDocs("unilevel", people);
    expect(lines).toEqual([
      "A unilevel L1 6.00 from B", // B's 60 × 10 %
      "B unilevel L1 1.00 from C", // C's 10: B 10 % = 1.00, A 5 % = 0.50 (C's own status does not matter)
      "A unilevel L2 0.50 from C",
      "B unilevel L1 8.00 from D", // D's 80: C skipped; B level 1 8.00; A level 2 4.00
      "A unilevel L2 4.00 from D",
      "D unilevel L1 20.00 from E", // E's 200: D 20.00; C skipped; B level 2 10.00; A level 3 (3 %) 6.00
      "B unilevel L2 10.00 from E",
      "A unilevel L3 6.00 from E",
      "A unilevel L1 7.00 from F", // F's 70 × 10 %
      "E unilevel L1 10.00 from G", // G's 100: E 10.00; D 5.00; C skipped; B level 3 not unlocked (2): unpaid; stop
      "D unilevel L2 5.00 from G",
    ]);
    expect(paid).toEqual({ A: "23.50", B: "19.00", C: "0.00", D: "25.00", E: "10.00", F: "0.00", G: "0.00" });
    expect(result.totals.paid).toBe(7750n);
    expect(result.ranks.achieved[0]).toBe(1); // A lider
    expect(result.ranks.achieved[1]).toBe(0); // B consultora
    expect(result.ranks.achieved[2]).toBe(-1); // C none
    // D's line from G: G → E → D, nothing skipped. B's line from E: C was skipped (compressed 1).
    const fromG = lineTrace(result, network(people).snapshot, 10);
    expect(fromG).toMatchObject({ rule: "unilevel.level", level: 2, compressedCount: 0, distance: 2, base: 10000, pctBp: 500, roundingRemainder: "0" });
    const bFromE = lineTrace(result, network(people).snapshot, 6);
    expect(bFromE).toMatchObject({ consultant: 1, level: 2, compressedCount: 1, distance: 3 });
  });

  it("rollUp sends a level the rank does not unlock to the next upline who unlocks it", () => {
    // Same network with roll-up: G's level 3 (3 % of 100 = 3.00) is not unlocked by B, and goes
    // to A, the next active upline, who unlocks 3 levels.
    const { lines } = runDocs("unilevel", people, (p) => (p.bonuses.unilevel!.rollUp = true));
    expect(lines.slice(-3)).toEqual(["E unilevel L1 10.00 from G", "D unilevel L2 5.00 from G", "A unilevel L3 3.00 from G"]);
  });

  it("compression none: an inactive upline uses up its level", () => {
    // E's 200 with compression none: D level 1 20.00; C level 2 inactive, unpaid; B level 3 not unlocked.
    const { lines } = runDocs("unilevel", people, (p) => (p.bonuses.unilevel!.compression = "none"));
    expect(lines.filter((l) => l.endsWith("from E"))).toEqual(["D unilevel L1 20.00 from E"]);
  });
});

describe("binary (docs/plans/binary.json)", () => {
  // 10 % of the weaker leg, 1:1, carry cap 400 points, payout cap R$ 100,00, inactive keeps carry.
  // Placement: L and R under X; LL under L's left. X carries 200 in on the left; L carries 1,500
  // in on the right; R (PV 0, inactive) carries 300 in on the left.
  const people: Person[] = [
    { code: "X", pv: 100, cv: 100, carryLeft: 200 },
    { code: "L", sponsor: "X", placement: "X", leg: "L", pv: 60, cv: 600, carryRight: 1500 },
    { code: "R", sponsor: "X", placement: "X", leg: "R", pv: 0, cv: 700, carryLeft: 300 },
    { code: "LL", sponsor: "L", placement: "L", leg: "L", pv: 50, cv: 1200 },
  ];
  it("pairs, caps the payout but not the carry, and leaves an inactive consultant's carry alone", () => {
    const { lines, paid, result, at } = runDocs("binary", people);
    // X: left 600 + 1,200 + 200 = 2,000, right 700 → pairs 700 → 70.00; carry left min(1,300, 400) = 400, right 0.
    // L: left 1,200, right 0 + 1,500 → pairs 1,200 → 120.00, cut to 100.00; carry left 0, right min(300, 400) = 300.
    // R: inactive: paid nothing, carry-out = carry-in (300, 0). LL: no legs.
    expect(lines).toEqual(["X binary L0 70.00 from X", "L binary L0 100.00 from L"]);
    expect(paid).toMatchObject({ X: "70.00", L: "100.00", R: "0.00" });
    const b = result.binary!;
    expect([b.carryOutLeft[at("X")], b.carryOutRight[at("X")]]).toEqual([40000, 0]);
    expect([b.carryOutLeft[at("L")], b.carryOutRight[at("L")]]).toEqual([0, 30000]);
    expect([b.carryOutLeft[at("R")], b.carryOutRight[at("R")]]).toEqual([30000, 0]);
    expect(lineTrace(result, network(people).snapshot, 1)).toMatchObject({ base: 120000, uncappedAmount: 12000, amount: 10000 });
  });

  it("2:1 pairing: the stronger leg must hold twice the weaker's counted volume", () => {
    // X: left 2,000, right 700: w = min(700, 2,000 / 2) = 700 → 70.00; left uses 1,400 (carry min(600, 400) = 400), right 700.
    // L: left 1,200, right 1,500 (stronger): w = min(1,200, 750) = 750 → 75.00; right uses 1,500, left 750: carry 450 → 400 and 0.
    const { lines, result, at } = runDocs("binary", people, (p) => (p.bonuses.binary!.pairing = "2:1"));
    expect(lines).toEqual(["X binary L0 70.00 from X", "L binary L0 75.00 from L"]);
    expect([result.binary!.carryOutLeft[at("X")], result.binary!.carryOutRight[at("X")]]).toEqual([40000, 0]);
    expect([result.binary!.carryOutLeft[at("L")], result.binary!.carryOutRight[at("L")]]).toEqual([40000, 0]);
  });

  it("2:1 on equal legs: the left leg is the stronger one", () => {
    // left 100, right 100: w = min(100, 100 / 2) = 50 → 5.00; left uses 100, right 50 → carry 0 and 50.
    const tie: Person[] = [{ code: "X", pv: 100 }, { code: "L", placement: "X", leg: "L", sponsor: "X", cv: 100 }, { code: "R", placement: "X", leg: "R", sponsor: "X", cv: 100 }];
    const { lines, result, at } = runDocs("binary", tie, (p) => (p.bonuses.binary!.pairing = "2:1"));
    expect(lines).toEqual(["X binary L0 5.00 from X"]);
    expect([result.binary!.carryOutLeft[at("X")], result.binary!.carryOutRight[at("X")]]).toEqual([0, 5000]);
  });

  it("inactiveCarry accumulate and flush", () => {
    // R has no placement children: accumulate keeps 300 + 0 = 300 (cap 400); flush drops it.
    const acc = runDocs("binary", people, (p) => (p.bonuses.binary!.inactiveCarry = "accumulate"));
    expect(acc.result.binary!.carryOutLeft[acc.at("R")]).toBe(30000);
    const flush = runDocs("binary", people, (p) => (p.bonuses.binary!.inactiveCarry = "flush"));
    expect(flush.result.binary!.carryOutLeft[flush.at("R")]).toBe(0);
  });
});

describe("matrix (docs/plans/matrix.json)", () => {
  // 3 × 3, 5 % per level, no compression. Placement: P1, P2, P3 under M; Q1, Q2 under P1; S under Q1.
  // P1 has PV 20: inactive. Everyone is sponsored by M (placement is spillover).
  const people: Person[] = [
    { code: "M", pv: 100, cv: 0 },
    { code: "P1", sponsor: "M", placement: "M", leg: 1, pv: 20, cv: 100 },
    { code: "P2", sponsor: "M", placement: "M", leg: 2, pv: 50, cv: 50 },
    { code: "P3", sponsor: "M", placement: "M", leg: 3, pv: 50, cv: 0 },
    { code: "Q1", sponsor: "M", placement: "P1", leg: 1, pv: 200, cv: 200 },
    { code: "Q2", sponsor: "M", placement: "P1", leg: 2, pv: 80, cv: 80 },
    { code: "S", sponsor: "M", placement: "Q1", leg: 1, pv: 100, cv: 100 },
  ];
  it("pays each placement level, an inactive position using up its level", () => {
    const { lines, paid } = runDocs("matrix", people);
    expect(lines).toEqual([
      "M matrix L1 5.00 from P1",
      "M matrix L1 2.50 from P2",
      "M matrix L2 10.00 from Q1", // P1 (level 1) inactive: unpaid
      "M matrix L2 4.00 from Q2",
      "Q1 matrix L1 5.00 from S", // S: Q1 level 1, P1 level 2 unpaid, M level 3
      "M matrix L3 5.00 from S",
    ]);
    expect(paid).toMatchObject({ M: "26.50", Q1: "5.00", P1: "0.00" });
  });
  it("with dynamic compression the inactive position is skipped", () => {
    // S: Q1 level 1, P1 skipped, M level 2 (5 %: same amount, level 2, one compressed).
    const { result, lines } = runDocs("matrix", people, (p) => (p.bonuses.matrix!.compression = "dynamic"));
    expect(lines.slice(-2)).toEqual(["Q1 matrix L1 5.00 from S", "M matrix L2 5.00 from S"]);
    expect(result.lines.at(result.lines.count - 1).detail).toBe(1);
  });
});

describe("stair-step breakaway (docs/plans/stair-step.json)", () => {
  // associada 5 %, senior (GV ≥ 1,000) 10 %, diretora (GV ≥ 3,000) 15 % = breakaway; overrides 5 %, 3 %.
  // Chain O → T → U → V → W → Z. W has PV 20: inactive.
  // GV: Z 400, W 420, V 1,020 (senior), U 3,020 (diretora), T 3,120, O 3,220 (diretoras).
  const people: Person[] = [
    { code: "O", pv: 100, cv: 100 },
    { code: "T", sponsor: "O", pv: 100, cv: 100 },
    { code: "U", sponsor: "T", pv: 2000, cv: 2000 },
    { code: "V", sponsor: "U", pv: 600, cv: 600 },
    { code: "W", sponsor: "V", pv: 20, cv: 20 },
    { code: "Z", sponsor: "W", pv: 400, cv: 400 },
  ];
  it("pays the differential up to the breakaway, then generation overrides", () => {
    const { lines, paid, result } = runDocs("stair-step", people);
    expect(lines).toEqual([
      "O stair_step L1 15.00 from O", // O's 100 × 15 %
      "T stair_step L1 15.00 from T", // T's 100 × 15 %; T is a head: O gen 1 5 %
      "O breakaway_override L1 5.00 from T",
      "U stair_step L1 300.00 from U", // U's 2,000: U 15 %; T gen 1 5 % 100.00, O gen 2 3 % 60.00
      "T breakaway_override L1 100.00 from U",
      "O breakaway_override L2 60.00 from U",
      "V stair_step L1 60.00 from V", // V's 600: V 10 %; U 5 % more; T gen 1, O gen 2
      "U stair_step L2 30.00 from V",
      "T breakaway_override L1 30.00 from V",
      "O breakaway_override L2 18.00 from V",
      "V stair_step L1 2.00 from W", // W inactive: not paid on their 20; V 10 % 2.00, U 5 % 1.00, T 5 % 1.00, O 3 % 0.60
      "U stair_step L2 1.00 from W",
      "T breakaway_override L1 1.00 from W",
      "O breakaway_override L2 0.60 from W",
      "Z stair_step L1 20.00 from Z", // Z's 400: Z 5 %; W skipped; V 5 % more; U 5 % more; T 5 %; O 3 %
      "V stair_step L2 20.00 from Z",
      "U stair_step L3 20.00 from Z",
      "T breakaway_override L1 20.00 from Z",
      "O breakaway_override L2 12.00 from Z",
    ]);
    expect(paid).toEqual({ O: "110.60", T: "166.00", U: "351.00", V: "82.00", W: "0.00", Z: "20.00" });
    expect(result.totals.paid).toBe(72960n);
    expect(lineTrace(result, network(people).snapshot, 16)).toMatchObject({ rule: "stair_step.differential", paidBelowBp: 1000, pctBp: 500, distance: 3 });
  });
});

describe("generation (docs/plans/generation.json)", () => {
  // lider: PV ≥ 300 and GV ≥ 500. Heads: H1, H2, H3, H4 (lider, active). Chains H1 → a → H2 → b → H3 → c and H1 → H4.
  // Groups: H1 {H1, a}, H2 {H2, b}, H3 {H3, c}, H4 {H4}. Generations 5 %, 3 %, 2 %.
  const people: Person[] = [
    { code: "H1", pv: 300, cv: 300 },
    { code: "a", sponsor: "H1", pv: 100, cv: 100 },
    { code: "H2", sponsor: "a", pv: 300, cv: 300 },
    { code: "b", sponsor: "H2", pv: 100, cv: 100 },
    { code: "H3", sponsor: "b", pv: 400, cv: 400 },
    { code: "c", sponsor: "H3", pv: 100, cv: 100 },
    { code: "H4", sponsor: "H1", pv: 500, cv: 500 },
  ];
  it("pays the heads above the group a volume belongs to", () => {
    const { lines, paid } = runDocs("generation", people);
    expect(lines).toEqual([
      "H1 generation L1 15.00 from H2", // H2's group: H1 is generation 1 (5 %)
      "H1 generation L1 5.00 from b",
      "H2 generation L1 20.00 from H3", // H3's group: H2 gen 1 (5 %), H1 gen 2 (3 %)
      "H1 generation L2 12.00 from H3",
      "H2 generation L1 5.00 from c",
      "H1 generation L2 3.00 from c",
      "H1 generation L1 25.00 from H4",
    ]);
    expect(paid).toMatchObject({ H1: "60.00", H2: "25.00", H3: "0.00" });
  });
});

describe("fast start (docs/plans/fast-start.json)", () => {
  // 20 % to the sponsor, 5 % to the sponsor's sponsor, on a new consultant's first-period CV.
  // S1 → S2 → N1, N2 (new this period); S1 → N3 (joined last period); S1 → S3 (PV 0, inactive) → N4 (new).
  const people: Person[] = [
    { code: "S1", pv: 100, joined: 202301 },
    { code: "S2", sponsor: "S1", pv: 60, joined: 202401 },
    { code: "N1", sponsor: "S2", pv: 300, cv: 300, joined: PERIOD },
    { code: "N2", sponsor: "S2", pv: 100, cv: 100, joined: PERIOD },
    { code: "N3", sponsor: "S1", pv: 200, cv: 200, joined: PERIOD - 1 },
    { code: "S3", sponsor: "S1", pv: 0, joined: 202401 },
    { code: "N4", sponsor: "S3", pv: 50, cv: 50, joined: PERIOD },
  ];
  it("pays the new consultants' uplines, an inactive one using up the level", () => {
    const { lines, paid } = runDocs("fast-start", people);
    expect(lines).toEqual([
      "S2 fast_start L1 60.00 from N1",
      "S1 fast_start L2 15.00 from N1",
      "S2 fast_start L1 20.00 from N2",
      "S1 fast_start L2 5.00 from N2",
      "S1 fast_start L2 2.50 from N4", // S3 (level 1) inactive: unpaid
    ]);
    expect(paid).toMatchObject({ S1: "22.50", S2: "80.00", S3: "0.00" });
  });
});

describe("minimum payout (docs/plans/minimum-payout.json)", () => {
  // Unilevel 10 % on one level, minimum R$ 20,00. A earns 15.00 (B's 150): held.
  // Next period A earns 8.00 (B's 80) with 15.00 pending: 23.00 ≥ 20.00, paid with the pending 15.00.
  it("holds below the minimum and releases when the sum reaches it", () => {
    const first = runDocs("minimum-payout", [{ code: "A" }, { code: "B", sponsor: "A", cv: 150 }]);
    expect(first.lines).toEqual(["A unilevel L1 15.00 from B", "A payout_held L0 -15.00 from A"]);
    expect(first.result.pendingOut[0]).toBe(1500);
    expect(first.result.totals).toMatchObject({ earned: 1500n, paid: 0n });

    const net = network([{ code: "A" }, { code: "B", sponsor: "A", cv: 80 }], { pendingIn: first.result.pendingOut });
    const second = runEngine(net.snapshot, docsPlan("minimum-payout"));
    expect(describeLines(second, net.codes)).toEqual(["A unilevel L1 8.00 from B", "A payout_released L0 15.00 from A"]);
    expect(second.pendingOut[0]).toBe(0);
    expect(second.totals).toMatchObject({ earned: 800n, paid: 2300n });
  });
});
