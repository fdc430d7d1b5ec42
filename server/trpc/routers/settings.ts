import {
  customerSettingsInput,
  getCustomerSettings,
  getNetworkSettings,
  networkSettingsInput,
  updateCustomerSettings,
  updateNetworkSettings,
} from "../../settings/company";
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
  // Customer-state thresholds: any staff member may read them, those who manage orders change them.
  customers: withPermission("admin.access").query(({ ctx }) => getCustomerSettings(ctx.db)),
  updateCustomers: withPermission("orders.manage")
    .input(customerSettingsInput)
    .mutation(({ ctx, input }) => updateCustomerSettings(ctx.db, input, ctx.user.id)),
});
