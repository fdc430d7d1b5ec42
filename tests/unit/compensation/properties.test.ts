import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runEngine, type EngineResult } from "@/server/compensation/engine";
import { FLAG_CAPPED } from "@/server/compensation/lines";
import type { Plan } from "@/server/compensation/plan";
import { LINE_DENOMINATOR } from "@/server/compensation/rounding";
import type { Snapshot } from "@/server/compensation/snapshot";
import { lineTrace } from "@/server/compensation/trace";
import { prng, randomPlan, randomSnapshot } from "./random";
import { reference, type RefLine } from "./reference";

/**
 * The engine against the naive reference (reference.ts) on random small networks and plans, and
 * the invariants a payout must keep whatever the plan. fast-check draws seeds; a failure names
 * the seed, and `prng(seed)` rebuilds the same plan and network.
 */
const RUNS = Number(process.env.COMP_PROPERTY_RUNS ?? 200);
const TIMEOUT = 120_000;
const seeds = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const key = (l: RefLine) => `${l.consultant} ${l.bonus} ${l.amount} ${l.source} ${l.level}`;
const engineLines = (r: EngineResult) => [...r.lines].map((l) => key({ ...l, amount: BigInt(l.amount) })).sort();
const EARNING = new Set(["unilevel", "binary", "matrix", "stair_step", "breakaway_override", "generation"]);

function scenario(seed: number): { plan: Plan; snapshot: Snapshot } {
  const rng = prng(seed);
  const plan = randomPlan(rng);
  return { plan, snapshot: randomSnapshot(rng, plan) };
}

describe("engine = naive reference, on random networks and plans", () => {
  it("same lines, ranks, carry and pending", () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const { plan, snapshot } = scenario(seed);
        const got = runEngine(snapshot, plan), want = reference(snapshot, plan);
        expect(engineLines(got)).toEqual(want.lines.map(key).sort());
        expect(Array.from(got.ranks.achieved)).toEqual(want.achieved);
        expect(Array.from(got.ranks.paidAs)).toEqual(want.paidAs);
        expect(Array.from(got.ranks.highest)).toEqual(want.highest);
        expect(Array.from(got.ranks.graceUsed)).toEqual(want.graceUsed);
        if (got.ranks.qualifiedStreak) expect(Array.from(got.ranks.qualifiedStreak)).toEqual(want.streak.flat());
        if (got.binary) {
          expect(Array.from(got.binary.carryOutLeft, BigInt)).toEqual(want.carryOutLeft);
          expect(Array.from(got.binary.carryOutRight, BigInt)).toEqual(want.carryOutRight);
        }
        expect(Array.from(got.pendingOut, BigInt)).toEqual(want.pendingOut);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});

describe("invariants", () => {
  it("Σ lines = total, per bonus and per consultant", () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const { plan, snapshot } = scenario(seed);
        const r = runEngine(snapshot, plan);
        let sum = 0n;
        const byBonus: Record<string, bigint> = {}, byConsultant = new Array<bigint>(snapshot.count).fill(0n);
        for (const l of r.lines) {
          sum += BigInt(l.amount);
          byBonus[l.bonus] = (byBonus[l.bonus] ?? 0n) + BigInt(l.amount);
          byConsultant[l.consultant]! += BigInt(l.amount);
        }
        expect(sum).toBe(r.totals.paid);
        for (const [bonus, total] of Object.entries(r.totals.byBonus)) expect(total).toBe(byBonus[bonus] ?? 0n);
        expect(Array.from(r.paid, BigInt)).toEqual(byConsultant);
        expect(r.totals.earned + r.totals.byBonus.payout_held + r.totals.byBonus.payout_released).toBe(r.totals.paid);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it("compression (and every bonus) never pays an inactive consultant", () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const { plan, snapshot } = scenario(seed);
        const r = runEngine(snapshot, plan);
        for (const l of r.lines) {
          if (EARNING.has(l.bonus) || (l.bonus === "fast_start" && plan.bonuses.fastStart!.requireActive)) expect(r.ranks.active[l.consultant], `${l.bonus} line to ${l.consultant}`).toBe(1);
        }
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it("rounding neither creates nor loses a cent: Σ rounded + Σ recorded remainders = Σ exact", () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const { plan, snapshot } = scenario(seed);
        const r = runEngine(snapshot, plan);
        let exact = 0n, rounded = 0n, remainders = 0n;
        const D = BigInt(LINE_DENOMINATOR);
        for (let i = 0; i < r.lines.count; i++) {
          const t = lineTrace(r, snapshot, i);
          if (!EARNING.has(t.bonus) && t.bonus !== "fast_start") continue;
          const amount = BigInt(t.flags & FLAG_CAPPED ? t.uncappedAmount! : t.amount);
          const remainder = BigInt(t.roundingRemainder);
          expect(amount * D + remainder).toBe(BigInt(t.exactNumerator));
          expect(2n * (remainder < 0n ? -remainder : remainder) <= D).toBe(true); // at most half a minor unit, once per line
          exact += BigInt(t.exactNumerator);
          rounded += amount;
          remainders += remainder;
        }
        expect(rounded * D + remainders).toBe(exact);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it("deterministic: the same input gives identical lines and hashes; any change moves the input hash", () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const a = scenario(seed), b = scenario(seed);
        const ra = runEngine(a.snapshot, a.plan), rb = runEngine(b.snapshot, b.plan);
        expect(engineLines(rb)).toEqual(engineLines(ra));
        expect([rb.inputHash, rb.outputHash, rb.hash]).toEqual([ra.inputHash, ra.outputHash, ra.hash]);
        const cv = Float64Array.from(a.snapshot.cv);
        cv[0]! += 1;
        expect(runEngine({ ...a.snapshot, cv }, a.plan).inputHash).not.toBe(ra.inputHash);
      }),
      { numRuns: 50 },
    );
  }, TIMEOUT);
});

