/**
 * Next calls `register()` once per server process before it serves requests. By default the job
 * worker runs inside the app, so one `npm start` delivers e-mail; set RUN_WORKER=false on app
 * instances when workers run separately (`npm run worker`).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const connectionString = process.env.DATABASE_URL;
  if (process.env.RUN_WORKER === "false" || !connectionString) return;

  // Imported here, not at the top: the edge runtime must never load pg or graphile-worker.
  const { concurrencyFromEnv, startWorker, stopWorkerOnSignals } = await import("./server/jobs/worker");
  try {
    await startWorker({ connectionString, concurrency: concurrencyFromEnv() });
    stopWorkerOnSignals();
  } catch (error) {
    // Pages still work without the worker; jobs wait in the queue until a worker runs.
    console.error("[worker] could not start; jobs will wait in the queue:", error);
  }
}
