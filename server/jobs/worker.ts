import { Logger, parseCronItems, run, type Runner, type TaskList } from "graphile-worker";
import { z } from "zod";
import { createDb, type Db } from "@/db/client";
import { pruneRateLimits } from "../auth/rate-limit";
import { markAbandonedCarts } from "../commerce/orders";
import { COMP_RUN_TASK, executeRun } from "../compensation/runs/execute";
import { deliverOutboxEmail } from "../email/deliver";
import { DELIVER_EMAIL_TASK } from "../email/outbox";
import { importTasks } from "../network/import/jobs";
import { VACUUM_TREES_TASK, vacuumTrees } from "../network/tree/vacuum";
import { SLA_ALERTS_TASK, sendSlaAlerts } from "../sla/alerts";

export const PRUNE_RATE_LIMITS_TASK = "prune_rate_limits";
export const MARK_ABANDONED_CARTS_TASK = "mark_abandoned_carts";
const DAY_MS = 24 * 60 * 60 * 1000;

// add_job stores the id through json_build_object, so it arrives as a JSON number.
const deliverEmailPayload = z.object({ outboxId: z.coerce.number().int().positive() });

/** The handlers, separate from `run()` so tests can drive them with graphile-worker's `runOnce`. */
export function buildTaskList(db: Db): TaskList {
  return {
    ...importTasks(db),
    [COMP_RUN_TASK]: async (payload) => {
      await executeRun(db, z.object({ runId: z.coerce.number().int().positive() }).parse(payload).runId);
    },
    [DELIVER_EMAIL_TASK]: async (payload, helpers) => {
      const { outboxId } = deliverEmailPayload.parse(payload);
      // `attempts` already counts this run; on the last one a failure is final for the admin.
      await deliverOutboxEmail(db, outboxId, { finalAttempt: helpers.job.attempts >= helpers.job.max_attempts });
    },
    [VACUUM_TREES_TASK]: async () => {
      await vacuumTrees(db);
    },
    [PRUNE_RATE_LIMITS_TASK]: async () => {
      // Every limit window is far shorter than a day, so older counters can no longer matter.
      await pruneRateLimits(db, new Date(Date.now() - DAY_MS));
    },
    [SLA_ALERTS_TASK]: async () => {
      // Idempotent: each (incident, threshold) is recorded once with its e-mails.
      await sendSlaAlerts(db);
    },
    [MARK_ABANDONED_CARTS_TASK]: async () => {
      // Idempotent: a cart is marked once; the threshold is the company's setting, read per run.
      await markAbandonedCarts(db);
    },
  };
}

const cronItems = parseCronItems([
  // Daily at 03:17 UTC (graphile-worker's cron clock); no backfill: a missed night is covered by the next one.
  { task: PRUNE_RATE_LIMITS_TASK, match: "17 3 * * *", identifier: PRUNE_RATE_LIMITS_TASK },
  // Every 15 minutes: abandonment is measured in hours, so a cart is marked at most ~15 min late.
  { task: MARK_ABANDONED_CARTS_TASK, match: "*/15 * * * *", identifier: MARK_ABANDONED_CARTS_TASK },
  // Every 5 minutes: an SLA threshold is announced at most ~5 min after it is crossed.
  { task: SLA_ALERTS_TASK, match: "*/5 * * * *", identifier: SLA_ALERTS_TASK },
]);

// Job failures are retried and recorded on their rows; info-level chatter would drown the app log.
const quietLogger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.error(`[worker] ${message}`);
});

type WorkerHandle = { runner: Runner; close: () => Promise<void> };

// One worker per process, even when Next re-evaluates modules (dev reloads, several route bundles).
const holder = globalThis as unknown as { __redeWorker?: Promise<WorkerHandle> };

export type StartWorkerOptions = { connectionString: string; concurrency?: number };

/**
 * Starts the job runner in this process (idempotent per process). Several processes may each run
 * one: graphile-worker hands every job to exactly one of them.
 */
export function startWorker({ connectionString, concurrency = 2 }: StartWorkerOptions): Promise<Runner> {
  holder.__redeWorker ??= (async () => {
    // Own pool: each running job holds one connection for its transaction, plus one spare.
    const { db, client } = createDb(connectionString, { max: concurrency + 1 });
    try {
      const runner = await run({
        connectionString,
        concurrency,
        taskList: buildTaskList(db),
        parsedCronItems: cronItems,
        logger: quietLogger,
        // The host process (Next or scripts/worker.ts) owns signals and calls stopWorker().
        noHandleSignals: true,
      });
      return { runner, close: () => client.end({ timeout: 5 }) };
    } catch (error) {
      await client.end({ timeout: 5 });
      throw error;
    }
  })().catch((error: unknown) => {
    holder.__redeWorker = undefined; // let a later call try again
    throw error;
  });
  return holder.__redeWorker.then((handle) => handle.runner);
}

/** WORKER_CONCURRENCY, or 2: small, because the app serves requests from the same process. */
export function concurrencyFromEnv() {
  const value = Number(process.env.WORKER_CONCURRENCY);
  return Number.isInteger(value) && value > 0 ? value : 2;
}

/**
 * Inside Next: Next exits on SIGINT/SIGTERM after its own cleanup; meanwhile let running jobs
 * finish (a job cut off stays locked until graphile-worker's lock timeout frees it).
 */
export function stopWorkerOnSignals() {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void stopWorker().catch(() => {}));
  }
}

/** Stops taking jobs, waits for running ones to finish, then closes the pool. */
export async function stopWorker() {
  const pending = holder.__redeWorker;
  if (!pending) return;
  holder.__redeWorker = undefined;
  const handle = await pending.catch(() => undefined);
  if (!handle) return;
  await handle.runner.stop();
  await handle.close();
}
