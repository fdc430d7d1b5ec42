import type { Plan } from "@/server/compensation/plan";
import { STATUS_ACTIVE, type Snapshot } from "@/server/compensation/snapshot";

/**
 * A deliberately naive compensation engine, written from GLOSSARY.md and docs/plans.md without
 * looking at the real one's tricks: objects and recursion, walking the trees one consultant at a
 * time, BigInt everywhere, rank codes looked up by name, quadratic where it is simpler. It is
 * only for small random networks in the property tests, which compare it with engine.ts.
 */

export type RefLine = { consultant: number; bonus: string; amount: bigint; source: number; level: number };
export type RefResult = {
  lines: RefLine[];
  achieved: number[];
  paidAs: number[];
  highest: number[];
  graceUsed: number[];
  streak: number[][];
  carryOutLeft: bigint[];
  carryOutRight: bigint[];
  pendingOut: bigint[];
};

/** Half-even of a / b for a ≥ 0, b > 0, done the schoolbook way. */
function halfEven(a: bigint, b: bigint): bigint {
  const q = a / b, twice = 2n * (a - q * b);
  if (twice > b) return q + 1n;
  if (twice < b) return q;
  return q % 2n === 0n ? q : q + 1n;
}
const pay = (plan: Plan, base: bigint, bp: number) => halfEven(base * BigInt(plan.minorUnitsPerPoint) * BigInt(bp), 1_000_000n);
const min = (a: bigint, b: bigint) => (a < b ? a : b);

