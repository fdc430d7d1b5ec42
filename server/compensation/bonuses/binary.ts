import { lineAmount } from "../rounding";
import { BONUS, FLAG_CAPPED } from "../lines";
import type { BonusContext } from "./context";

export type BinaryResult = {
  /** CV of each consultant's left / right placement subtree in the period (carry not included). */
  legLeft: Float64Array;
  legRight: Float64Array;
  /** Volume paired (the weaker leg's counted volume); 0 when not paid. */
  paired: Float64Array;
  carryOutLeft: Float64Array;
  carryOutRight: Float64Array;
};

/**
 * Binary (GLOSSARY default: 1:1, inactive keeps carry-in). Leg volumes come from one
 * children-first pass over the placement tree. An eligible consultant (active, paid-as ≥
 * `minRank`) pairs left = leg CV + carry-in against right likewise:
 * - 1:1: w = min(left, right); both legs use w;
 * - 2:1: the stronger leg (left on a tie) must hold twice the weaker's counted volume:
 *   w = min(weaker, ⌊stronger / 2⌋); the weaker leg uses w, the stronger 2w.
 * Paid: w × pctBp, then cut to `payoutCap`. Each leg's unused volume carries out, cut to
 * `carryCap`. Anyone else is paid nothing and carries out per `inactiveCarry`: "keep" (the
 * carry-in, unchanged), "accumulate" (carry-in + this period's leg volume, cut to the cap) or
 * "flush" (nothing).
 */
export function payBinary({ snapshot: s, plan, ranks, emit }: BonusContext, order: Int32Array | null): BinaryResult {
  const b = plan.binary!, n = s.count, mupp = plan.minorUnitsPerPoint;
  const parent = s.placementParent, slot = s.placementSlot;
  const legLeft = new Float64Array(n), legRight = new Float64Array(n);
  let subtree: Float64Array | null = Float64Array.from(s.cv);
  for (let k = n - 1; k >= 0; k--) {
    const v = order ? order[k]! : k, p = parent[v]!;
    if (p < 0) continue;
    (slot[v] === 1 ? legLeft : legRight)[p]! += subtree[v]!;
    subtree[p]! += subtree[v]!;
  }
  subtree = null;

  const paired = new Float64Array(n), carryOutLeft = new Float64Array(n), carryOutRight = new Float64Array(n);
  const { active, paidAs } = ranks, cap = b.carryCap;
  for (let x = 0; x < n; x++) {
    const inLeft = s.carryInLeft ? s.carryInLeft[x]! : 0, inRight = s.carryInRight ? s.carryInRight[x]! : 0;
    const left = legLeft[x]! + inLeft, right = legRight[x]! + inRight;
    if (!(active[x] === 1 && paidAs[x]! >= b.minRank)) {
      if (b.inactiveCarry === "keep") (carryOutLeft[x] = inLeft), (carryOutRight[x] = inRight);
      else if (b.inactiveCarry === "accumulate") (carryOutLeft[x] = Math.min(left, cap)), (carryOutRight[x] = Math.min(right, cap));
      continue;
    }
    let w: number, usedLeft: number, usedRight: number;
    if (!b.twoToOne) w = usedLeft = usedRight = Math.min(left, right);
    else if (left >= right) (w = Math.min(right, Math.floor(left / 2))), (usedLeft = 2 * w), (usedRight = w);
    else (w = Math.min(left, Math.floor(right / 2))), (usedLeft = w), (usedRight = 2 * w);
    carryOutLeft[x] = Math.min(left - usedLeft, cap);
    carryOutRight[x] = Math.min(right - usedRight, cap);
    paired[x] = w;
    if (w > 0 && b.pctBp > 0) {
      const amount = lineAmount(w, mupp, b.pctBp);
      if (amount > b.payoutCap) emit(x, BONUS.binary, b.payoutCap, x, 0, b.pctBp, 0, FLAG_CAPPED);
      else emit(x, BONUS.binary, amount, x, 0, b.pctBp, 0);
    }
  }
  return { legLeft, legRight, paired, carryOutLeft, carryOutRight };
}
