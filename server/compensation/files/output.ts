import { minorToDecimal } from "@/server/commerce/money";
import { csvLine } from "@/server/network/import/csv";
import type { EngineResult } from "../engine";
import { STATUS_NAMES, type Snapshot } from "../snapshot";
import { hundredthsToDecimal } from "./csv-input";

/**
 * The simulator's two output files, as chunks of CSV text (about 1 MB each, so a 1M-consultant
 * run streams instead of building one string). Amounts are decimals in the plan's currency
 * ("25.50"), volumes decimals in points; ranks are codes, empty for none.
 */
const CHUNK = 1 << 20;

export const LINES_HEADER = ["code", "bonus", "amount", "source_code", "level", "rank"] as const;
export const CONSULTANTS_HEADER = ["code", "status", "active", "pv", "cv", "gv", "achieved", "paid_as", "highest", "grace_used", "qualified_streak", "paid", "pending", "carry_left", "carry_right"] as const;

export function* linesCsv(result: EngineResult, codes: readonly string[]): Generator<string> {
  const currency = result.plan.plan.currency, ranks = result.plan.rankCodes;
  let text = csvLine(LINES_HEADER);
  for (const l of result.lines) {
    text += csvLine([codes[l.consultant], l.bonus, minorToDecimal(l.amount, currency), codes[l.source], l.level, ranks[l.rank] ?? ""]);
    if (text.length > CHUNK) {
      yield text;
      text = "";
    }
  }
  yield text;
}

export function* consultantsCsv(result: EngineResult, snapshot: Snapshot, codes: readonly string[]): Generator<string> {
  const { ranks, binary, plan } = result, currency = plan.plan.currency, rank = (r: number) => plan.rankCodes[r] ?? "", R = plan.rankCodes.length;
  let text = csvLine(CONSULTANTS_HEADER);
  for (let i = 0; i < snapshot.count; i++) {
    const streak = ranks.qualifiedStreak ? Array.from(ranks.qualifiedStreak.subarray(i * R, i * R + R)).join(" ") : "";
    text += csvLine([
      codes[i],
      STATUS_NAMES[snapshot.status[i]!],
      ranks.active[i] ? "yes" : "no",
      hundredthsToDecimal(snapshot.pv[i]!),
      hundredthsToDecimal(snapshot.cv[i]!),
      hundredthsToDecimal(ranks.gv[i]!),
      rank(ranks.achieved[i]!),
      rank(ranks.paidAs[i]!),
      rank(ranks.highest[i]!),
      ranks.graceUsed[i],
      streak,
      minorToDecimal(result.paid[i]!, currency),
      minorToDecimal(result.pendingOut[i]!, currency),
      binary ? hundredthsToDecimal(binary.carryOutLeft[i]!) : "",
      binary ? hundredthsToDecimal(binary.carryOutRight[i]!) : "",
    ]);
    if (text.length > CHUNK) {
      yield text;
      text = "";
    }
  }
  yield text;
}
