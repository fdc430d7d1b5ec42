import { and, eq, inArray, sql } from "drizzle-orm";
import type { TaskList } from "graphile-worker";
import type postgres from "postgres";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { networkImports } from "@/db/schema";
import { readImportFile, removeImportFile } from "./files";
import { withCellValues } from "./report";
import { validateImport, type ImportOptions } from "./validate";
import { writeImport } from "./write";

/**
 * The background half of a network import, run by graphile-worker: validate an uploaded file,
 * then (after a commit) write it. Both jobs go to one queue, so imports run one at a time: a
 * million-row file takes about a gigabyte while it is validated, and two would double that in the
 * process that also serves pages. One attempt each: a job that fails records why on the import
 * row, and the person uploads again; retrying a write blindly could not tell "nothing was
 * written" from "written, but the status update was lost".
 */
export const VALIDATE_IMPORT_TASK = "network_import_validate";
export const WRITE_IMPORT_TASK = "network_import_write";
const QUEUE = "network_import";

/** Errors kept for the report; `error_count` counts them all. */
export const ERRORS_KEPT = 1000;
/** The writer supports a whole binary network only (see write.ts); the CLI validates the same way. */
const IMPORT_SHAPE: ImportOptions["shape"] = { kind: "binary" };
const PROGRESS_MS = 500;

const payload = z.object({ importId: z.coerce.number().int().positive() });

type ImportTask = typeof VALIDATE_IMPORT_TASK | typeof WRITE_IMPORT_TASK;
export const importJobKey = (task: ImportTask, importId: number) => `${task}:${importId}`;

export async function enqueueImportJob(tx: DbOrTx, task: ImportTask, importId: number) {
  await tx.execute(
    sql`select graphile_worker.add_job(${task}, json_build_object('importId', ${importId}::bigint),
        queue_name := ${QUEUE}, job_key := ${importJobKey(task, importId)}, max_attempts := 1)`,
  );
}

export function importTasks(db: Db): TaskList {
  return {
    [VALIDATE_IMPORT_TASK]: async (raw) => validateUpload(db, payload.parse(raw).importId),
    [WRITE_IMPORT_TASK]: async (raw) => writeUpload(db, payload.parse(raw).importId),
  };
}

class Discarded extends Error {}

/**
 * Reads the stored file for `status`, counting bytes, and writes progress to the row at most
 * every PROGRESS_MS. When the row has left `status` (discarded meanwhile) reading stops.
 */
function progressReader(db: Db, id: number, key: string, status: "validating" | "writing") {
  let bytes = 0, rows = 0, last = Date.now();
  const flush = async () => {
    last = Date.now();
    const updated = await db
      .update(networkImports)
      .set({ bytesRead: bytes, rowsValidated: rows, updatedAt: new Date() })
      .where(and(eq(networkImports.id, id), eq(networkImports.status, status)))
      .returning({ id: networkImports.id });
    if (!updated.length) throw new Discarded();
  };
  async function* input() {
    for await (const chunk of readImportFile(key) as AsyncIterable<Buffer>) {
      bytes += chunk.byteLength;
      yield chunk;
      if (Date.now() - last >= PROGRESS_MS) await flush();
    }
    await flush(); // reading done; the whole-file checks come next
  }
  return { input: input(), onProgress: (n: number) => void (rows = n), rows: () => rows };
}

/** Takes an uploaded file for validation (again, if a run was cut off); undefined once discarded. */
async function claimForValidation(db: Db, id: number) {
  const [row] = await db
    .update(networkImports)
    .set({ status: "validating", bytesRead: 0, rowsValidated: 0, updatedAt: new Date() })
    .where(and(eq(networkImports.id, id), inArray(networkImports.status, ["uploaded", "validating"])))
    .returning();
  return row;
}

/** Ends a job's run, unless the import was discarded meanwhile (then the row stays as it is). */
async function finish(db: Db, id: number, from: "validating" | "writing", set: Partial<typeof networkImports.$inferInsert>) {
  await db
    .update(networkImports)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(networkImports.id, id), eq(networkImports.status, from)));
}

export async function validateUpload(db: Db, id: number) {
  const row = await claimForValidation(db, id);
  if (!row) return; // discarded before the job ran
  const reader = progressReader(db, id, row.fileKey, "validating");
  try {
    const result = await validateImport(reader.input, { shape: IMPORT_SHAPE, maxErrors: ERRORS_KEPT, progressEvery: 5_000, onProgress: reader.onProgress });
    if (result.ok) {
      await finish(db, id, "validating", { status: "valid", rowsTotal: result.rows.count, rowsValidated: result.rows.count, bytesRead: row.sizeBytes, errorCount: 0, errors: [], validatedAt: new Date() });
      return;
    }
    const errors = await withCellValues(readImportFile(row.fileKey), result.errors);
    await finish(db, id, "validating", { status: "rejected", rowsTotal: reader.rows(), errorCount: result.errorCount, errors, validatedAt: new Date(), finishedAt: new Date() });
    await removeImportFile(row.fileKey);
  } catch (error) {
    if (error instanceof Discarded) return;
    console.error(`[network import ${id}] validation failed:`, error);
    await finish(db, id, "validating", { status: "failed", failure: "readFailed", finishedAt: new Date() });
    await removeImportFile(row.fileKey);
  }
}

/**
 * The validated rows are not kept between the jobs (a million rows in memory, or a copy in the
 * database, for as long as someone takes to press the button): the file is validated again, which
 * costs seconds, then written in one transaction by writeImport.
 */
export async function writeUpload(db: Db, id: number) {
  const [row] = await db.select().from(networkImports).where(eq(networkImports.id, id));
  if (row?.status !== "writing") return;
  const reader = progressReader(db, id, row.fileKey, "writing");
  try {
    const result = await validateImport(reader.input, { shape: IMPORT_SHAPE, maxErrors: 1, progressEvery: 5_000, onProgress: reader.onProgress });
    if (!result.ok) {
      await finish(db, id, "writing", { status: "failed", failure: "changedSinceValidation", finishedAt: new Date() });
    } else {
      const { written } = await writeImport(sqlClientOf(db), result.rows, result.order);
      await finish(db, id, "writing", { status: "done", rowsWritten: written, finishedAt: new Date() });
    }
  } catch (error) {
    if (error instanceof Discarded) return;
    // writeImport checks emptiness inside its transaction; losing that race is not a crash.
    const notEmpty = error instanceof Error && /already has consultants/.test(error.message);
    if (!notEmpty) console.error(`[network import ${id}] write failed:`, error);
    await finish(db, id, "writing", { status: "failed", failure: notEmpty ? "networkNotEmpty" : "writeFailed", finishedAt: new Date() });
  }
  await removeImportFile(row.fileKey);
}

/** The postgres-js client under a Drizzle handle: writeImport speaks COPY, which Drizzle does not. */
function sqlClientOf(db: Db): postgres.Sql {
  return (db as Db & { $client: postgres.Sql }).$client;
}
