import { BinaryRows } from "@/server/network/import/copy-binary";
import type { EngineResult } from "../engine";
import { BONUS, BONUS_KINDS, FLAG_CAPPED, FLAG_ROLLED_UP } from "../lines";
import { lineAmount, lineExact, LINE_DENOMINATOR } from "../rounding";
import type { Snapshot } from "../snapshot";

/** A line the engine does not make: a manual adjustment or a clawback, appended after the engine's lines. */
export type ExtraLine = {
  consultantId: number;
  bonus: "adjustment" | "clawback";
  amount: number;
  sourceConsultantId: number | null;
  rule: string;
  adjustmentId: number | null;
  clawbackId: number | null;
};

const RULES: Record<string, string> = {
  unilevel: "unilevel.level",
  binary: "binary.weaker_leg",
  matrix: "matrix.level",
  stair_step: "stair_step.differential",
  breakaway_override: "stair_step.generation_override",
  generation: "generation.level",
  fast_start: "fast_start.level",
  payout_held: "payout.below_minimum",
  payout_released: "payout.pending_released",
};

/** comp_run_lines columns in the order the COPY below writes them. */
export const LINE_COLUMNS =
  "comp_run_lines (run_id, line_no, consultant_id, bonus, amount, source_consultant_id, level, rank, pct_bp, base_volume, exact_numerator, rounding_remainder, rule, compressed_count, rolled_up_from, group_head, paid_below_bp, flags, adjustment_id, clawback_id)";
const LINE_FIELDS = 20;

/** The engine's lines then the extras, as binary COPY chunks, `onRows` told every 64k lines (progress). */
export function* lineChunks(runId: number, result: EngineResult, snapshot: Snapshot, ids: Int32Array, extras: ExtraLine[], onRows?: (done: number) => void): Generator<Buffer> {
  const out = new BinaryRows();
  const lines = result.lines, mupp = result.plan.minorUnitsPerPoint, codes = result.plan.rankCodes;
  const paired = result.binary?.paired;
  const D = LINE_DENOMINATOR;
  for (let k = 0; k < lines.chunks.length; k++) {
    const c = lines.chunks[k]!, used = Math.min(c.amount.length, lines.count - k * (1 << 18));
    for (let j = 0; j < used; j++) {
      const no = k * (1 << 18) + j;
      const consultant = c.consultant[j]!, bonus = c.bonus[j]!, amount = c.amount[j]!, source = c.source[j]!, flags = c.flags[j]!, pct = c.pctBp[j]!, detail = c.detail[j]!, rank = c.rank[j]!;
      const payout = bonus === BONUS.payout_held || bonus === BONUS.payout_released;
      const rolled = (flags & FLAG_ROLLED_UP) !== 0;
      const base = payout ? 0 : bonus === BONUS.binary ? paired![consultant]! : snapshot.cv[source]!;
      out.row(LINE_FIELDS);
      out.int4(runId);
      out.int4(no);
      out.int8(ids[consultant]!);
      out.text(BONUS_KINDS[bonus]!);
      out.int8(amount);
      if (payout) out.null();
      else out.int8(ids[source]!);
      out.int2(c.level[j]!);
      out.text(rank >= 0 ? codes[rank]! : null);
      out.int4(pct);
      out.int8(base);
      if (payout) {
        out.text(String(amount * D));
        out.text("0");
      } else {
        const n = base * mupp * pct;
        if (n <= Number.MAX_SAFE_INTEGER) {
          const rounded = (flags & FLAG_CAPPED) !== 0 ? lineAmount(base, mupp, pct) : amount;
          out.text(String(n));
          out.text(String(n - rounded * D));
        } else {
          const exact = lineExact(base, mupp, pct);
          out.text(exact.numerator.toString());
          out.text(exact.remainder.toString());
        }
      }
      out.text(rolled ? "unilevel.roll_up" : RULES[BONUS_KINDS[bonus]!]!);
      if ((bonus === BONUS.unilevel && !rolled) || bonus === BONUS.matrix) out.int4(detail);
      else out.null();
      if (rolled) out.int8(ids[detail]!);
      else out.null();
      if (bonus === BONUS.breakaway_override || bonus === BONUS.generation) out.int8(ids[detail]!);
      else out.null();
      if (bonus === BONUS.stair_step) out.int4(detail);
      else out.null();
      out.int2(flags);
      out.null();
      out.null();
      if ((no & 1023) === 0) {
        yield* out.take();
        if ((no & 65535) === 0) onRows?.(no);
      }
    }
  }
  let no = lines.count;
  for (const x of extras) {
    out.row(LINE_FIELDS);
    out.int4(runId);
    out.int4(no++);
    out.int8(x.consultantId);
    out.text(x.bonus);
    out.int8(x.amount);
    if (x.sourceConsultantId === null) out.null();
    else out.int8(x.sourceConsultantId);
    out.int2(0);
    out.null();
    out.int4(0);
    out.int8(0);
    out.text(String(x.amount * D));
    out.text("0");
    out.text(x.rule);
    out.null();
    out.null();
    out.null();
    out.null();
    out.int2(0);
    if (x.adjustmentId === null) out.null();
    else out.int4(x.adjustmentId);
    if (x.clawbackId === null) out.null();
    else out.int4(x.clawbackId);
  }
  yield* out.end();
}

