import type { CsvInput } from "@/server/network/import/csv";
import type { Snapshot } from "../snapshot";
import { FileErrors, parseHundredths, readRows } from "./csv-input";

/**
 * `--previous`: the consultants file a previous `simulate` wrote, read back as this period's
 * history — paid-as and highest rank, grace used, qualification streaks, pending payout and binary
 * carry. So a designer can run period after period on files. Consultants it does not list start
 * with no history.
 */
export async function readPreviousFile(input: CsvInput, rowOf: ReadonlyMap<string, number>, count: number, rankCodes: readonly string[], currencyDigits: number) {
  const errors = new FileErrors(), R = rankCodes.length;
  const history: Required<Pick<Snapshot, "previousPaidAs" | "highest" | "graceUsed" | "qualifiedStreak" | "pendingIn" | "carryInLeft" | "carryInRight">> = {
    previousPaidAs: new Int8Array(count).fill(-1),
    highest: new Int8Array(count).fill(-1),
    graceUsed: new Uint8Array(count),
    qualifiedStreak: new Uint8Array(count * R),
    pendingIn: new Float64Array(count),
    carryInLeft: new Float64Array(count),
    carryInRight: new Float64Array(count),
  };
  const rank = (line: number, column: string, text: string) => {
    const r = text ? rankCodes.indexOf(text) : -1;
    if (r < 0 && text) errors.add(line, column, `"${text}" is not a rank of this plan (${rankCodes.join(", ") || "it has none"})`);
    return r;
  };
  const whole = (line: number, column: string, text: string, max: number) => {
    if (!text) return 0;
    if (!/^\d{1,15}$/.test(text) || +text > max) errors.add(line, column, `"${text}" is not a whole number up to ${max}`);
    return Math.min(+text || 0, max);
  };
  await readRows(input, ["code"], ["paid_as", "highest", "grace_used", "qualified_streak", "pending", "carry_left", "carry_right"], errors, (row) => {
    const at = rowOf.get(row.get("code"));
    if (at === undefined) return; // someone who left the network: their history is not needed
    history.previousPaidAs[at] = rank(row.line, "paid_as", row.get("paid_as"));
    history.highest[at] = rank(row.line, "highest", row.get("highest"));
    history.graceUsed[at] = whole(row.line, "grace_used", row.get("grace_used"), 255);
    const streak = row.get("qualified_streak").split(" ").filter(Boolean);
    if (streak.length && streak.length !== R) errors.add(row.line, "qualified_streak", `expected ${R} numbers (one per rank), found ${streak.length}`);
    else streak.forEach((s, r) => (history.qualifiedStreak[at * R + r] = whole(row.line, "qualified_streak", s, 255)));
    const pending = row.get("pending"), minor = pending ? parseMinor(pending, currencyDigits) : 0;
    if (minor === null) errors.add(row.line, "pending", `"${pending}" is not an amount with ${currencyDigits} decimals`);
    history.pendingIn[at] = minor ?? 0;
    for (const [column, into] of [["carry_left", history.carryInLeft], ["carry_right", history.carryInRight]] as const) {
      const text = row.get(column), value = text ? parseHundredths(text) : 0;
      if (value === null) errors.add(row.line, column, `"${text}" is not a volume`);
      else into[at] = value;
    }
  });
  return errors.count ? ({ ok: false, errors } as const) : ({ ok: true, history } as const);
}

/** "15.00" → 1500 for a two-decimal currency ("15" too); null when not that shape. */
function parseMinor(text: string, digits: number): number | null {
  const m = (digits ? new RegExp(`^(\\d{1,13})(?:\\.(\\d{${digits}}))?$`) : /^(\d{1,15})()$/).exec(text);
  return m ? Number(m[1]!) * 10 ** digits + Number(m[2] || 0) : null;
}
