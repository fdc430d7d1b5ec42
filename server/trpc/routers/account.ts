import { z } from "zod";
import { requestPasswordReset, resetPassword } from "../../auth/password-reset";
import { AppError } from "../../errors";
import { publicProcedure, router } from "../init";

export const passwordSchema = z.string().min(8, { error: "errors.tooShort" }).max(200, { error: "errors.tooLong" });

/** Public account recovery: the forgot-password and reset-password forms. */
export const accountRouter = router({
  requestPasswordReset: publicProcedure
    .input(z.object({ email: z.email({ error: "errors.invalidEmail" }).max(320) }))
    .mutation(async ({ ctx, input }) => {
      await requestPasswordReset(ctx.db, { email: input.email, appUrl: ctx.appUrl });
      return { ok: true as const };
    }),
  resetPassword: publicProcedure
    .input(z.object({ token: z.string().min(10).max(200), password: passwordSchema }))
    .mutation(async ({ ctx, input }) => {
      const ok = await resetPassword(ctx.db, input);
      if (!ok) throw new AppError("BAD_REQUEST", "auth.resetInvalid");
      return { ok: true as const };
    }),
});
