import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type postgres from "postgres";
import type { Db, DbOrTx } from "@/db/client";
import { compAdjustments, compClawbacks, compRuns, periods, type CompRunKind, type CompRunPhase, type CompRunSummary } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { AppError, uniqueViolation } from "@/server/errors";
import { copyBinary } from "@/server/network/import/copy-binary";
import { compilePlan } from "../compile";
import { runEngine, type EngineResult } from "../engine";
import { activePlanForPeriod, getPlanVersion } from "../plan-store";
import { consultantChunks, CONSULTANT_COLUMNS, lineChunks, LINE_COLUMNS, type ExtraLine } from "./encode";
import { loadPeriodSnapshot, rawClient } from "./load-snapshot";
import { buildSummary } from "./summary";

/**
 * Commission runs on the database. A run row (comp_runs) is created queued and a graphile-worker
 * job (COMP_RUN_TASK, queue "comp_runs": one run at a time) executes it:
 *   [close only: the commerce period is closed to orders] → snapshot (one REPEATABLE READ read)
 *   → engine (pure, in memory) → ONE write transaction: lines and per-consultant rows by binary COPY,
 *   [preview: the previous previews' lines deleted], [close: one balanced journal entry —
 *   Dr commissions expense Σ, Cr each consultant's wallet their Σ lines — set-based, adjustments
 *   and clawbacks marked applied], the run row finished.
 * Progress (phase, percent) is written outside that transaction, throttled to one write per
 * 250 ms plus one per phase; cancel is checked between phases and once more by the final update
 * (a cancel requested while the write transaction runs rolls it back: nothing is posted).
 *
 * Exactly once: a period has at most one close run queued/running/closed/published (partial unique
 * index comp_runs_one_close_per_period), a job claims its run with `status = 'queued'` → running
 * (a retried or duplicate job finds nothing to do), and the write transaction finishes only a run
 * still running with no cancel requested. So two closes, concurrent or retried, post one entry.
 */

export const COMP_RUN_TASK = "comp_run";
const PROGRESS_MS = 250;

export class RunCancelled extends Error {}

export async function enqueueRun(tx: DbOrTx, runId: number) {
  await tx.execute(sql`select graphile_worker.add_job(${COMP_RUN_TASK}, json_build_object('runId', ${runId}::int), queue_name := 'comp_runs', job_key := ${`comp_run:${runId}`}, max_attempts := 1)`);
}

/** Creates a queued run of the period with the plan version in force, and its job. */
export async function startRun(db: Db, input: { periodId: number; kind: CompRunKind; actorUserId: string | null; enqueue?: boolean }) {
  return db.transaction(async (tx) => {
    const [period] = await tx.select().from(periods).where(eq(periods.id, input.periodId));
    if (!period) throw new AppError("NOT_FOUND", "compRuns.errors.periodNotFound");
    const [final] = await tx
      .select({ id: compRuns.id })
      .from(compRuns)
      .where(and(eq(compRuns.periodId, input.periodId), inArray(compRuns.status, ["closed", "published"])));
    if (final) throw new AppError("CONFLICT", "compRuns.errors.periodFinal", { period: period.code });
    const plan = await activePlanForPeriod(tx, input.periodId);
    if (!plan) throw new AppError("BAD_REQUEST", "compRuns.errors.noPlan", { period: period.code });
    let run;
    try {
      [run] = await tx.insert(compRuns).values({ periodId: input.periodId, planVersionId: plan.id, kind: input.kind, currency: plan.definition.currency, createdBy: input.actorUserId }).returning();
    } catch (error) {
      if (uniqueViolation(error)) throw new AppError("CONFLICT", "compRuns.errors.alreadyClosing", { period: period.code });
      throw error;
    }
    if (input.kind === "close") await recordAudit(tx, { actorUserId: input.actorUserId, action: "comp_run.close", entityType: "comp_run", entityId: run!.id, after: { periodId: input.periodId, planVersionId: plan.id } });
    if (input.enqueue !== false) await enqueueRun(tx, run!.id);
    return run!;
  });
}

/** Progress weights: where each phase starts, in percent of the whole run. */
const PHASE_START: Record<CompRunPhase, number> = { queued: 0, snapshot: 2, engine: 20, lines: 45, consultants: 80, ledger: 88, summary: 96, finished: 100 };

export type ExecuteOptions = {
  /** Called after each phase with its wall time (ms), and the peak RSS so far (bytes). For the bench. */
  onPhase?: (phase: string, ms: number) => void;
  /** Test hook: runs inside the write transaction before the run row is finished. */
  beforeFinish?: () => Promise<void>;
};

