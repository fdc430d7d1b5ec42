import {
  activateSchema,
  activateVersion,
  archiveVersion,
  cloneVersion,
  createDraft,
  createDraftSchema,
  exportVersion,
  getVersion,
  idSchema,
  listVersions,
  periodChoices,
  updateDraft,
  updateDraftSchema,
} from "../../compensation/plans/lifecycle";
import { whatIf, whatIfSchema } from "../../compensation/plans/what-if-run";
import { router, withPermission } from "../init";

/**
 * Compensation plan versions. Reading is for any staff member (admin.access): the plan in force
 * is what every consultant is paid by, not a secret inside the office. Writing needs plans.edit.
 */
const staff = withPermission("admin.access");
const editor = withPermission("plans.edit");

export const plansRouter = router({
  list: staff.query(({ ctx }) => listVersions(ctx.db)),
  get: staff.input(idSchema).query(({ ctx, input }) => getVersion(ctx.db, input.id, ctx.locale)),
  periods: staff.query(({ ctx }) => periodChoices(ctx.db)),
  /** Reads only, but runs the engine twice on a whole period: for those who design plans. */
  whatIf: editor.input(whatIfSchema).query(({ ctx, input }) => whatIf(ctx.db, input, ctx.locale)),
  exportJson: staff.input(idSchema).query(({ ctx, input }) => exportVersion(ctx.db, input.id)),
  createDraft: editor.input(createDraftSchema).mutation(({ ctx, input }) => createDraft(ctx.db, input, { actorUserId: ctx.user.id, locale: ctx.locale })),
  updateDraft: editor.input(updateDraftSchema).mutation(({ ctx, input }) => updateDraft(ctx.db, input, { actorUserId: ctx.user.id, locale: ctx.locale })),
  clone: editor.input(idSchema).mutation(({ ctx, input }) => cloneVersion(ctx.db, input.id, { actorUserId: ctx.user.id, locale: ctx.locale })),
  activate: editor.input(activateSchema).mutation(({ ctx, input }) => activateVersion(ctx.db, input, { actorUserId: ctx.user.id, locale: ctx.locale })),
  archive: editor.input(idSchema).mutation(({ ctx, input }) => archiveVersion(ctx.db, input.id, { actorUserId: ctx.user.id, locale: ctx.locale })),
});
