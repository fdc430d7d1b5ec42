import { TRPCError } from "@trpc/server";
import { AppError } from "../../errors";
import { decideReturn } from "../../returns/decide";
import { activeReasons, listReturns, orderForReturn, returnDetail } from "../../returns/queries";
import { createReturnRequest } from "../../returns/request";
import { returnableOrders } from "../../returns/returnable";
import { createReturnSchema, decideReturnSchema, listReturnsSchema, orderIdSchema, orderNumberSchema, returnIdSchema } from "../../returns/schemas";
import { authedProcedure, router, withPermission } from "../init";

/** Staff work the queue with orders.manage; a consultant asks and reads only for their own orders. */
const staff = withPermission("orders.manage");
const portal = withPermission("portal.access");

function ownConsultantId(user: { consultantId: number | null }) {
  if (user.consultantId === null) throw new TRPCError({ code: "FORBIDDEN", cause: new AppError("FORBIDDEN", "errors.forbidden") });
  return user.consultantId;
}

function found<T>(value: T | null) {
  if (value === null) throw new AppError("NOT_FOUND", "errors.notFound");
  return value;
}

export const returnsRouter = router({
  // The company's reasons, for the request forms of both sides. (The products an exchange can
  // send are today's orderable catalogue: orders.catalogue.)
  reasons: authedProcedure.query(({ ctx }) => activeReasons(ctx.db)),

  queue: staff.input(listReturnsSchema).query(({ ctx, input }) => listReturns(ctx.db, input)),
  get: staff.input(returnIdSchema).query(async ({ ctx, input }) => found(await returnDetail(ctx.db, input.id))),
  orderByNumber: staff.input(orderNumberSchema).query(async ({ ctx, input }) => found(await orderForReturn(ctx.db, { number: input.number }, null))),
  create: staff.input(createReturnSchema).mutation(({ ctx, input }) => createReturnRequest(ctx.db, input, { userId: ctx.user.id, ownConsultantId: null })),
  decide: staff.input(decideReturnSchema).mutation(({ ctx, input }) => decideReturn(ctx.db, input, ctx.user.id, { appUrl: ctx.appUrl })),

  mine: portal.input(listReturnsSchema).query(({ ctx, input }) => listReturns(ctx.db, { ...input, consultantId: ownConsultantId(ctx.user) })),
  myGet: portal.input(returnIdSchema).query(async ({ ctx, input }) => {
    const detail = await returnDetail(ctx.db, input.id);
    // Another consultant's request is "not found", exactly like an id that does not exist.
    if (!detail || detail.consultantId !== ownConsultantId(ctx.user)) throw new AppError("NOT_FOUND", "errors.notFound");
    return detail;
  }),
  myReturnableOrders: portal.query(({ ctx }) => returnableOrders(ctx.db, ownConsultantId(ctx.user))),
  myOrder: portal.input(orderIdSchema).query(async ({ ctx, input }) => found(await orderForReturn(ctx.db, { id: input.orderId }, ownConsultantId(ctx.user)))),
  myCreate: portal.input(createReturnSchema).mutation(({ ctx, input }) => createReturnRequest(ctx.db, input, { userId: ctx.user.id, ownConsultantId: ownConsultantId(ctx.user) })),
});
