import { describe, expect, it } from "vitest";
import {
  commercialState,
  cutsOf,
  percentileCont,
  quintile,
  rfmScores,
  segmentCaseSql,
  segmentOf,
  SEGMENTS,
  type RfmScores,
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
    recency: cutsOf(buyers.map((b) => b.lastOrderAt.getTime())),
    frequency: cutsOf(buyers.map((b) => b.ordersCount)),
    monetary: cutsOf(buyers.map((b) => b.totalSpent)),
  };

  it("scores recency by how recent the last purchase is", () => {
    expect(rfmScores(buyers[0]!, cuts)).toEqual({ r: 5, f: 5, m: 5 });
    expect(rfmScores(buyers[4]!, cuts)).toEqual({ r: 1, f: 1, m: 1 });
    expect(rfmScores({ lastOrderAt: null, ordersCount: 0, totalSpent: 0 }, cuts)).toBeNull();
  });

  it("names the segments by the documented rules", () => {
    expect(buyers.map((b) => segmentOf(rfmScores(b, cuts), b.ordersCount))).toEqual(["champions", "new", "loyal", "at_risk", "hibernating"]);
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
