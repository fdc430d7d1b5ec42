import { getStatusHistory } from "../../network/history";
import { enrolConsultant, enrolInput } from "../../network/enrol";
import { assertCanSee } from "../../consultants/scope";
import { bulkApplyInput, bulkPreviewInput, bulkStatusApply, bulkStatusPreview, historyInput, setStatus, setStatusInput } from "../../network/lifecycle";
import {
  addRestricted,
  deactivateRestricted,
  listRestricted,
  listRestrictedHits,
  restrictedAddInput,
  restrictedHitsInput,
  restrictedIdInput,
  restrictedListInput,
} from "../../network/restricted";
import { authedProcedure, router, withPermission } from "../init";

/**
 * Consultant records: enrolment, status lifecycle, and the restricted lists.
 * `enrol` is open to any signed-in user and decides inside: staff need network.edit (any sponsor),
 * a consultant enrols under themselves only; anyone else gets FORBIDDEN errors.outOfScope.
 */
export const consultantRecordsRouter = router({
  enrol: authedProcedure.input(enrolInput).mutation(({ ctx, input }) => enrolConsultant(ctx.db, { actor: ctx.user, input })),
  setStatus: withPermission("network.edit")
    .input(setStatusInput)
    .mutation(({ ctx, input }) => setStatus(ctx.db, input, ctx.user)),
  bulkStatusPreview: withPermission("network.edit")
    .input(bulkPreviewInput)
    .query(({ ctx, input }) => bulkStatusPreview(ctx.db, input)),
  bulkStatusApply: withPermission("network.edit")
    .input(bulkApplyInput)
    .mutation(({ ctx, input }) => bulkStatusApply(ctx.db, input, ctx.user)),
  history: authedProcedure.input(historyInput).query(async ({ ctx, input }) => {
    await assertCanSee(ctx, input.consultantId);
    return getStatusHistory(ctx.db, input.consultantId);
  }),
  restrictedList: withPermission("network.edit")
    .input(restrictedListInput)
    .query(({ ctx, input }) => listRestricted(ctx.db, input)),
  restrictedAdd: withPermission("network.edit")
    .input(restrictedAddInput)
    .mutation(({ ctx, input }) => addRestricted(ctx.db, input, ctx.user.id)),
  restrictedDeactivate: withPermission("network.edit")
    .input(restrictedIdInput)
    .mutation(({ ctx, input }) => deactivateRestricted(ctx.db, input.id, ctx.user.id)),
  restrictedHits: withPermission("network.edit")
    .input(restrictedHitsInput)
    .query(({ ctx, input }) => listRestrictedHits(ctx.db, input)),
});
