import { getNetworkSettings, networkSettingsInput, updateNetworkSettings } from "../../settings/company";
import { authedProcedure, router, withPermission } from "../init";

/**
 * Company settings. Reading the network settings is open to any signed-in user (enrolment forms,
 * the portal included, need the tree's shape); changing them belongs to the compensation plan.
 */
export const settingsRouter = router({
  network: authedProcedure.query(({ ctx }) => getNetworkSettings(ctx.db)),
  updateNetwork: withPermission("plans.edit")
    .input(networkSettingsInput)
    .mutation(({ ctx, input }) => updateNetworkSettings(ctx.db, input, ctx.user.id)),
});
