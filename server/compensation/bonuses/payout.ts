import { BONUS } from "../lines";
import type { BonusContext } from "./context";

/**
 * Minimum payout. A consultant whose period earnings plus what is pending from earlier periods
 * stay below the plan's minimum is not paid this period: a `payout_held` line takes back the
 * period's earnings and the pending amount grows by them. At or above the minimum, a
 * `payout_released` line adds what was pending, which drops to 0. So a consultant's lines always
 * sum to what is paid to them now, and the run's total is what leaves the company.
 * With no minimum (0) nothing is ever held, and a pending amount (from a plan that had one) is released.
 */
export function applyMinimumPayout({ snapshot: s, plan, emit }: BonusContext, earned: Float64Array): Float64Array {
  const minimum = plan.minimumPayout, pendingOut = new Float64Array(s.count);
  for (let x = 0; x < s.count; x++) {
    const now = earned[x]!, pending = s.pendingIn ? s.pendingIn[x]! : 0;
    if (now === 0 && pending === 0) continue;
    if (now + pending < minimum) {
      pendingOut[x] = pending + now;
      if (now !== 0) emit(x, BONUS.payout_held, -now, x, 0, 0, 0);
    } else if (pending > 0) emit(x, BONUS.payout_released, pending, x, 0, 0, 0);
  }
  return pendingOut;
}
