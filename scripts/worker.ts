/**
 * Runs the job worker on its own (`npm run worker`), for deployments that keep jobs off the app
 * instances (start those with RUN_WORKER=false). Any number of these may run at once.
 */
import { concurrencyFromEnv, startWorker, stopWorker } from "@/server/jobs/worker";

const connectionString = process.env.DATABASE_URL;
if (!connectionString) {
  console.error(
    "DATABASE_URL is not set. The worker needs the app's database, e.g.\n" +
      "  DATABASE_URL=postgres://user@host:5432/rede npm run worker",
  );
  process.exit(1);
}

const concurrency = concurrencyFromEnv();
const runner = await startWorker({ connectionString, concurrency });
console.log(`[worker] running (concurrency ${concurrency}); Ctrl+C to stop`);

let stopping = false;
async function shutdown(signal: NodeJS.Signals) {
  if (stopping) {
    // A second signal means "now": jobs cut off here are retried after their lock expires.
    console.error(`[worker] ${signal} again; exiting without waiting`);
    process.exit(1);
  }
  stopping = true;
  console.log(`[worker] ${signal}: finishing running jobs…`);
  await stopWorker();
  process.exit(0);
}
process.on("SIGINT", (signal) => void shutdown(signal));
process.on("SIGTERM", (signal) => void shutdown(signal));

// If the runner dies on its own (e.g. the database went away), exit non-zero so a supervisor restarts it.
runner.promise.catch((error: unknown) => {
  console.error("[worker] stopped unexpectedly:", error);
  process.exit(1);
});