/** The job's body. Returns the run's final status, or null when there was nothing to do. */
export async function executeRun(db: Db, runId: number, options: ExecuteOptions = {}): Promise<string | null> {
  const [run] = await db
    .update(compRuns)
    .set({ status: "running", phase: "snapshot", percent: PHASE_START.snapshot, startedAt: new Date() })
    .where(and(eq(compRuns.id, runId), eq(compRuns.status, "queued"), eq(compRuns.cancelRequested, false)))
    .returning();
  if (!run) {
    // Cancelled while queued: say so on the row (a cancel of a queued run normally does it itself).
    await db.update(compRuns).set({ status: "cancelled", finishedAt: new Date() }).where(and(eq(compRuns.id, runId), eq(compRuns.status, "queued")));
    return null;
  }
  const timings: Record<string, number> = {};
  let clock = performance.now(), lastWrite = 0;
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - clock);
    options.onPhase?.(name, now - clock);
    clock = now;
  };
  const progress = async (phase: CompRunPhase, percent: number, force = false) => {
    const now = Date.now();
    if (!force && now - lastWrite < PROGRESS_MS) return;
    lastWrite = now;
    await db.update(compRuns).set({ phase, percent: Math.min(100, Math.max(0, Math.round(percent))) }).where(and(eq(compRuns.id, runId), eq(compRuns.status, "running")));
  };
  const checkCancel = async () => {
    const [row] = await db.select({ cancel: compRuns.cancelRequested }).from(compRuns).where(eq(compRuns.id, runId));
    if (row?.cancel) throw new RunCancelled();
  };
  try {
    const stored = await getPlanVersion(db, run.planVersionId);
    if (!stored) throw new Error(`plan version ${run.planVersionId} not found`);
    const plan = compilePlan(stored.definition);
    const currency = stored.definition.currency;
    if (run.kind === "close") await closeCommercePeriod(db, run.periodId, run.createdBy);
    const { snapshot, ids } = await loadPeriodSnapshot(db, run.periodId, plan);
    lap("snapshot");
    await checkCancel();
    await progress("engine", PHASE_START.engine, true);
    const engineStart = performance.now();
    const result = runEngine(snapshot, plan, { onPhase: (p, ms) => (timings[`engine.${p}`] = Math.round(ms)) });
    timings.engine = Math.round(performance.now() - engineStart);
    options.onPhase?.("engine", performance.now() - engineStart);
    clock = performance.now();
    await checkCancel();

    // Adjustments and clawbacks waiting for this period become lines after the engine's.
    const extras = await extraLines(db, run.periodId);
    const totals = Float64Array.from(result.paid);
    const outside = new Map<number, number>();
    const indexOf = new Map<number, number>();
    if (extras.length) for (let i = 0; i < ids.length; i++) indexOf.set(ids[i]!, i);
    for (const x of extras) {
      const i = indexOf.get(x.consultantId);
      if (i !== undefined) totals[i] = totals[i]! + x.amount;
      else outside.set(x.consultantId, (outside.get(x.consultantId) ?? 0) + x.amount);
    }
    const built = buildSummary(result, snapshot, ids, totals, outside, extras, currency);
    lap("prepare");
    await progress("lines", PHASE_START.lines, true);

    const status = await db.transaction(async (tx) => {
      const raw = rawClient(tx) as postgres.TransactionSql;
      if (run.kind === "preview") {
        // The previous previews' lines give way to this one's (their rows keep status and summary).
        await tx.execute(sql`delete from comp_run_lines where run_id in (select id from comp_runs where period_id = ${run.periodId} and kind = 'preview' and id <> ${runId})`);
        await tx.execute(sql`delete from comp_run_consultants where run_id in (select id from comp_runs where period_id = ${run.periodId} and kind = 'preview' and id <> ${runId})`);
      }
      const lineCount = result.lines.count + extras.length;
      await copyBinary(raw, LINE_COLUMNS, {}, lineChunks(runId, result, snapshot, ids, extras, (done) => void progress("lines", PHASE_START.lines + ((PHASE_START.consultants - PHASE_START.lines) * done) / Math.max(1, lineCount)).catch(() => {})));
      lap("lines");
      await progress("consultants", PHASE_START.consultants, true);
      await copyBinary(raw, CONSULTANT_COLUMNS, {}, consultantChunks(runId, result, snapshot, ids, totals, outside));
      lap("consultants");
      let entryId: number | null = null;
      if (run.kind === "close") {
        await progress("ledger", PHASE_START.ledger, true);
        entryId = await postClose(raw, runId, currency, built.summary.totalPaid);
        await tx.update(compAdjustments).set({ appliedRunId: runId }).where(and(eq(compAdjustments.periodId, run.periodId), isNull(compAdjustments.appliedRunId), isNull(compAdjustments.deletedAt)));
        await tx.update(compClawbacks).set({ appliedRunId: runId }).where(and(eq(compClawbacks.periodId, run.periodId), isNull(compClawbacks.appliedRunId)));
        lap("ledger");
      }
      await progress("summary", PHASE_START.summary, true);
      const summary: CompRunSummary = { ...built.summary, ...(await names(tx, built.topIds, built.promotedIds, totals, ids, outside)), timings };
      await options.beforeFinish?.();
      const now = new Date();
      const final = run.kind === "close" ? "closed" : "done";
      const [done] = await tx
        .update(compRuns)
        .set({
          status: final,
          phase: "finished",
          percent: 100,
          inputHash: result.inputHash,
          outputHash: result.outputHash,
          consultantCount: built.summary.consultants,
          lineCount,
          totalPaid: Number(built.summary.totalPaid),
          summary,
          ledgerEntryId: entryId,
          finishedAt: now,
          ...(run.kind === "close" ? { closedAt: now, closedBy: run.createdBy } : {}),
        })
        .where(and(eq(compRuns.id, runId), eq(compRuns.status, "running"), eq(compRuns.cancelRequested, false)))
        .returning({ id: compRuns.id });
      if (!done) throw new RunCancelled();
      lap("finish");
      return final;
    });
    return status;
  } catch (error) {
    if (error instanceof RunCancelled) {
      await db.update(compRuns).set({ status: "cancelled", finishedAt: new Date() }).where(and(eq(compRuns.id, runId), eq(compRuns.status, "running")));
      return "cancelled";
    }
    const message = error instanceof AppError ? error.messageKey : error instanceof Error ? error.message : String(error);
    await db.update(compRuns).set({ status: "failed", error: message.slice(0, 2000), finishedAt: new Date() }).where(and(eq(compRuns.id, runId), eq(compRuns.status, "running")));
    if (!(error instanceof AppError)) console.error(`[comp run ${runId}] failed:`, error);
    return "failed";
  }
}

