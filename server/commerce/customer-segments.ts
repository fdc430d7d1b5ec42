/**
 * A customer's commercial state and RFM segment, as pure functions. The SQL in customers.ts
 * computes the same things for filtering and sorting; `segmentCaseSql` is generated from the
 * same rule table below, so the two cannot drift apart.
 *
 * Commercial state (thresholds from company_settings, in days since the last purchase — a paid
 * order, which is when the purchase summary moves):
 *   prospect — never bought; active — bought within `activeDays`;
 *   inactive — last bought more than `activeDays` and at most `lostDays` ago; lost — beyond `lostDays`.
 *
 * RFM: each customer who has bought gets three scores from 1 (worst) to 5 (best).
 * - Frequency (how many paid orders) and monetary (how much in total) are quintiles over all
 *   customers who have bought: the four cut points are the 20/40/60/80th percentiles (continuous,
 *   like Postgres' percentile_cont) and a value scores 1 + the number of cut points it is strictly
 *   above. Equal values get equal scores, so when most customers have bought once they all share
 *   the lowest frequency score and a second order lifts one well above: quintiles describe the
 *   company's real spread, not five equal buckets.
 * - Recency is scored against the company's own state limits instead of by quintile: 5 = bought
 *   in the first third of the active window, 4 = the second third, 3 = the last third, 2 =
 *   inactive, 1 = lost. By quintile, a customer who bought 25 days ago could score 2 because others
 *   bought yesterday, and be called "at risk" next to an "active" badge; tied to the limits, the
 *   segment and the state always tell the same story (R 3–5 is exactly "active").
 */

export const COMMERCIAL_STATES = ["prospect", "active", "inactive", "lost"] as const;
export type CommercialState = (typeof COMMERCIAL_STATES)[number];

/** How customer lists may be sorted (by the latest purchase, by name, by total spent). */
export const CUSTOMER_SORTS = ["recent", "name", "spent"] as const;

export type StateThresholds = { activeDays: number; lostDays: number };

const DAY_MS = 86_400_000;

export function commercialState(lastOrderAt: Date | null, now: Date, t: StateThresholds): CommercialState {
  if (!lastOrderAt) return "prospect";
  const age = now.getTime() - lastOrderAt.getTime();
  if (age <= t.activeDays * DAY_MS) return "active";
  if (age <= t.lostDays * DAY_MS) return "inactive";
  return "lost";
}

export type Score = 1 | 2 | 3 | 4 | 5;
export type RfmScores = { r: Score; f: Score; m: Score };
/** Four ascending cut points per quintile-scored measure. */
export type RfmCuts = { frequency: number[]; monetary: number[] };

/** percentile_cont over ascending `sorted` values: linear interpolation between neighbours. */
export function percentileCont(sorted: number[], p: number) {
  if (!sorted.length) return 0;
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export const QUINTILE_POINTS = [0.2, 0.4, 0.6, 0.8] as const;

export function cutsOf(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return QUINTILE_POINTS.map((p) => percentileCont(sorted, p));
}

export function quintile(value: number, cuts: number[]): Score {
  return (1 + cuts.filter((c) => value > c).length) as Score;
}

/** The recency score's limits, in days since the last purchase (5 within the first, … 2 within the last). */
export function recencyLimits(t: StateThresholds) {
  return [t.activeDays / 3, (2 * t.activeDays) / 3, t.activeDays, t.lostDays] as const;
}

export function recencyScore(lastOrderAt: Date, now: Date, t: StateThresholds): Score {
  const age = now.getTime() - lastOrderAt.getTime();
  const within = recencyLimits(t).findIndex((days) => age <= days * DAY_MS);
  return (within === -1 ? 1 : 5 - within) as Score;
}

export type Purchases = { lastOrderAt: Date | null; ordersCount: number; totalSpent: number };

export function rfmScores(c: Purchases, cuts: RfmCuts, now: Date, t: StateThresholds): RfmScores | null {
  if (!c.lastOrderAt || c.ordersCount === 0) return null;
  return { r: recencyScore(c.lastOrderAt, now, t), f: quintile(c.ordersCount, cuts.frequency), m: quintile(c.totalSpent, cuts.monetary) };
}

export const SEGMENTS = ["champions", "loyal", "new", "promising", "needs_attention", "at_risk", "hibernating", "prospect"] as const;
export type Segment = (typeof SEGMENTS)[number];

type Range = readonly [min: Score, max: Score];
type Rule = { segment: Segment; r?: Range; f?: Range; m?: Range; firstOrderOnly?: boolean };

/**
 * Named segments, first matching rule wins (a simplified version of the usual RFM grid):
 * - champions: bought recently, often and a lot (R, F and M all 4–5);
 * - new: bought recently, for the first time (R 4–5, one order);
 * - loyal: buy regularly and not long ago (R 3–5, F 3–5);
 * - promising: bought recently but not often yet (R 4–5);
 * - at risk: used to buy often, not lately (R 1–2, F 3–5: inactive or lost) — the ones to call first;
 * - hibernating: last bought long ago and seldom (R 1–2: inactive or lost);
 * - needs attention: everyone else who has bought (middling recency, few orders);
 * - prospect: never bought (no scores).
 */
export const SEGMENT_RULES: readonly Rule[] = [
  { segment: "champions", r: [4, 5], f: [4, 5], m: [4, 5] },
  { segment: "new", r: [4, 5], firstOrderOnly: true },
  { segment: "loyal", r: [3, 5], f: [3, 5] },
  { segment: "promising", r: [4, 5] },
  { segment: "at_risk", r: [1, 2], f: [3, 5] },
  { segment: "hibernating", r: [1, 2] },
];

const within = (v: Score, range?: Range) => !range || (v >= range[0] && v <= range[1]);

export function segmentOf(scores: RfmScores | null, ordersCount: number): Segment {
  if (!scores) return "prospect";
  for (const rule of SEGMENT_RULES) {
    if (within(scores.r, rule.r) && within(scores.f, rule.f) && within(scores.m, rule.m) && (!rule.firstOrderOnly || ordersCount === 1)) return rule.segment;
  }
  return "needs_attention";
}

/**
 * The same rules as the pieces of a SQL CASE: `col` renders a measure (the r, f, m scores — null
 * when the customer never bought — and the order count), `raw` the CASE's own trusted text. Kept
 * free of any SQL library so the rules stay one table; customers.ts joins the pieces.
 */
export function segmentCaseSql<T>(col: (name: "r" | "f" | "m" | "orders") => T, raw: (text: string) => T): T[] {
  const out: T[] = [raw("case when "), col("r"), raw(" is null then 'prospect'")];
  for (const rule of SEGMENT_RULES) {
    const conds: T[][] = [];
    for (const name of ["r", "f", "m"] as const) {
      const range = rule[name];
      if (range) conds.push([col(name), raw(` between ${range[0]} and ${range[1]}`)]);
    }
    if (rule.firstOrderOnly) conds.push([col("orders"), raw(" = 1")]);
    out.push(raw(" when "), ...conds.flatMap((c, i) => (i ? [raw(" and "), ...c] : c)), raw(` then '${rule.segment}'`));
  }
  out.push(raw(" else 'needs_attention' end"));
  return out;
}
