import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { compClawbacks } from "@/db/schema";

/** What an approved return takes back, as the compensation engine will need it. */
export type ReturnClawback = {
  returnId: number;
  orderId: number;
  consultantId: number;
  /** The period the order's volume was credited in (where its commissions were paid). */
  originalPeriodId: number;
  /** The current period, where the negative volume events were recorded. */
  periodId: number;
  /** Positive amounts taken back: PV and CV in hundredths, value in minor units. */
  pv: number;
  cv: number;
  amount: number;
  currency: string;
};

/** Bonuses paid on a source consultant's own CV: the ones a return of that consultant's order claws back. */
export const CLAWED_BONUSES = ["unilevel", "matrix", "stair_step", "breakaway_override", "generation", "fast_start"] as const;

/** round_half_even(a × b / c) for non-negative integers. */
function mulDivHalfEven(a: bigint, b: bigint, c: bigint): bigint {
  const n = a * b, q = n / c, r = n % c;
  return 2n * r > c || (2n * r === c && q % 2n === 1n) ? q + 1n : q;
}

/**
 * THE COMMISSION CLAWBACK, called inside the return's approval transaction (server/returns/decide.ts),
 * so what it writes commits or rolls back with the return.
 *
 * When the order's period already has a CLOSED commission run, every line of that run that paid
 * on the order consultant's own CV (`source_consultant_id` = them, bonuses in CLAWED_BONUSES) is
 * clawed back in proportion to the CV returned:
 *   clawback = −round_half_even(line.amount × returned CV / the source's CV in that run)
 * (the source's CV as the run read it, comp_run_consultants.cv; the share is at most 1), and never
 * more than what the line paid minus earlier clawbacks of the same line. One comp_clawbacks row per
 * line, in the CURRENT period (`periodId`, open: the approval refuses a closed one), traced to the
 * original run and line. They are NOT posted now: they become 'clawback' lines of that period's
 * runs (previews show them) and are posted by its close, netted into each earner's wallet credit
 * (a net negative total debits the wallet).
 *
 * Not clawed: binary lines (they pay on leg totals, not on one consultant's CV: the period's
 * leg volume and carry are final once closed), payout_held/released, adjustments. When the order's
 * period has no closed run yet, there is nothing to claw: the return's negative volume falls in
 * the current period. (If that older period is commerce-closed but its run is not closed yet, the
 * later close pays on the full volume — a known gap: such returns should be refused or deferred.)
 */
export async function clawBackCommissionsForReturn(tx: DbOrTx, clawback: ReturnClawback): Promise<void> {
  if (clawback.cv <= 0 || clawback.originalPeriodId === clawback.periodId) return;
  const [run] = (await tx.execute(sql`
    select r.id, r.currency, c.cv::text as source_cv
      from comp_runs r join comp_run_consultants c on c.run_id = r.id and c.consultant_id = ${clawback.consultantId}
     where r.period_id = ${clawback.originalPeriodId} and r.status in ('closed', 'published')`)) as unknown as { id: number; currency: string; source_cv: string }[];
  if (!run || BigInt(run.source_cv) <= 0n) return;
  const sourceCv = BigInt(run.source_cv);
  const returned = BigInt(clawback.cv) > sourceCv ? sourceCv : BigInt(clawback.cv);
  const lines = (await tx.execute(sql`
    select l.line_no, l.consultant_id::int as consultant_id, l.amount::text as amount,
           coalesce((select -sum(k.amount) from comp_clawbacks k where k.original_run_id = l.run_id and k.original_line_no = l.line_no), 0)::text as clawed
      from comp_run_lines l
     where l.run_id = ${run.id} and l.source_consultant_id = ${clawback.consultantId} and l.amount > 0
       and l.bonus in (${sql.join(CLAWED_BONUSES.map((b) => sql`${b}`), sql`, `)})
     order by l.line_no`)) as unknown as { line_no: number; consultant_id: number; amount: string; clawed: string }[];
  const rows = [];
  for (const line of lines) {
    const paid = BigInt(line.amount), left = paid - BigInt(line.clawed);
    let take = mulDivHalfEven(paid, returned, sourceCv);
    if (take > left) take = left;
    if (take <= 0n) continue;
    rows.push({
      periodId: clawback.periodId,
      consultantId: line.consultant_id,
      amount: -Number(take),
      currency: run.currency,
      originalRunId: run.id,
      originalLineNo: line.line_no,
      returnId: clawback.returnId,
      orderId: clawback.orderId,
      sourceConsultantId: clawback.consultantId,
      returnedCv: Number(returned),
      sourceCv: Number(sourceCv),
    });
  }
  if (rows.length) await tx.insert(compClawbacks).values(rows);
}
