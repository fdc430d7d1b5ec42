/**
 * The one rounding of a commission line. A line's exact value is
 *   base (hundredths of a point) × minorUnitsPerPoint × bp / (100 × 10,000)   minor units,
 * an integer fraction with denominator LINE_DENOMINATOR. It is rounded half-even to a whole minor
 * unit, once; totals are sums of rounded lines, never re-rounded.
 *
 * Speed: the numerator is computed in doubles, which is exact while it stays ≤ 2^53 (a base of
 * 10^8 hundredths × 100 × 10,000 bp is 10^14); past that the same computation runs in BigInt.
 * Both give the same integers, so which path ran never shows in a result.
 */

export const LINE_DENOMINATOR = 1_000_000;
const D = LINE_DENOMINATOR;
const BIG_D = BigInt(D);

export class AmountOverflowError extends RangeError {}

/** Half-even rounding of numerator / LINE_DENOMINATOR for a non-negative safe-integer numerator. */
function roundSafe(n: number): number {
  let q = Math.floor(n / D);
  let r = n - q * D; // exact: both products stay below 2^53
  if (r < 0) (q -= 1), (r += D);
  else if (r >= D) (q += 1), (r -= D);
  return 2 * r > D || (2 * r === D && q % 2 === 1) ? q + 1 : q;
}

function roundBig(n: bigint): bigint {
  const q = n / BIG_D, r = n % BIG_D; // n ≥ 0: truncation is floor
  return 2n * r > BIG_D || (2n * r === BIG_D && q % 2n === 1n) ? q + 1n : q;
}

/** The rounded amount, in minor units, of `bp` basis points of `base` hundredths of a point. */
export function lineAmount(base: number, minorUnitsPerPoint: number, bp: number): number {
  const n = base * minorUnitsPerPoint * bp;
  if (n <= Number.MAX_SAFE_INTEGER) return roundSafe(n);
  const amount = roundBig(BigInt(base) * BigInt(minorUnitsPerPoint) * BigInt(bp));
  if (amount > BigInt(Number.MAX_SAFE_INTEGER)) throw new AmountOverflowError(`a commission line of ${amount} minor units is beyond what the ledger holds`);
  return Number(amount);
}

/**
 * The exact arithmetic of a line, for its trace: numerator over LINE_DENOMINATOR, and the
 * remainder exact − rounded (same denominator; between −D/2 and +D/2).
 */
export function lineExact(base: number, minorUnitsPerPoint: number, bp: number) {
  const numerator = BigInt(base) * BigInt(minorUnitsPerPoint) * BigInt(bp);
  const rounded = roundBig(numerator);
  return { numerator, denominator: BIG_D, rounded, remainder: numerator - rounded * BIG_D };
}
