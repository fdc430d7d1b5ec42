import { eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { consultants, consultantStatusHistory } from "@/db/schema";
import { recordAudit } from "../audit/record";
import { AppError } from "../errors";
import { nodePath } from "./tree/queries";
import { subtreeEnd } from "./tree/path";

const id = z.number().int().positive();
const status = z.enum(["active", "inactive", "terminated"]);
const reason = z.string().trim().min(3, { error: "errors.tooShort" }).max(500, { error: "errors.tooLong" });

export const setStatusInput = z.object({ consultantId: id, status, reason });
export type SetStatusInput = z.infer<typeof setStatusInput>;

/** Either explicit ids or a filter; both narrow to consultants that would actually change. */
export const bulkSelection = z
  .object({
    ids: z.array(id).min(1, { error: "network.errors.emptySelection" }).max(5000).optional(),
    filter: z
      .object({
        rootId: id.optional(),
        status: z.enum(["active", "inactive"]).optional(),
        joinedBefore: z.iso.date().optional(),
      })
      .optional(),
    to: status,
  })
  .refine((v) => v.ids || v.filter, { error: "network.errors.emptySelection", path: ["ids"] });
export const bulkPreviewInput = bulkSelection;
export const bulkApplyInput = bulkSelection.and(z.object({ reason }));
export type BulkSelection = z.infer<typeof bulkSelection>;
export const historyInput = z.object({ consultantId: id });

type Actor = { id: string };

/** Terminations are network changes (the downline rolls up): only a change-set may make them. */
function assertTarget(to: string) {
  if (to === "terminated") throw new AppError("BAD_REQUEST", "network.errors.terminateViaChangeSet", {}, "status");
}

export async function setStatus(db: Db, input: SetStatusInput, actor: Actor) {
  assertTarget(input.status);
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: consultants.id, status: consultants.status })
      .from(consultants)
      .where(eq(consultants.id, input.consultantId))
      .for("update");
    if (!current) throw new AppError("NOT_FOUND", "errors.notFound");
    if (current.status === "terminated") throw new AppError("BAD_REQUEST", "network.errors.terminatedFinal", {}, "status");
    if (current.status === input.status) throw new AppError("BAD_REQUEST", "network.errors.statusUnchanged", {}, "status");
    await tx.update(consultants).set({ status: input.status, updatedAt: new Date() }).where(eq(consultants.id, current.id));
    const [history] = await tx
      .insert(consultantStatusHistory)
      .values({ consultantId: current.id, fromStatus: current.status, toStatus: input.status, reason: input.reason, actorUserId: actor.id })
      .returning();
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: "consultant.setStatus",
      entityType: "consultant",
      entityId: current.id,
      before: { status: current.status },
      after: { status: input.status, reason: input.reason },
    });
    return history!;
  });
}

/**
 * The WHERE clause of a bulk selection over `consultants c` (joined to `genealogy g`): never a
 * terminated consultant (final here) and never one already at the target status, so the preview
 * counts exactly the rows that apply would change.
 */
async function selectionWhere(db: DbOrTx, input: BulkSelection): Promise<SQL> {
  const parts: SQL[] = [sql`c.status <> 'terminated'`, sql`c.status <> ${input.to}::consultant_status`];
  if (input.ids) parts.push(sql`c.id in (${sql.join(input.ids.map((i) => sql`${i}::bigint`), sql`, `)})`);
  if (input.filter?.rootId) {
    const { path } = await nodePath(db, "sponsor", input.filter.rootId);
    parts.push(sql`g.sponsor_path >= ${path} and g.sponsor_path < ${subtreeEnd(path)}`);
  }
  if (input.filter?.status) parts.push(sql`c.status = ${input.filter.status}::consultant_status`);
  if (input.filter?.joinedBefore) parts.push(sql`c.joined_at < ${input.filter.joinedBefore}::date`);
  return sql.join(parts, sql` and `);
}

export async function bulkStatusPreview(db: DbOrTx, input: BulkSelection) {
  assertTarget(input.to);
  const where = await selectionWhere(db, input);
  const [counted, sample] = await Promise.all([
    db.execute<{ n: number }>(sql`select count(*)::int as n from consultants c join genealogy g on g.consultant_id = c.id where ${where}`),
    db.execute<{ id: number; code: string; full_name: string; status: string }>(
      sql`select c.id, c.code, c.full_name, c.status from consultants c join genealogy g on g.consultant_id = c.id where ${where} order by c.id limit 20`,
    ),
  ]);
  return {
    count: Number(counted[0]?.n ?? 0),
    sample: sample.map((r) => ({ id: Number(r.id), code: r.code, fullName: r.full_name, status: r.status as "active" | "inactive" })),
  };
}

/** Same selection as the preview, changed in one transaction with a history row per consultant. */
export async function bulkStatusApply(db: Db, input: BulkSelection & { reason: string }, actor: Actor) {
  assertTarget(input.to);
  return db.transaction(async (tx) => {
    const where = await selectionWhere(tx, input);
    const rows = await tx.execute<{ n: number }>(sql`
      with sel as (
        select c.id, c.status from consultants c join genealogy g on g.consultant_id = c.id
         where ${where} order by c.id for update of c
      ),
      upd as (
        update consultants c set status = ${input.to}::consultant_status, updated_at = now()
          from sel where c.id = sel.id
        returning c.id, sel.status as from_status
      ),
      ins as (
        insert into consultant_status_history (consultant_id, from_status, to_status, reason, actor_user_id)
        select upd.id, upd.from_status, ${input.to}::consultant_status, ${input.reason}, ${actor.id}::uuid from upd
        returning 1
      )
      select count(*)::int as n from ins`);
    const count = Number(rows[0]?.n ?? 0);
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: "consultant.bulkStatus",
      entityType: "consultant",
      entityId: "bulk",
      after: { to: input.to, reason: input.reason, count, ids: input.ids ?? null, filter: input.filter ?? null },
    });
    return { count };
  });
}
