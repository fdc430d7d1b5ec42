import { lineAmount } from "../rounding";
import { BONUS } from "../lines";
import type { BonusContext } from "./context";

/**
 * Fast start. A consultant who joined in this period (joinPeriod = period) and has CV c > 0 pays
 * their sponsor c × levelsBp[1], the sponsor's sponsor c × levelsBp[2], … — no compression: an
 * upline who cannot be paid (inactive, with `requireActive`) still uses up their level.
 */
export function payFastStart({ snapshot: s, plan, ranks, emit }: BonusContext) {
  const f = plan.fastStart!, mupp = plan.minorUnitsPerPoint, active = ranks.active;
  for (let src = 0; src < s.count; src++) {
    const c = s.cv[src]!;
    if (c <= 0 || s.joinPeriod[src] !== s.period) continue;
    let up = s.sponsor[src]!;
    for (let level = 1; level <= f.levelsBp.length && up >= 0; level++, up = s.sponsor[up]!) {
      const bp = f.levelsBp[level - 1]!;
      if (bp > 0 && (!f.requireActive || active[up] === 1)) emit(up, BONUS.fast_start, lineAmount(c, mupp, bp), src, level, bp, 0);
    }
  }
}
