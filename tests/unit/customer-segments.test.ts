import { describe, expect, it } from "vitest";
import {
  commercialState,
  cutsOf,
  percentileCont,
  quintile,
  recencyScore,
  rfmScores,
  segmentCaseSql,
  segmentOf,
  SEGMENTS,
  type Score,
} from "@/server/commerce/customer-segments";

const now = new Date("2026-11-27T12:00:00Z");
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
const thresholds = { activeDays: 90, lostDays: 365 };

describe("commercial state from the last purchase and the company's thresholds", () => {
  it.each([
    [null, "prospect"],
    [0, "active"],
    [90, "active"], // "within 90 days" includes the 90th
    [90.01, "inactive"],
    [365, "inactive"],
    [365.01, "lost"],
    [2000, "lost"],
  ] as const)("last purchase %s days ago → %s", (days, state) => {
    expect(commercialState(days === null ? null : daysAgo(days), now, thresholds)).toBe(state);
  });

  it("follows the company's own limits", () => {
    expect(commercialState(daysAgo(45), now, { activeDays: 30, lostDays: 60 })).toBe("inactive");
    expect(commercialState(daysAgo(61), now, { activeDays: 30, lostDays: 60 })).toBe("lost");
    // Equal limits: no inactive stretch at all.
    expect(commercialState(daysAgo(31), now, { activeDays: 30, lostDays: 30 })).toBe("lost");
  });
});

describe("quintiles", () => {
  it("percentile_cont interpolates like Postgres", () => {
    expect(percentileCont([1, 2, 3, 4, 5], 0.2)).toBeCloseTo(1.8);
    expect(percentileCont([10], 0.8)).toBe(10);
    cutsOf([5, 1, 4, 2, 3]).forEach((c, i) => expect(c).toBeCloseTo([1.8, 2.6, 3.4, 4.2][i]!));
  });

  it("spreads distinct values over 1–5, best values highest", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    const cuts = cutsOf(values);
    const scores = values.map((v) => quintile(v, cuts));
    for (const s of [1, 2, 3, 4, 5] as Score[]) expect(scores.filter((x) => x === s)).toHaveLength(20);
    expect(quintile(1, cuts)).toBe(1);
    expect(quintile(100, cuts)).toBe(5);
  });

  it("gives equal values equal scores (most customers bought once: all share the lowest)", () => {
    const counts = [1, 1, 1, 1, 1, 1, 1, 2, 3, 8];
    const cuts = cutsOf(counts);
    expect(new Set(counts.filter((c) => c === 1).map((c) => quintile(c, cuts)))).toEqual(new Set([1]));
    expect(quintile(8, cuts)).toBe(5);
  });
});

describe("RFM scores and segments", () => {
  const buyers = [
    { lastOrderAt: daysAgo(2), ordersCount: 9, totalSpent: 90_000 },
    { lastOrderAt: daysAgo(10), ordersCount: 1, totalSpent: 4_990 },
    { lastOrderAt: daysAgo(40), ordersCount: 4, totalSpent: 30_000 },
    { lastOrderAt: daysAgo(200), ordersCount: 6, totalSpent: 60_000 },
    { lastOrderAt: daysAgo(400), ordersCount: 1, totalSpent: 3_000 },
  ];
  const cuts = {
    frequency: cutsOf(buyers.map((b) => b.ordersCount)),
    monetary: cutsOf(buyers.map((b) => b.totalSpent)),
  };

  const scores = (b: (typeof buyers)[number]) => rfmScores(b, cuts, now, thresholds);

  it("scores recency against the company's limits: thirds of the active window, then inactive, then lost", () => {
    const r = (days: number, t = thresholds) => recencyScore(daysAgo(days), now, t);
    expect([0, 30, 30.01, 60, 60.01, 90, 90.01, 365, 365.01].map((d) => r(d))).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1]);
    expect(r(20, { activeDays: 30, lostDays: 60 })).toBe(4);
    // R 3–5 is exactly "active", R 2 "inactive", R 1 "lost".
    for (const days of [1, 29, 31, 59, 61, 89, 91, 200, 364, 366, 900]) {
      const state = commercialState(daysAgo(days), now, thresholds);
      expect(state === "active" ? r(days) >= 3 : state === "inactive" ? r(days) === 2 : r(days) === 1, `${days} days`).toBe(true);
    }
  });

  it("scores frequency and monetary by quintile", () => {
    expect(scores(buyers[0]!)).toEqual({ r: 5, f: 5, m: 5 });
    expect(scores(buyers[4]!)).toEqual({ r: 1, f: 1, m: 1 });
    expect(rfmScores({ lastOrderAt: null, ordersCount: 0, totalSpent: 0 }, cuts, now, thresholds)).toBeNull();
  });

  it("names the segments by the documented rules", () => {
    expect(buyers.map((b) => segmentOf(scores(b), b.ordersCount))).toEqual(["champions", "new", "loyal", "at_risk", "hibernating"]);
    expect(segmentOf(null, 0)).toBe("prospect");
    expect(segmentOf({ r: 5, f: 1, m: 1 }, 2)).toBe("promising");
    expect(segmentOf({ r: 3, f: 1, m: 5 }, 2)).toBe("needs_attention");
    expect(segmentOf({ r: 5, f: 5, m: 5 }, 1)).toBe("champions"); // champions come before "new"
  });

  it("renders the rule table as one SQL CASE (evaluated by Postgres in customers.test.ts)", () => {
    const text = segmentCaseSql((name) => `"${name}"`, (raw) => raw).join("");
    expect(text).toBe(
      `case when "r" is null then 'prospect'` +
        ` when "r" between 4 and 5 and "f" between 4 and 5 and "m" between 4 and 5 then 'champions'` +
        ` when "r" between 4 and 5 and "orders" = 1 then 'new'` +
        ` when "r" between 3 and 5 and "f" between 3 and 5 then 'loyal'` +
        ` when "r" between 4 and 5 then 'promising'` +
        ` when "r" between 1 and 2 and "f" between 3 and 5 then 'at_risk'` +
        ` when "r" between 1 and 2 then 'hibernating'` +
        ` else 'needs_attention' end`,
    );
    expect(SEGMENTS).toContain("needs_attention");
  });
});
