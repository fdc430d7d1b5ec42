import { agingByConsultant, agingSchema, openOrders, openOrdersSchema } from "../../collections/aging";
import { applyBankFile, applyBankFileSchema, bankFileSchema, previewBankFile } from "../../collections/bank-payments";
import { payDebitNote, payNoteInput } from "../../collections/note-payments";
import { payInput, payOrder } from "../../commerce/orders";
import { router, withPermission } from "../init";

/** Collections is order work (registering what customers paid), so it needs orders.manage. */
const staff = withPermission("orders.manage");

export const collectionsRouter = router({
  aging: staff.input(agingSchema).query(({ ctx, input }) => agingByConsultant(ctx.db, input)),
  openOrders: staff.input(openOrdersSchema).query(({ ctx, input }) => openOrders(ctx.db, input)),
  registerPayment: staff.input(payInput).mutation(({ ctx, input }) => payOrder(ctx.db, input, ctx.user.id)),
  /** A debit note's payment (an exchange's difference, a manual debit note), in full. */
  payDebitNote: staff.input(payNoteInput).mutation(({ ctx, input }) => payDebitNote(ctx.db, input, ctx.user.id)),
  previewBankFile: staff.input(bankFileSchema).mutation(({ ctx, input }) => previewBankFile(ctx.db, input)),
  applyBankFile: staff.input(applyBankFileSchema).mutation(({ ctx, input }) => applyBankFile(ctx.db, input, ctx.user.id)),
});