/** Closes the commerce period to orders and returns (idempotent), under the same lock orders take in share mode. */
async function closeCommercePeriod(db: Db, periodId: number, actorUserId: string | null) {
  await db.transaction(async (tx) => {
    const [period] = await tx.select().from(periods).where(eq(periods.id, periodId)).for("update");
    if (!period || period.status === "closed") return;
    await tx.update(periods).set({ status: "closed" }).where(eq(periods.id, periodId));
    await recordAudit(tx, { actorUserId, action: "period.close", entityType: "period", entityId: periodId, before: { status: "open" }, after: { status: "closed", by: "comp_run" } });
  });
}

/**
 * The close's ONE journal entry, set-based: wallets created where missing, a credit per consultant
 * with a non-zero total (Σ of their lines; negative totals from clawbacks are debits), and the
 * commissions expense debited with the sum. The balance trigger sums the entry once (migration 0015).
 */
async function postClose(tx: postgres.TransactionSql, runId: number, currency: string, total: string): Promise<number | null> {
  // Keyed as accounts_owner_key is (kind, coalesce(consultant_id, 0), currency), so every lookup is
  // an index probe.
  await tx`insert into accounts (kind, consultant_id, currency)
           select 'wallet', c.consultant_id, ${currency} from comp_run_consultants c
            where c.run_id = ${runId} and c.total <> 0
            order by c.consultant_id
           on conflict do nothing`;
  const [any] = await tx`select 1 from comp_run_consultants where run_id = ${runId} and total <> 0 limit 1`;
  if (!any) return null;
  await tx`insert into accounts (kind, currency) values ('commissions_expense', ${currency}) on conflict do nothing`;
  const [entry] = await tx<{ id: string }[]>`
    insert into journal_entries (kind, memo, source_type, source_id)
    values ('commission.close', ${`Fechamento de comissões: apuração ${runId}`}, 'comp_run', ${String(runId)}) returning id::text`;
  const entryId = Number(entry!.id);
  // Each wallet by an index probe (a correlated subquery), whatever the planner believes about
  // accounts: its statistics predate the wallets just created, and a join planned on them
  // scanned accounts once per consultant (170-450 s at 30k wallets).
  await tx`insert into postings (entry_id, account_id, amount, currency)
           select ${entryId}, (select a.id from accounts a where a.kind = 'wallet' and coalesce(a.consultant_id, 0) = c.consultant_id and a.currency = ${currency}), -c.total, ${currency}
             from comp_run_consultants c
            where c.run_id = ${runId} and c.total <> 0
            order by c.consultant_id`;
  if (total !== "0")
    await tx`insert into postings (entry_id, account_id, amount, currency)
             select ${entryId}, id, ${total}::bigint, ${currency} from accounts where kind = 'commissions_expense' and consultant_id is null and currency = ${currency}`;
  return entryId;
}

