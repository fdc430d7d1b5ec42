import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { compAdjustments, compRuns, consultants, periods } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { AppError } from "@/server/errors";

/**
 * Manual adjustments: a signed amount (minor units) for one consultant in one period, with a
 * reason, every change audited. Included as 'adjustment' lines in the period's runs and posted by
 * its close (which marks them applied; applied ones never change). Refused for a period whose
 * commissions are final (closed run).
 */
const amount = z.number().int().refine((v) => v !== 0, { message: "compRuns.errors.amountZero" }).refine((v) => Math.abs(v) <= 99_999_999_999, { message: "compRuns.errors.amountFormat" });
const reason = z.string().trim().min(3, { message: "compRuns.errors.reason" }).max(500, { message: "compRuns.errors.reason" });

export const createAdjustmentSchema = z.object({ periodId: z.number().int().positive(), consultant: z.string().trim().min(1).max(40), amount, reason });
export const updateAdjustmentSchema = z.object({ id: z.number().int().positive(), amount, reason });
export const deleteAdjustmentSchema = z.object({ id: z.number().int().positive() });
export const listAdjustmentsSchema = z.object({ periodId: z.number().int().positive() });

async function periodIsFinal(tx: DbOrTx, periodId: number) {
  const [row] = await tx.select({ id: compRuns.id }).from(compRuns).where(and(eq(compRuns.periodId, periodId), inArray(compRuns.status, ["closed", "published"])));
  return !!row;
}

/** A consultant by code, or by numeric id. */
async function consultantOf(tx: DbOrTx, ref: string) {
  const byId = /^\d+$/.test(ref) ? Number(ref) : null;
  const [row] = await tx
    .select({ id: consultants.id, code: consultants.code })
    .from(consultants)
    .where(byId !== null ? sql`${consultants.id} = ${byId} or ${consultants.code} = ${ref.toUpperCase()}` : eq(consultants.code, ref.toUpperCase()))
    .limit(1);
  return row ?? null;
}

export async function createAdjustment(db: Db, input: z.output<typeof createAdjustmentSchema>, actorUserId: string, currency: string) {
  return db.transaction(async (tx) => {
    const [period] = await tx.select().from(periods).where(eq(periods.id, input.periodId)).for("share");
    if (!period) throw new AppError("NOT_FOUND", "compRuns.errors.periodNotFound");
    if (await periodIsFinal(tx, input.periodId)) throw new AppError("CONFLICT", "compRuns.errors.periodFinal", { period: period.code });
    const consultant = await consultantOf(tx, input.consultant);
    if (!consultant) throw new AppError("NOT_FOUND", "compRuns.errors.consultantNotFound", {}, "consultant");
    const [row] = await tx.insert(compAdjustments).values({ periodId: input.periodId, consultantId: consultant.id, amount: input.amount, currency, reason: input.reason, createdBy: actorUserId }).returning();
    await recordAudit(tx, { actorUserId, action: "comp_adjustment.create", entityType: "comp_adjustment", entityId: row!.id, after: { periodId: row!.periodId, consultantId: row!.consultantId, amount: row!.amount, reason: row!.reason } });
    return row!;
  });
}

async function editable(tx: DbOrTx, id: number) {
  const [row] = await tx.select().from(compAdjustments).where(and(eq(compAdjustments.id, id), isNull(compAdjustments.deletedAt))).for("update");
  if (!row) throw new AppError("NOT_FOUND", "compRuns.errors.adjustmentNotFound");
  if (row.appliedRunId !== null || (await periodIsFinal(tx, row.periodId))) throw new AppError("CONFLICT", "compRuns.errors.adjustmentApplied");
  return row;
}

export async function updateAdjustment(db: Db, input: z.output<typeof updateAdjustmentSchema>, actorUserId: string) {
  return db.transaction(async (tx) => {
    const before = await editable(tx, input.id);
    const [row] = await tx.update(compAdjustments).set({ amount: input.amount, reason: input.reason, updatedAt: new Date() }).where(eq(compAdjustments.id, input.id)).returning();
    await recordAudit(tx, { actorUserId, action: "comp_adjustment.update", entityType: "comp_adjustment", entityId: input.id, before: { amount: before.amount, reason: before.reason }, after: { amount: row!.amount, reason: row!.reason } });
    return row!;
  });
}

export async function deleteAdjustment(db: Db, id: number, actorUserId: string) {
  return db.transaction(async (tx) => {
    const before = await editable(tx, id);
    await tx.update(compAdjustments).set({ deletedAt: new Date() }).where(eq(compAdjustments.id, id));
    await recordAudit(tx, { actorUserId, action: "comp_adjustment.delete", entityType: "comp_adjustment", entityId: id, before: { amount: before.amount, reason: before.reason, consultantId: before.consultantId } });
    return { id };
  });
}

export async function listAdjustments(db: DbOrTx, periodId: number) {
  return db
    .select({
      id: compAdjustments.id,
      consultantId: compAdjustments.consultantId,
      code: consultants.code,
      name: consultants.fullName,
      amount: compAdjustments.amount,
      currency: compAdjustments.currency,
      reason: compAdjustments.reason,
      createdAt: compAdjustments.createdAt,
      appliedRunId: compAdjustments.appliedRunId,
    })
    .from(compAdjustments)
    .innerJoin(consultants, eq(consultants.id, compAdjustments.consultantId))
    .where(and(eq(compAdjustments.periodId, periodId), isNull(compAdjustments.deletedAt)))
    .orderBy(desc(compAdjustments.id));
}
