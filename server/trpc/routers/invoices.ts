import { TRPCError } from "@trpc/server";
import { AppError } from "../../errors";
import { listDocuments, listDocumentsSchema } from "../../invoices/documents";
import { router, withPermission } from "../init";

function ownConsultantId(user: { consultantId: number | null }) {
  if (user.consultantId === null) throw new TRPCError({ code: "FORBIDDEN", cause: new AppError("FORBIDDEN", "errors.forbidden") });
  return user.consultantId;
}

/** Invoices and notes. The PDFs are served by app/api/invoices/[id]/pdf with the same rule. */
export const invoicesRouter = router({
  list: withPermission("orders.manage").input(listDocumentsSchema).query(({ ctx, input }) => listDocuments(ctx.db, input)),
  // A consultant's own documents: the id they might send is replaced by theirs.
  mine: withPermission("portal.access").input(listDocumentsSchema).query(({ ctx, input }) => listDocuments(ctx.db, { ...input, consultantId: ownConsultantId(ctx.user) })),
});
