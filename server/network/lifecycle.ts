import { eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { consultants, consultantStatusHistory } from "@/db/schema";
import { recordAudit } from "../audit/record";
import { AppError } from "../errors";
import { likeEscape, nodePath, unaccentLower } from "./tree/queries";
import { subtreeEnd } from "./tree/path";

const id = z.number().int().positive();
const status = z.enum(["active", "inactive", "terminated"]);
const reason = z.string().trim().min(3, { error: "errors.tooShort" }).max(500, { error: "errors.tooLong" });

export const setStatusInput = z.object({ consultantId: id, status, reason });
export type SetStatusInput = z.infer<typeof setStatusInput>;

const level = z.number().int().min(0).max(1000);

/**
 * Either explicit ids or a filter; both narrow to consultants that would actually change.
 * The filter speaks the consultant list's language (network.downline: level range from `rootId`,
 * statuses, rank, join dates, name text), so "all M matching the filter" on that screen is the
 * same set; `levelMin: 1` leaves the root itself out, as the list does.
 */
export const bulkSelection = z
  .object({
    ids: z.array(id).min(1, { error: "network.errors.emptySelection" }).max(5000).optional(),
    filter: z
      .object({
        rootId: id.optional(),
        status: z.enum(["active", "inactive"]).optional(),
        statuses: z.array(status).min(1).max(3).optional(),
        levelMin: level.optional(),
        levelMax: level.optional(),
        rank: z.string().trim().max(40).optional(),
        joinedFrom: z.iso.date().optional(),
        joinedTo: z.iso.date().optional(),
        joinedBefore: z.iso.date().optional(),
        text: z.string().trim().max(100).optional(),
      })
      .refine((f) => f.rootId || (f.levelMin === undefined && f.levelMax === undefined), {
        error: "errors.invalidValue",
        path: ["rootId"],
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
 * The WHERE clause of a bulk selection over `consultants c` (joined to `genealogy g`, the sponsor
 * tree). `changing`: only rows apply would change — never a terminated consultant (final here),
 * never one already at the target status — so the preview counts exactly what apply changes.
 * Filters read the `consultants` columns (genealogy's copies of them are kept equal by trigger).
 */
async function selectionWhere(db: DbOrTx, input: BulkSelection, changing = true): Promise<SQL> {
  const parts: SQL[] = changing ? [sql`c.status <> 'terminated'`, sql`c.status <> ${input.to}::consultant_status`] : [sql`true`];
  if (input.ids) parts.push(sql`c.id in (${sql.join(input.ids.map((i) => sql`${i}::bigint`), sql`, `)})`);
  const f = input.filter;
  if (f?.rootId) {
    const { path, depth } = await nodePath(db, "sponsor", f.rootId);
    parts.push(sql`g.sponsor_path >= ${path} and g.sponsor_path < ${subtreeEnd(path)}`);
    if (f.levelMin !== undefined) parts.push(sql`g.sponsor_depth >= ${depth + f.levelMin}`);
    if (f.levelMax !== undefined) parts.push(sql`g.sponsor_depth <= ${depth + f.levelMax}`);
  }
  if (f?.status) parts.push(sql`c.status = ${f.status}::consultant_status`);
  if (f?.statuses) parts.push(sql`c.status in (${sql.join(f.statuses.map((x) => sql`${x}::consultant_status`), sql`, `)})`);
  if (f?.rank) parts.push(sql`c.rank = ${f.rank}`);
  if (f?.joinedFrom) parts.push(sql`c.joined_at >= ${f.joinedFrom}::date`);
  if (f?.joinedTo) parts.push(sql`c.joined_at <= ${f.joinedTo}::date`);
  if (f?.joinedBefore) parts.push(sql`c.joined_at < ${f.joinedBefore}::date`);
  if (f?.text) parts.push(sql`immutable_unaccent(lower(c.full_name)) like ${`%${likeEscape(unaccentLower(f.text))}%`}`);
  return sql.join(parts, sql` and `);
}

/**
 * How many would change (`count`, with a sample of 20) and how many the selection holds in all
 * (`matched`: the rest are already at the target status or terminated, and stay as they are).
 */
export async function bulkStatusPreview(db: DbOrTx, input: BulkSelection) {
  assertTarget(input.to);
  const [where, all] = await Promise.all([selectionWhere(db, input), selectionWhere(db, input, false)]);
  const from = sql`from consultants c join genealogy g on g.consultant_id = c.id`;
  const [counted, matched, sample] = await Promise.all([
    db.execute<{ n: number }>(sql`select count(*)::int as n ${from} where ${where}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n ${from} where ${all}`),
    db.execute<{ id: number; code: string; full_name: string; status: string }>(
      sql`select c.id, c.code, c.full_name, c.status ${from} where ${where} order by c.id limit 20`,
    ),
  ]);
  return {
    count: Number(counted[0]?.n ?? 0),
    matched: Number(matched[0]?.n ?? 0),
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
