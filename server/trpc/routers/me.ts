import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { LOCALES } from "../../i18n/locales";
import { authedProcedure, router } from "../init";

export const meRouter = router({
  get: authedProcedure.query(({ ctx }) => ({
    id: ctx.user.id,
    name: ctx.user.name,
    email: ctx.user.email,
    locale: ctx.user.locale,
    roles: ctx.user.roles,
    permissions: [...ctx.user.permissions],
    consultantId: ctx.user.consultantId,
  })),
  /** The locale choice is remembered per user. */
  setLocale: authedProcedure.input(z.object({ locale: z.enum(LOCALES) })).mutation(async ({ ctx, input }) => {
    await ctx.db.update(users).set({ locale: input.locale, updatedAt: new Date() }).where(eq(users.id, ctx.user.id));
    return { locale: input.locale };
  }),
});
