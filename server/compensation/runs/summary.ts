import type { CompRunSummary } from "@/db/schema";
import { currencyDigits } from "@/server/commerce/money";
import type { EngineResult } from "../engine";
import { BONUS_KINDS } from "../lines";
import type { Snapshot } from "../snapshot";
import type { ExtraLine } from "./encode";

export type Named = { id: number; code: string; name: string };

/**
 * The run's summary (comp_runs.summary), from the engine's result and the extra lines, in one pass
 * over the consultants. `totals` is each snapshot index's Σ lines; `outside` the consultants only
 * extras paid. Names of the top earners and of the first promoted are looked up by the caller.
 */
export function buildSummary(
  result: EngineResult,
  s: Snapshot,
  ids: Int32Array,
  totals: Float64Array,
  outside: Map<number, number>,
  extras: ExtraLine[],
  currency: string,
): { summary: Omit<CompRunSummary, "top" | "promoted" | "timings">; topIds: number[]; promotedIds: { id: number; from: string | null; to: string }[] } {
  const codes = result.plan.rankCodes;
  const byRank = new Map<string, { consultants: number; amount: bigint }>();
  const unit = 10 ** currencyDigits(currency);
  const edges = [10, 100, 1_000, 10_000, 100_000].map((e) => e * unit);
  const buckets = [{ from: 0, upTo: 0 as number | null }, ...edges.map((e, k) => ({ from: k === 0 ? 0 : edges[k - 1]! / unit, upTo: e / unit })), { from: edges[edges.length - 1]! / unit, upTo: null }].map((b) => ({ ...b, consultants: 0, amount: 0n }));
  const bucketOf = (total: number) => {
    if (total <= 0) return 0;
    let k = 0;
    while (k < edges.length && total >= edges[k]!) k++;
    return k + 1;
  };
  // Top 10 by total: a small sorted list.
  const top: { id: number; total: number }[] = [];
  const consider = (id: number, total: number) => {
    if (total <= 0 || (top.length >= 10 && total <= top[top.length - 1]!.total)) return;
    top.push({ id, total });
    top.sort((a, b) => b.total - a.total || a.id - b.id);
    if (top.length > 10) top.pop();
  };
  const promotedIds: { id: number; from: string | null; to: string }[] = [];
  let promotedCount = 0;
  let paid = 0n;
  const { paidAs, achieved } = result.ranks;
  for (let i = 0; i < s.count; i++) {
    const total = totals[i]!;
    const code = paidAs[i]! >= 0 ? codes[paidAs[i]!]! : "";
    const r = byRank.get(code) ?? { consultants: 0, amount: 0n };
    r.consultants++;
    if (total) r.amount += BigInt(total);
    byRank.set(code, r);
    const b = buckets[bucketOf(total)]!;
    b.consultants++;
    if (total) (b.amount += BigInt(total)), (paid += BigInt(total));
    consider(ids[i]!, total);
    const before = s.highest ? s.highest[i]! : -1;
    if (achieved[i]! > before) {
      promotedCount++;
      if (promotedIds.length < 20) promotedIds.push({ id: ids[i]!, from: before >= 0 ? codes[before]! : null, to: codes[achieved[i]!]! });
    }
  }
  for (const [id, total] of outside) {
    const b = buckets[bucketOf(total)]!;
    b.consultants++;
    b.amount += BigInt(total);
    paid += BigInt(total);
    consider(id, total);
  }
  const byBonus = BONUS_KINDS.filter((k) => result.totals.linesByBonus[k] > 0).map((k) => ({ bonus: k as string, lines: result.totals.linesByBonus[k], amount: result.totals.byBonus[k].toString() }));
  const adjust = extras.filter((x) => x.bonus === "adjustment"), claw = extras.filter((x) => x.bonus === "clawback");
  const sum = (xs: ExtraLine[]) => xs.reduce((a, x) => a + BigInt(x.amount), 0n);
  if (adjust.length) byBonus.push({ bonus: "adjustment", lines: adjust.length, amount: sum(adjust).toString() });
  if (claw.length) byBonus.push({ bonus: "clawback", lines: claw.length, amount: sum(claw).toString() });
  // Payout as % of CV: CV (hundredths of a point) × minor units per point / 100 is the CV's money value.
  const cvMoney = (result.totals.cv * BigInt(result.plan.minorUnitsPerPoint)) / 100n;
  const payoutBp = cvMoney > 0n ? Number((paid * 10_000n + cvMoney / 2n) / cvMoney) : null;
  return {
    summary: {
      currency,
      consultants: s.count + outside.size,
      lines: result.lines.count + extras.length,
      totalPaid: paid.toString(),
      totalCv: result.totals.cv.toString(),
      payoutBp,
      byBonus,
      byRank: [...byRank].map(([rank, v]) => ({ rank, consultants: v.consultants, amount: v.amount.toString() })).sort((a, b) => (a.rank === "" ? -1 : b.rank === "" ? 1 : codes.indexOf(a.rank) - codes.indexOf(b.rank))),
      rankNames: Object.fromEntries(result.plan.plan.ranks.ladder.map((r) => [r.code, r.name])),
      promotedCount,
      distribution: buckets.map((b) => ({ from: b.from, upTo: b.upTo, consultants: b.consultants, amount: b.amount.toString() })),
      adjustments: { count: adjust.length, amount: sum(adjust).toString() },
      clawbacks: { count: claw.length, amount: sum(claw).toString() },
    },
    topIds: top.map((t) => t.id),
    promotedIds,
  };
}
