import { parsePlan, type Plan } from "@/server/compensation/plan";
import type { Snapshot } from "@/server/compensation/snapshot";

/**
 * Random small networks and plans for the property tests, from one integer seed (fast-check
 * draws the seeds, so a failure prints the seed that reproduces it). Networks are built parents
 * first and then, half the time, renumbered at random, so the engine cannot rely on index order.
 */

export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const chance = (p: number) => next() < p;
  const pick = <T>(xs: readonly T[]) => xs[int(0, xs.length - 1)]!;
  return { next, int, chance, pick };
}
export type Rng = ReturnType<typeof prng>;

export const PERIOD = 202506;

export function randomPlan(rng: Rng): Plan {
  const R = rng.int(0, 4);
  const codes = Array.from({ length: R }, (_, r) => `r${r}`);
  const subset = (max: number) => Object.fromEntries(codes.filter(() => rng.chance(0.5)).map((c) => [c, rng.int(0, max)]));
  const levels = (max: number) => Array.from({ length: rng.int(1, max) }, () => (rng.chance(0.1) ? 0 : rng.int(1, 2500)));
  const ladder = codes.map((code) => {
    const q: Record<string, unknown> = {};
    if (rng.chance(0.6)) q.pv = rng.int(0, 20_000);
    if (rng.chance(0.4)) q.gv = rng.int(0, 150_000);
    if (rng.chance(0.3)) q.gvMaxLeg = { gv: rng.int(1, 150_000), maxLegShareBp: rng.int(1000, 10_000) };
    if (rng.chance(0.3)) q.activeFrontline = rng.int(0, 3);
    if (rng.chance(0.3)) q.legsWithRank = [{ rank: rng.pick(codes), legs: rng.int(1, 2) }];
    if (rng.chance(0.2)) q.monthsQualified = rng.int(1, 3);
    return { code, name: code.toUpperCase(), requirements: q };
  });
  const rank = () => (R > 0 && rng.chance(0.3) ? rng.pick(codes) : null);
  const bonuses: Record<string, unknown> = {};
  if (rng.chance(0.7)) {
    const levelsBp = levels(7), dynamic = rng.chance(0.7);
    bonuses.unilevel = {
      levelsBp,
      levelsByRank: Object.fromEntries(Object.entries(subset(levelsBp.length)).map(([c, v]) => [c, Math.min(v, levelsBp.length)])),
      levelsWithoutRank: rng.int(0, Math.min(2, levelsBp.length)),
      compression: dynamic ? "dynamic" : "none",
      compressBelowRank: dynamic ? rank() : null,
      rollUp: rng.chance(0.3),
    };
  }
  const binary = rng.chance(0.6);
  if (binary) {
    bonuses.binary = {
      pctBp: rng.int(0, 2000),
      pairing: rng.pick(["1:1", "2:1"]),
      carryCap: rng.chance(0.5) ? null : rng.int(0, 60_000),
      payoutCap: rng.chance(0.6) ? null : rng.int(0, 5_000),
      inactiveCarry: rng.pick(["keep", "accumulate", "flush"]),
      minRank: rank(),
    };
  }
  if (rng.chance(0.4)) bonuses.matrix = { width: binary ? 2 : rng.int(2, 4), levelsBp: levels(4), compression: rng.pick(["dynamic", "none"]), minRank: rank() };
  if (R > 0 && rng.chance(0.5)) {
    const at = rng.int(0, R - 1), top = rng.int(1, 3000);
    const pctByRank: Record<string, number> = { [codes[at]!]: top };
    for (let r = 0; r < at; r++) if (rng.chance(0.7)) pctByRank[codes[r]!] = rng.int(0, top - 1);
    const generationsBp = levels(3);
    bonuses.stairStep = { pctByRank, breakawayRank: codes[at], includeOwnVolume: rng.chance(0.7), generationsBp, generationsByRank: subset(generationsBp.length) };
  }
  if (R > 0 && rng.chance(0.4)) {
    const generationsBp = levels(3);
    bonuses.generation = { rank: rng.pick(codes), generationsBp, generationsByRank: subset(generationsBp.length) };
  }
  if (rng.chance(0.4)) bonuses.fastStart = { levelsBp: levels(3), requireActive: rng.chance(0.7) };
  const parsed = parsePlan({
    format: "rede.plan/1",
    name: "random",
    version: 1,
    currency: "BRL",
    minorUnitsPerPoint: rng.pick([100, 100, 1, 1000, 37]),
    activity: { minPv: rng.int(0, 10_000) },
    ranks: { ladder, legRankBasis: rng.pick(["achieved", "paidAs", "highest"]), maintenance: { graceMonths: rng.int(0, 2) } },
    bonuses,
    payout: { minimum: rng.chance(0.6) ? 0 : rng.int(1, 3000) },
  });
  if (!parsed.ok) throw new Error(`random plan is invalid: ${parsed.errors.join("; ")}`);
  return parsed.plan;
}

