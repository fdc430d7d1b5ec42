import { TRPCError } from "@trpc/server";
import { getConsultantCard } from "../../consultants/card";
import { AppError } from "../../errors";
import { siteSettingsSchema } from "../../sites/schema";
import { getSiteSettings, updateSiteSettings } from "../../sites/site";
import { withPermission, router } from "../init";

/** Portal procedures act on the caller's own consultant record, never on an id they send. */
function ownConsultantId(user: { consultantId: number | null }) {
  if (user.consultantId === null) {
    throw new TRPCError({ code: "FORBIDDEN", cause: new AppError("FORBIDDEN", "errors.forbidden") });
  }
  return user.consultantId;
}

export const portalRouter = router({
  home: withPermission("portal.access").query(({ ctx }) => getConsultantCard(ctx.db, ownConsultantId(ctx.user))),
  site: withPermission("site.edit").query(({ ctx }) => getSiteSettings(ctx.db, ownConsultantId(ctx.user))),
  updateSite: withPermission("site.edit")
    .input(siteSettingsSchema)
    .mutation(async ({ ctx, input }) => {
      const { slugs } = await updateSiteSettings(ctx.db, {
        consultantId: ownConsultantId(ctx.user),
        actorUserId: ctx.user.id,
        settings: input,
      });
      for (const slug of slugs) ctx.revalidateSite(slug);
      return { siteSlug: input.siteSlug };
    }),
});