export const CONSULTANT_COLUMNS =
  "comp_run_consultants (run_id, consultant_id, pv, cv, gv, active, achieved_rank, paid_as_rank, highest_rank, grace_used, qualified_streak, carry_in_left, carry_in_right, leg_left, leg_right, paired, carry_out_left, carry_out_right, pending_in, pending_out, total)";

/** One row per snapshot consultant, plus rows (zeros) for consultants only extras paid. `totals` is each index's Σ lines. */
export function* consultantChunks(runId: number, result: EngineResult, s: Snapshot, ids: Int32Array, totals: Float64Array, outside: Map<number, number>): Generator<Buffer> {
  const out = new BinaryRows();
  const codes = result.plan.rankCodes, R = codes.length, r = result.ranks, b = result.binary;
  const code = (x: number) => (x >= 0 ? codes[x]! : null);
  const streak = r.qualifiedStreak;
  for (let i = 0; i < s.count; i++) {
    out.row(21);
    out.int4(runId);
    out.int8(ids[i]!);
    out.int8(s.pv[i]!);
    out.int8(s.cv[i]!);
    out.int8(r.gv[i]!);
    out.bytes(1, (buf, at) => ((buf[at] = r.active[i]! ? 1 : 0), 1));
    out.text(code(r.achieved[i]!));
    out.text(code(r.paidAs[i]!));
    out.text(code(r.highest[i]!));
    out.int2(r.graceUsed[i]!);
    if (streak) out.bytes(R, (buf, at) => (buf.set(streak.subarray(i * R, i * R + R), at), R));
    else out.null();
    out.int8(s.carryInLeft ? s.carryInLeft[i]! : 0);
    out.int8(s.carryInRight ? s.carryInRight[i]! : 0);
    out.int8(b ? b.legLeft[i]! : 0);
    out.int8(b ? b.legRight[i]! : 0);
    out.int8(b ? b.paired[i]! : 0);
    out.int8(b ? b.carryOutLeft[i]! : 0);
    out.int8(b ? b.carryOutRight[i]! : 0);
    out.int8(s.pendingIn ? s.pendingIn[i]! : 0);
    out.int8(result.pendingOut[i]!);
    out.int8(totals[i]!);
    if ((i & 1023) === 0) yield* out.take();
  }
  for (const [id, total] of outside) {
    out.row(21);
    out.int4(runId);
    out.int8(id);
    for (let k = 0; k < 3; k++) out.int8(0);
    out.bytes(1, (buf, at) => ((buf[at] = 0), 1));
    out.null();
    out.null();
    out.null();
    out.int2(0);
    out.null();
    for (let k = 0; k < 9; k++) out.int8(0);
    out.int8(total);
  }
  yield* out.end();
}
