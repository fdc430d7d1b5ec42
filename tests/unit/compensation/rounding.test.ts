import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AmountOverflowError, lineAmount, lineExact, LINE_DENOMINATOR } from "@/server/compensation/rounding";

describe("a line's one rounding: half-even to the minor unit", () => {
  it.each([
    // base (hundredths of a point), bp, minor units: exact value in the comment
    [10, 500, 0], // 0.10 pt × 5 % = 0.5 centavo → 0 (even)
    [30, 500, 2], // 1.5 → 2
    [50, 500, 2], // 2.5 → 2
    [70, 500, 4], // 3.5 → 4
    [1225, 500, 61], // 61.25 → 61
    [1235, 500, 62], // 61.75 → 62
    [10000, 1000, 1000], // 100 points × 10 % = R$ 10,00
    [1, 1, 0], // 0.0001 centavo
  ])("%i hundredths at %i bp → %i", (base, bp, minor) => expect(lineAmount(base, 100, bp)).toBe(minor));

  it("takes the BigInt path past 2^53 and gives the same integers", () => {
    expect(lineAmount(1e15, 100, 10_000)).toBe(1e15); // numerator 10^21
    expect(lineAmount(2 ** 52 + 1, 100, 5_000)).toBe(Number(lineExact(2 ** 52 + 1, 100, 5_000).rounded));
    expect(() => lineAmount(Number.MAX_SAFE_INTEGER, 200, 10_000)).toThrow(AmountOverflowError); // twice 2^53 minor units
  });

  it("agrees with exact BigInt half-even for any base and percentage", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 1000 }), (base, bp, mupp) => {
        const exact = lineExact(base, mupp, bp);
        expect(BigInt(lineAmount(base, mupp, bp))).toBe(exact.rounded);
        // rounded × D + remainder = exact, and the remainder is at most half a minor unit
        expect(exact.rounded * exact.denominator + exact.remainder).toBe(exact.numerator);
        expect(2n * (exact.remainder < 0n ? -exact.remainder : exact.remainder) <= BigInt(LINE_DENOMINATOR)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
