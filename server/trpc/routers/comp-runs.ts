import { companySettings } from "@/db/schema";
import { createAdjustment, createAdjustmentSchema, deleteAdjustment, deleteAdjustmentSchema, listAdjustments, listAdjustmentsSchema, updateAdjustment, updateAdjustmentSchema } from "../../compensation/runs/adjustments";
import { cancelRun, publishRun, startRun } from "../../compensation/runs/execute";
import { getRun, listLines, listLinesSchema, listRuns, listRunsSchema, periodIdSchema, runIdSchema, runPeriods } from "../../compensation/runs/queries";
import { router, withPermission } from "../init";

/**
 * Commission runs (server/compensation/runs). Everything here — reading what each consultant
 * earned included — is for the staff who run commissions (runs.close: admin and finance).
 * Consultants see their own published lines through compExplain.
 */
const runs = withPermission("runs.close");

export const compRunsRouter = router({
  periods: runs.query(({ ctx }) => runPeriods(ctx.db)),
  list: runs.input(listRunsSchema).query(({ ctx, input }) => listRuns(ctx.db, input)),
  get: runs.input(runIdSchema).query(({ ctx, input }) => getRun(ctx.db, input.id)),
  lines: runs.input(listLinesSchema).query(({ ctx, input }) => listLines(ctx.db, input)),
  preview: runs.input(periodIdSchema).mutation(({ ctx, input }) => startRun(ctx.db, { periodId: input.periodId, kind: "preview", actorUserId: ctx.user.id })),
  close: runs.input(periodIdSchema).mutation(({ ctx, input }) => startRun(ctx.db, { periodId: input.periodId, kind: "close", actorUserId: ctx.user.id })),
  cancel: runs.input(runIdSchema).mutation(({ ctx, input }) => cancelRun(ctx.db, input.id, ctx.user.id)),
  publish: runs.input(runIdSchema).mutation(({ ctx, input }) => publishRun(ctx.db, input.id, ctx.user.id)),
  adjustments: runs.input(listAdjustmentsSchema).query(({ ctx, input }) => listAdjustments(ctx.db, input.periodId)),
  createAdjustment: runs.input(createAdjustmentSchema).mutation(async ({ ctx, input }) => {
    const [settings] = await ctx.db.select({ currency: companySettings.currency }).from(companySettings).limit(1);
    return createAdjustment(ctx.db, input, ctx.user.id, settings?.currency ?? "BRL");
  }),
  updateAdjustment: runs.input(updateAdjustmentSchema).mutation(({ ctx, input }) => updateAdjustment(ctx.db, input, ctx.user.id)),
  deleteAdjustment: runs.input(deleteAdjustmentSchema).mutation(({ ctx, input }) => deleteAdjustment(ctx.db, input.id, ctx.user.id)),
});

export type CompRunsRouter = typeof compRunsRouter;
