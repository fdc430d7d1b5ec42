import { getDashboardSummary } from "../../dashboard/summary";
import { router, withPermission } from "../init";

export const dashboardRouter = router({
  summary: withPermission("dashboard.read").query(({ ctx }) => getDashboardSummary(ctx.db)),
});
