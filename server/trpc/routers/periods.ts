import { z } from "zod";
import {
  closePeriod,
  closePeriodSchema,
  createCampaign,
  createCampaignSchema,
  getPeriod,
  listPeriods,
  listPeriodsSchema,
  setCampaignCatalogue,
  setCatalogueSchema,
} from "../../commerce/campaigns";
import { router, withPermission } from "../init";

/** Periods and campaigns: what orders are counted in, so the same staff as the catalogue (orders.manage). */
const staff = withPermission("orders.manage");

export const periodsRouter = router({
  list: staff.input(listPeriodsSchema).query(({ ctx, input }) => listPeriods(ctx.db, input)),
  get: staff.input(z.object({ id: z.number().int().positive() })).query(({ ctx, input }) => getPeriod(ctx.db, input.id)),
  createCampaign: staff.input(createCampaignSchema).mutation(({ ctx, input }) => createCampaign(ctx.db, input, { actorUserId: ctx.user.id, locale: ctx.locale })),
  setCatalogue: staff.input(setCatalogueSchema).mutation(({ ctx, input }) => setCampaignCatalogue(ctx.db, input, ctx.user.id)),
  close: staff.input(closePeriodSchema).mutation(({ ctx, input }) => closePeriod(ctx.db, input.id, ctx.user.id)),
});