/** A random network for `plan` (placement width from its binary or matrix bonus), with random history. */
export function randomSnapshot(rng: Rng, plan: Plan, maxSize = 40): Snapshot {
  const n = rng.int(1, maxSize), R = plan.ranks.ladder.length;
  const width = plan.bonuses.binary ? 2 : (plan.bonuses.matrix?.width ?? 2);
  const sponsor = new Int32Array(n).fill(-1), parent = new Int32Array(n).fill(-1), slot = new Uint8Array(n);
  const taken = new Set<string>();
  for (let c = 1; c < n; c++) {
    if (rng.chance(0.92)) sponsor[c] = rng.int(0, c - 1);
    if (!rng.chance(0.85)) continue;
    for (let tries = 0; tries < 8; tries++) {
      const p = rng.int(0, c - 1), k = rng.int(1, width);
      if (taken.has(`${p}/${k}`)) continue;
      taken.add(`${p}/${k}`);
      (parent[c] = p), (slot[c] = k);
      break;
    }
  }
  // Renumber: new index of creation-order consultant c is perm[c].
  const perm = Array.from({ length: n }, (_, i) => i);
  if (rng.chance(0.5)) for (let i = n - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [perm[i], perm[j]] = [perm[j]!, perm[i]!];
  }
  const remap = (x: number) => (x < 0 ? -1 : perm[x]!);
  const out = <T extends Int32Array | Uint8Array>(make: (size: number) => T, value: (c: number) => number) => {
    const a = make(n);
    for (let c = 0; c < n; c++) a[perm[c]!] = value(c);
    return a;
  };
  const volume = () => (rng.chance(0.25) ? 0 : rng.chance(0.2) ? rng.int(1, 99) : rng.int(100, 50_000));
  const floats = (value: () => number) => Float64Array.from({ length: n }, value);
  return {
    period: PERIOD,
    count: n,
    sponsor: out((k) => new Int32Array(k), (c) => remap(sponsor[c]!)),
    placementParent: out((k) => new Int32Array(k), (c) => remap(parent[c]!)),
    placementSlot: out((k) => new Uint8Array(k), (c) => slot[c]!),
    status: Uint8Array.from({ length: n }, () => (rng.chance(0.8) ? 0 : rng.chance(0.6) ? 1 : 2)),
    joinPeriod: Int32Array.from({ length: n }, () => (rng.chance(0.3) ? PERIOD : PERIOD - 1)),
    pv: floats(() => (rng.chance(0.2) ? 0 : rng.int(1, 30_000))),
    cv: floats(volume),
    ...(rng.chance(0.5) ? { carryInLeft: floats(() => (rng.chance(0.5) ? 0 : rng.int(1, 20_000))), carryInRight: floats(() => (rng.chance(0.5) ? 0 : rng.int(1, 20_000))) } : {}),
    ...(rng.chance(0.5)
      ? {
          previousPaidAs: Int8Array.from({ length: n }, () => rng.int(-1, R - 1)),
          graceUsed: Uint8Array.from({ length: n }, () => rng.int(0, 2)),
          highest: Int8Array.from({ length: n }, () => rng.int(-1, R - 1)),
          qualifiedStreak: Uint8Array.from({ length: n * R }, () => rng.int(0, 3)),
          pendingIn: floats(() => (rng.chance(0.7) ? 0 : rng.int(1, 3000))),
        }
      : {}),
  };
}
