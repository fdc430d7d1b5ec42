import { sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";

export const VACUUM_TREES_TASK = "vacuum_trees";
/** Below this many moved rows autovacuum (scale factor 0.01 on both tables) is soon enough. */
export const VACUUM_AFTER_ROWS = 1000;

/**
 * Queues one VACUUM ANALYZE of the tree tables, run by the worker after the move commits (VACUUM
 * cannot run inside a transaction). The job key folds a burst of moves into one run.
 */
export async function queueTreeVacuum(tx: DbOrTx) {
  await tx.execute(sql`select graphile_worker.add_job(${VACUUM_TREES_TASK}, '{}'::json, job_key := ${VACUUM_TREES_TASK}, max_attempts := 3)`);
}

export async function vacuumTrees(db: Db) {
  await db.execute(sql`vacuum (analyze) genealogy, placement_tree`);
}
