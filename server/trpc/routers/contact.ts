import { contactSchema, submitContact } from "../../contact/submit";
import { publicProcedure, router } from "../init";

export const contactRouter = router({
  // The contact forms' server actions call this in-process: zod-validated, honeypot, limited per IP and site.
  submit: publicProcedure.input(contactSchema).mutation(({ ctx, input }) => submitContact(ctx.db, input, { ip: ctx.ip, appUrl: ctx.appUrl })),
});
