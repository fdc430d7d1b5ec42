import { count, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { consultants, networkImports, users } from "@/db/schema";
import { recordAudit } from "../../audit/record";
import { AppError } from "../../errors";
import { offsetOf, pageInput } from "../../pagination";
import { removeImportFile } from "./files";
import { enqueueImportJob, importJobKey, VALIDATE_IMPORT_TASK, WRITE_IMPORT_TASK } from "./jobs";
import type { ReportRow } from "./report";

/** The import screens' reads and the two decisions (commit, discard); routers only call these. */

export const importListInput = pageInput.extend({ pageSize: z.number().int().min(1).max(100).default(20) });
export const importGetInput = z.object({
  id: z.number().int().positive(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});
export const importIdInput = z.object({ id: z.number().int().positive() });

const summary = {
  id: networkImports.id,
  fileName: networkImports.fileName,
  sizeBytes: networkImports.sizeBytes,
  status: networkImports.status,
  rowsTotal: networkImports.rowsTotal,
  rowsWritten: networkImports.rowsWritten,
  errorCount: networkImports.errorCount,
  createdAt: networkImports.createdAt,
  createdByName: users.name,
};

export async function listImports(db: Db, input: z.infer<typeof importListInput>) {
  const [rows, [total]] = await Promise.all([
    db
      .select(summary)
      .from(networkImports)
      .innerJoin(users, eq(users.id, networkImports.createdBy))
      .orderBy(desc(networkImports.id))
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    db.select({ n: count() }).from(networkImports),
  ]);
  return { rows, total: total!.n, page: input.page, pageSize: input.pageSize };
}

async function networkIsEmpty(db: Db) {
  const [row] = await db.execute<{ empty: boolean }>(sql`select not exists (select 1 from ${consultants}) as empty`);
  return row!.empty;
}

/** Status and progress of one import, and one page of its report (kept errors, in line order). */
export async function getImport(db: Db, input: z.infer<typeof importGetInput>) {
  const from = (input.page - 1) * input.pageSize;
  const [row] = await db
    .select({
      ...summary,
      bytesRead: networkImports.bytesRead,
      rowsValidated: networkImports.rowsValidated,
      failure: networkImports.failure,
      updatedAt: networkImports.updatedAt,
      validatedAt: networkImports.validatedAt,
      committedAt: networkImports.committedAt,
      finishedAt: networkImports.finishedAt,
      errorsKept: sql<number>`jsonb_array_length(${networkImports.errors})`.mapWith(Number),
      errorPage: sql<ReportRow[]>`coalesce((
        select jsonb_agg(e.value order by e.n) from jsonb_array_elements(${networkImports.errors}) with ordinality as e(value, n)
         where e.n > ${from} and e.n <= ${from + input.pageSize}), '[]'::jsonb)`,
    })
    .from(networkImports)
    .innerJoin(users, eq(users.id, networkImports.createdBy))
    .where(eq(networkImports.id, input.id));
  if (!row) throw new AppError("NOT_FOUND", "networkImport.errors.notFound");
  const { errorPage, ...rest } = row;
  // Asked only where it decides something (the write button): while a write runs, the writer
  // holds consultants locked, and a poll that touched it would wait until the end.
  const networkEmpty = row.status === "valid" ? await networkIsEmpty(db) : null;
  return { ...rest, errors: { rows: errorPage, page: input.page, pageSize: input.pageSize }, networkEmpty };
}

/**
 * Starts the write of a valid file. Idempotent: a second call (double click, two tabs) while it
 * is writing or after it is done returns the import without queueing anything. The writer only
 * fills an empty network, so a network with consultants is refused here, before any work.
 */
export async function commitImport(db: Db, id: number, actorUserId: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(networkImports).where(eq(networkImports.id, id)).for("update");
    if (!row) throw new AppError("NOT_FOUND", "networkImport.errors.notFound");
    if (row.status === "writing" || row.status === "done") return;
    if (row.status !== "valid") throw new AppError("CONFLICT", "networkImport.errors.notValid");
    // Serialises commits: two valid files for one empty network cannot both start writing.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('network_import_commit'))`);
    const [busy] = await tx.select({ id: networkImports.id }).from(networkImports).where(eq(networkImports.status, "writing")).limit(1);
    if (busy) throw new AppError("CONFLICT", "networkImport.errors.anotherWriting", { id: busy.id });
    const [taken] = await tx.execute<{ taken: boolean }>(sql`select exists (select 1 from ${consultants}) as taken`);
    if (taken!.taken) throw new AppError("CONFLICT", "networkImport.errors.networkNotEmpty");
    const now = new Date();
    await tx
      .update(networkImports)
      .set({ status: "writing", committedBy: actorUserId, committedAt: now, bytesRead: 0, updatedAt: now })
      .where(eq(networkImports.id, id));
    await enqueueImportJob(tx, WRITE_IMPORT_TASK, id);
    await recordAudit(tx, {
      actorUserId,
      action: "network.import.commit",
      entityType: "network_import",
      entityId: id,
      after: { fileName: row.fileName, rows: row.rowsTotal, sizeBytes: row.sizeBytes },
    });
  });
  return getImport(db, { id, page: 1, pageSize: 50 });
}

/** Drops an import that was not written: its file goes, the row stays as history. */
export async function discardImport(db: Db, id: number) {
  const key = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(networkImports).where(eq(networkImports.id, id)).for("update");
    if (!row) throw new AppError("NOT_FOUND", "networkImport.errors.notFound");
    if (row.status === "discarded") return null;
    if (row.status === "writing" || row.status === "done") throw new AppError("CONFLICT", "networkImport.errors.cannotDiscard");
    await tx.update(networkImports).set({ status: "discarded", finishedAt: new Date(), updatedAt: new Date() }).where(eq(networkImports.id, id));
    await tx.execute(sql`select graphile_worker.remove_job(${importJobKey(VALIDATE_IMPORT_TASK, id)})`);
    return row.fileKey;
  });
  if (key) await removeImportFile(key);
  return { id, status: "discarded" as const };
}
