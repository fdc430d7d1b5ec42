import { agingByConsultant, agingSchema, openOrders, openOrdersSchema } from "../../collections/aging";
import { applyBankFile, applyBankFileSchema, bankFileSchema, previewBankFile } from "../../collections/bank-payments";
import { payDebitNote, payNoteInput } from "../../collections/note-payments";
import { payInput, payOrder } from "../../commerce/orders";
import { TRPCError } from "@trpc/server";
import { AppError } from "../../errors";
import { pageInput } from "../../pagination";
import { router, withPermission } from "../init";

/** Collections is order work (registering what customers paid), so it needs orders.manage. */
const staff = withPermission("orders.manage");
const portal = withPermission("portal.access");

export const collectionsRouter = router({
  aging: staff.input(agingSchema).query(({ ctx, input }) => agingByConsultant(ctx.db, input)),
  openOrders: staff.input(openOrdersSchema).query(({ ctx, input }) => openOrders(ctx.db, input)),
  registerPayment: staff.input(payInput).mutation(({ ctx, input }) => payOrder(ctx.db, input, ctx.user.id)),
  /** A debit note's payment (an exchange's difference, a manual debit note), in full. */
  payDebitNote: staff.input(payNoteInput).mutation(({ ctx, input }) => payDebitNote(ctx.db, input, ctx.user.id)),
  /** A consultant's own open items (unpaid orders, open debit notes) with due dates; never takes an id. */
  myOpenItems: portal.input(pageInput).query(({ ctx, input }) => {
    if (ctx.user.consultantId === null) throw new TRPCError({ code: "FORBIDDEN", cause: new AppError("FORBIDDEN", "errors.forbidden") });
    return openOrders(ctx.db, { ...input, consultantId: ctx.user.consultantId });
  }),
  previewBankFile: staff.input(bankFileSchema).mutation(({ ctx, input }) => previewBankFile(ctx.db, input)),
  applyBankFile: staff.input(applyBankFileSchema).mutation(({ ctx, input }) => applyBankFile(ctx.db, input, ctx.user.id)),
});