export function reference(s: Snapshot, plan: Plan): RefResult {
  const n = s.count, ladder = plan.ranks.ladder, R = ladder.length;
  const rankOf = (code: string | null) => (code === null ? -1 : ladder.findIndex((r) => r.code === code));
  /** The value a per-rank table gives a rank: its own entry, else the nearest lower rank listed, else `none`. */
  const table = (t: Record<string, number>, rank: number, none: number) => {
    for (let r = rank; r >= 0; r--) if (t[ladder[r]!.code] !== undefined) return t[ladder[r]!.code]!;
    return none;
  };
  const children = [...Array(n).keys()].map((v) => [...Array(n).keys()].filter((c) => s.sponsor[c] === v));
  const kids = (v: number) => children[v]!;
  const placedKids = (v: number, slot: number) => [...Array(n).keys()].filter((c) => s.placementParent[c] === v && s.placementSlot[c] === slot);
  const pv = (v: number) => BigInt(s.pv[v]!), cv = (v: number) => BigInt(s.cv[v]!);
  const statusActive = (v: number) => s.status[v] === STATUS_ACTIVE;
  const active = (v: number) => statusActive(v) && s.pv[v]! >= plan.activity.minPv;
  const gvMemo = new Map<number, bigint>();
  const gv = (v: number): bigint => gvMemo.get(v) ?? gvMemo.set(v, pv(v) + kids(v).reduce((a, c) => a + gv(c), 0n)).get(v)!;
  const subtree = (v: number): number[] => [v, ...kids(v).flatMap(subtree)];

  const memo = new Map<number, { achieved: number; paidAs: number; highest: number; grace: number; streak: number[] }>();
  const rankInfo = (v: number) => {
    const known = memo.get(v);
    if (known) return known;
    const basis = (d: number) => {
      const i = rankInfo(d);
      return plan.ranks.legRankBasis === "achieved" ? i.achieved : plan.ranks.legRankBasis === "paidAs" ? i.paidAs : i.highest;
    };
    const qualified = (r: number) => {
      const q = ladder[r]!.requirements;
      if (!statusActive(v)) return false;
      if (q.pv !== undefined && pv(v) < BigInt(q.pv)) return false;
      if (q.gv !== undefined && gv(v) < BigInt(q.gv)) return false;
      if (q.activeFrontline !== undefined && kids(v).filter(active).length < q.activeFrontline) return false;
      if (q.gvMaxLeg) {
        const cap = (BigInt(q.gvMaxLeg.gv) * BigInt(q.gvMaxLeg.maxLegShareBp)) / 10_000n;
        if (kids(v).reduce((a, c) => a + min(gv(c), cap), pv(v)) < BigInt(q.gvMaxLeg.gv)) return false;
      }
      for (const need of q.legsWithRank ?? []) {
        const legs = kids(v).filter((c) => subtree(c).some((d) => basis(d) >= rankOf(need.rank))).length;
        if (legs < need.legs) return false;
      }
      return true;
    };
    const streak = ladder.map((_, r) => (qualified(r) ? Math.min(255, (s.qualifiedStreak?.[v * R + r] ?? 0) + 1) : 0));
    let achieved = -1;
    ladder.forEach((rank, r) => {
      if (streak[r]! > 0 && streak[r]! >= (rank.requirements.monthsQualified ?? 1)) achieved = r;
    });
    const before = s.previousPaidAs?.[v] ?? -1, used = s.graceUsed?.[v] ?? 0;
    const graced = statusActive(v) && achieved < before && used < plan.ranks.maintenance.graceMonths;
    const info = { achieved, paidAs: graced ? before : achieved, grace: graced ? used + 1 : 0, highest: Math.max(s.highest?.[v] ?? -1, achieved), streak };
    memo.set(v, info);
    return info;
  };
  const paidAs = (v: number) => rankInfo(v).paidAs;
  const lines: RefLine[] = [];
  const line = (consultant: number, bonus: string, amount: bigint, source: number, level: number) => lines.push({ consultant, bonus, amount, source, level });
  const up = (v: number) => s.sponsor[v]!;

  const u = plan.bonuses.unilevel;
  if (u) {
    const unlocked = (v: number) => table(u.levelsByRank, paidAs(v), u.levelsWithoutRank);
    const minRank = rankOf(u.compressBelowRank);
    const counts = (v: number) => (u.compression === "dynamic" ? active(v) && paidAs(v) >= minRank : true);
    const payable = (v: number) => active(v) && paidAs(v) >= minRank;
    for (let src = 0; src < n; src++) {
      if (cv(src) <= 0n) continue;
      let level = 0;
      for (let v = up(src); v >= 0 && level < u.levelsBp.length; v = up(v)) {
        if (!counts(v)) continue;
        level++;
        const bp = u.levelsBp[level - 1]!;
        if (!payable(v) || bp === 0) continue;
        if (unlocked(v) >= level) line(v, "unilevel", pay(plan, cv(src), bp), src, level);
        else if (u.rollUp) {
          let w = up(v);
          while (w >= 0 && !(payable(w) && unlocked(w) >= level)) w = up(w);
          if (w >= 0) line(w, "unilevel", pay(plan, cv(src), bp), src, level);
        }
      }
    }
  }

  const b = plan.bonuses.binary;
  const carryOutLeft = Array<bigint>(n).fill(0n), carryOutRight = Array<bigint>(n).fill(0n);
  if (b) {
    const placedSubtree = (v: number): bigint => cv(v) + placedKids(v, 1).concat(placedKids(v, 2)).reduce((a, c) => a + placedSubtree(c), 0n);
    const leg = (v: number, slot: number) => placedKids(v, slot).reduce((a, c) => a + placedSubtree(c), 0n);
    const cap = (x: bigint) => (b.carryCap === null ? x : min(x, BigInt(b.carryCap)));
    for (let x = 0; x < n; x++) {
      const inL = BigInt(s.carryInLeft?.[x] ?? 0), inR = BigInt(s.carryInRight?.[x] ?? 0);
      const left = leg(x, 1) + inL, right = leg(x, 2) + inR;
      if (!(active(x) && paidAs(x) >= rankOf(b.minRank))) {
        [carryOutLeft[x], carryOutRight[x]] = b.inactiveCarry === "keep" ? [inL, inR] : b.inactiveCarry === "accumulate" ? [cap(left), cap(right)] : [0n, 0n];
        continue;
      }
      let pairs: bigint, useL: bigint, useR: bigint;
      if (b.pairing === "1:1") pairs = useL = useR = min(left, right);
      else if (left >= right) (pairs = min(right, left / 2n)), (useL = 2n * pairs), (useR = pairs);
      else (pairs = min(left, right / 2n)), (useR = 2n * pairs), (useL = pairs);
      carryOutLeft[x] = cap(left - useL);
      carryOutRight[x] = cap(right - useR);
      if (pairs > 0n && b.pctBp > 0) {
        const amount = pay(plan, pairs, b.pctBp);
        line(x, "binary", b.payoutCap !== null && amount > BigInt(b.payoutCap) ? BigInt(b.payoutCap) : amount, x, 0);
      }
    }
  }

  const m = plan.bonuses.matrix;
  if (m) {
    const ok = (v: number) => active(v) && paidAs(v) >= rankOf(m.minRank);
    for (let src = 0; src < n; src++) {
      if (cv(src) <= 0n) continue;
      let level = 0;
      for (let v = s.placementParent[src]!; v >= 0 && level < m.levelsBp.length; v = s.placementParent[v]!) {
        if (m.compression === "dynamic" && !ok(v)) continue;
        level++;
        if (ok(v) && m.levelsBp[level - 1]! > 0) line(v, "matrix", pay(plan, cv(src), m.levelsBp[level - 1]!), src, level);
      }
    }
  }

  /** Heads above `owner`, one consultant at a time, paid generation by generation. */
  const generations = (owner: number, src: number, isHead: (v: number) => boolean, gens: number[], unlockTable: Record<string, number>, bonus: string) => {
    let g = 0;
    for (let v = up(owner); v >= 0 && g < gens.length; v = up(v)) {
      if (!isHead(v)) continue;
      g++;
      if (gens[g - 1]! > 0 && table(unlockTable, paidAs(v), gens.length) >= g) line(v, bonus, pay(plan, cv(src), gens[g - 1]!), src, g);
    }
  };

  const st = plan.bonuses.stairStep;
  if (st) {
    const pct = (v: number) => (paidAs(v) < 0 ? 0 : table(st.pctByRank, paidAs(v), 0));
    const breakaway = rankOf(st.breakawayRank);
    const isHead = (v: number) => active(v) && paidAs(v) >= breakaway;
    for (let src = 0; src < n; src++) {
      if (cv(src) <= 0n) continue;
      let owner = -1;
      if (!st.includeOwnVolume && isHead(src)) owner = src;
      else {
        let paid = 0, step = 0;
        for (let v = st.includeOwnVolume ? src : up(src); v >= 0; v = up(v)) {
          if (!active(v)) continue;
          if (pct(v) > paid) {
            line(v, "stair_step", pay(plan, cv(src), pct(v) - paid), src, ++step);
            paid = pct(v);
          }
          if (isHead(v)) {
            owner = v;
            break;
          }
        }
      }
      if (owner >= 0) generations(owner, src, isHead, st.generationsBp, st.generationsByRank, "breakaway_override");
    }
  }

  const g = plan.bonuses.generation;
  if (g) {
    const isHead = (v: number) => active(v) && paidAs(v) >= rankOf(g.rank);
    for (let src = 0; src < n; src++) {
      if (cv(src) <= 0n) continue;
      let owner = src;
      while (owner >= 0 && !isHead(owner)) owner = up(owner);
      if (owner >= 0) generations(owner, src, isHead, g.generationsBp, g.generationsByRank, "generation");
    }
  }

  const f = plan.bonuses.fastStart;
  if (f) {
    for (let src = 0; src < n; src++) {
      if (cv(src) <= 0n || s.joinPeriod[src] !== s.period) continue;
      let level = 0;
      for (let v = up(src); v >= 0 && level < f.levelsBp.length; v = up(v)) {
        level++;
        if (f.levelsBp[level - 1]! > 0 && (!f.requireActive || active(v))) line(v, "fast_start", pay(plan, cv(src), f.levelsBp[level - 1]!), src, level);
      }
    }
  }

  const pendingOut = Array<bigint>(n).fill(0n);
  for (let x = 0; x < n; x++) {
    const now = lines.filter((l) => l.consultant === x).reduce((a, l) => a + l.amount, 0n);
    const pending = BigInt(s.pendingIn?.[x] ?? 0);
    if (now + pending < BigInt(plan.payout.minimum)) {
      pendingOut[x] = now + pending;
      if (now !== 0n) line(x, "payout_held", -now, x, 0);
    } else if (pending > 0n) line(x, "payout_released", pending, x, 0);
  }

  const all = [...Array(n).keys()].map(rankInfo);
  return {
    lines,
    achieved: all.map((i) => i.achieved),
    paidAs: all.map((i) => i.paidAs),
    highest: all.map((i) => i.highest),
    graceUsed: all.map((i) => i.grace),
    streak: all.map((i) => i.streak),
    carryOutLeft,
    carryOutRight,
    pendingOut,
  };
}