describe("binary carry across two periods", () => {
  /** A binary-only random plan (other bonuses dropped) so the periods are about carry alone. */
  const binaryScenario = (seed: number, conserving: boolean) => {
    const rng = prng(seed);
    let plan = randomPlan(rng);
    while (!plan.bonuses.binary) plan = randomPlan(rng);
    const b = { ...plan.bonuses.binary, ...(conserving ? { carryCap: null, inactiveCarry: "accumulate" as const } : {}) };
    plan = { ...plan, bonuses: { binary: b } };
    const first = randomSnapshot(rng, plan);
    const second = { ...first, cv: Float64Array.from(first.cv, () => (rng.chance(0.3) ? 0 : rng.int(1, 40_000))) };
    return { plan, first, second };
  };

  it("carry-out of period 1 is period 2's carry-in, and both periods match the reference", () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const { plan, first, second } = binaryScenario(seed, false);
        const one = runEngine(first, plan);
        const next = { ...second, carryInLeft: one.binary!.carryOutLeft, carryInRight: one.binary!.carryOutRight };
        const two = runEngine(next, plan), want = reference(next, plan);
        expect(Array.from(two.binary!.carryOutLeft, BigInt)).toEqual(want.carryOutLeft);
        expect(Array.from(two.binary!.carryOutRight, BigInt)).toEqual(want.carryOutRight);
        expect(engineLines(two)).toEqual(want.lines.map(key).sort());
        const cap = plan.bonuses.binary!.carryCap ?? Infinity;
        for (let x = 0; x < first.count; x++) expect(Math.max(two.binary!.carryOutLeft[x]!, two.binary!.carryOutRight[x]!)).toBeLessThanOrEqual(Math.max(cap, next.carryInLeft[x]!, next.carryInRight[x]!));
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it("without a carry cap and with inactive volume accumulating, no volume is created or lost: in + legs = used + out", () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const { plan, first, second } = binaryScenario(seed, true);
        const twoToOne = plan.bonuses.binary!.pairing === "2:1";
        const one = runEngine(first, plan);
        const two = runEngine({ ...second, carryInLeft: one.binary!.carryOutLeft, carryInRight: one.binary!.carryOutRight }, plan);
        for (let x = 0; x < first.count; x++) {
          const used = (r: EngineResult, left: boolean, inL: number, inR: number) => {
            const w = r.binary!.paired[x]!;
            if (!twoToOne) return w;
            const strongLeft = r.binary!.legLeft[x]! + inL >= r.binary!.legRight[x]! + inR;
            return strongLeft === left ? 2 * w : w;
          };
          for (const left of [true, false]) {
            const in1 = left ? (first.carryInLeft?.[x] ?? 0) : (first.carryInRight?.[x] ?? 0);
            const legs = (r: EngineResult) => (left ? r.binary!.legLeft[x]! : r.binary!.legRight[x]!);
            const out2 = left ? two.binary!.carryOutLeft[x]! : two.binary!.carryOutRight[x]!;
            const used1 = used(one, left, first.carryInLeft?.[x] ?? 0, first.carryInRight?.[x] ?? 0);
            const used2 = used(two, left, one.binary!.carryOutLeft[x]!, one.binary!.carryOutRight[x]!);
            expect(in1 + legs(one) + legs(two)).toBe(used1 + used2 + out2);
          }
        }
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});