/** Unapplied adjustments and clawbacks of the period, as lines (adjustments first, each by id). */
export async function extraLines(db: DbOrTx, periodId: number): Promise<ExtraLine[]> {
  const adjustments = await db
    .select()
    .from(compAdjustments)
    .where(and(eq(compAdjustments.periodId, periodId), isNull(compAdjustments.appliedRunId), isNull(compAdjustments.deletedAt)))
    .orderBy(compAdjustments.id);
  const clawbacks = await db
    .select()
    .from(compClawbacks)
    .where(and(eq(compClawbacks.periodId, periodId), isNull(compClawbacks.appliedRunId)))
    .orderBy(compClawbacks.id);
  return [
    ...adjustments.map((a) => ({ consultantId: a.consultantId, bonus: "adjustment" as const, amount: a.amount, sourceConsultantId: null, rule: "adjustment.manual", adjustmentId: a.id, clawbackId: null })),
    ...clawbacks.map((c) => ({ consultantId: c.consultantId, bonus: "clawback" as const, amount: c.amount, sourceConsultantId: c.sourceConsultantId, rule: "clawback.return", adjustmentId: null, clawbackId: c.id })),
  ];
}

async function names(db: DbOrTx, topIds: number[], promoted: { id: number; from: string | null; to: string }[], totals: Float64Array, ids: Int32Array, outside: Map<number, number>) {
  const wanted = [...new Set([...topIds, ...promoted.map((p) => p.id)])];
  const rows = wanted.length
    ? ((await db.execute(sql`select id::int as id, code, full_name as name, rank from consultants where id in ${sql.raw(`(${wanted.join(",")})`)}`)) as unknown as { id: number; code: string; name: string; rank: string | null }[])
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const totalOf = new Map<number, number>();
  for (const id of topIds) {
    let total = outside.get(id);
    if (total === undefined) {
      let lo = 0, hi = ids.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        if (ids[mid] === id) {
          total = totals[mid];
          break;
        }
        if (ids[mid]! < id) lo = mid + 1;
        else hi = mid - 1;
      }
    }
    totalOf.set(id, total ?? 0);
  }
  return {
    top: topIds.map((id) => ({ consultantId: id, code: byId.get(id)?.code ?? String(id), name: byId.get(id)?.name ?? "", rank: byId.get(id)?.rank ?? null, amount: String(totalOf.get(id) ?? 0) })),
    promoted: promoted.map((p) => ({ consultantId: p.id, code: byId.get(p.id)?.code ?? String(p.id), name: byId.get(p.id)?.name ?? "", from: p.from, to: p.to })),
  };
}

/** Asks a queued or running run to stop (a queued one stops at once). Refused once closed. */
export async function cancelRun(db: Db, runId: number, actorUserId: string) {
  return db.transaction(async (tx) => {
    const [run] = await tx.select().from(compRuns).where(eq(compRuns.id, runId)).for("update");
    if (!run) throw new AppError("NOT_FOUND", "compRuns.errors.notFound");
    if (run.status !== "queued" && run.status !== "running") throw new AppError("CONFLICT", "compRuns.errors.notCancellable", { status: run.status });
    await tx
      .update(compRuns)
      .set(run.status === "queued" ? { cancelRequested: true, status: "cancelled", finishedAt: new Date() } : { cancelRequested: true })
      .where(eq(compRuns.id, runId));
    await recordAudit(tx, { actorUserId, action: "comp_run.cancel", entityType: "comp_run", entityId: runId, before: { status: run.status } });
    return { id: runId };
  });
}

/** Makes a closed run's lines visible to consultants. */
export async function publishRun(db: Db, runId: number, actorUserId: string) {
  return db.transaction(async (tx) => {
    const [run] = await tx.select().from(compRuns).where(eq(compRuns.id, runId)).for("update");
    if (!run) throw new AppError("NOT_FOUND", "compRuns.errors.notFound");
    if (run.status === "published") return run;
    if (run.status !== "closed") throw new AppError("CONFLICT", "compRuns.errors.notPublishable", { status: run.status });
    const [row] = await tx.update(compRuns).set({ status: "published", publishedAt: new Date(), publishedBy: actorUserId }).where(eq(compRuns.id, runId)).returning();
    await recordAudit(tx, { actorUserId, action: "comp_run.publish", entityType: "comp_run", entityId: runId, before: { status: "closed" }, after: { status: "published" } });
    return row!;
  });
}

export type { EngineResult };
