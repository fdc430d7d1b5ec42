import { TRPCError } from "@trpc/server";
import { orderableProducts } from "../../commerce/catalogue";
import { checkout, checkoutSchema } from "../../commerce/checkout";
import { issueInvoices } from "../../commerce/invoices";
import { placeMyOrder, placeStaffOrder } from "../../commerce/order-actions";
import { currentVolumes, customersOf, listOrders, orderDetail, recentPeriods } from "../../commerce/order-queries";
import {
  advanceSchema,
  customerLookupSchema,
  issueInvoicesSchema,
  listOrdersSchema,
  myCustomersSchema,
  myOrderSchema,
  myOrdersSchema,
  orderIdSchema,
  paySchema,
  staffOrderSchema,
} from "../../commerce/order-schemas";
import { advanceOrder, payOrder } from "../../commerce/orders";
import { AppError } from "../../errors";
import { authedProcedure, publicProcedure, router, withPermission } from "../init";

const staff = withPermission("orders.manage");
const portal = withPermission("portal.access");

/** Portal procedures act on the caller's own consultant record, never on an id they send. */
function ownConsultantId(user: { consultantId: number | null }) {
  if (user.consultantId === null) throw new TRPCError({ code: "FORBIDDEN", cause: new AppError("FORBIDDEN", "errors.forbidden") });
  return user.consultantId;
}

function found<T>(value: T | null) {
  if (value === null) throw new AppError("NOT_FOUND", "errors.notFound");
  return value;
}

export const ordersRouter = router({
  // Staff (orders.manage): every order, any consultant. Status changes are audited by the services.
  list: staff.input(listOrdersSchema).query(({ ctx, input }) => listOrders(ctx.db, input)),
  get: staff.input(orderIdSchema).query(async ({ ctx, input }) => found(await orderDetail(ctx.db, input.id))),
  periods: staff.query(({ ctx }) => recentPeriods(ctx.db)),
  customers: staff.input(customerLookupSchema).query(({ ctx, input }) => customersOf(ctx.db, input.consultantId, input.q, input.limit)),
  create: staff.input(staffOrderSchema).mutation(({ ctx, input }) => placeStaffOrder(ctx.db, input, ctx.user.id)),
  pay: staff.input(paySchema).mutation(({ ctx, input }) => payOrder(ctx.db, input, ctx.user.id)),
  issueInvoices: staff.input(issueInvoicesSchema).mutation(({ ctx, input }) => issueInvoices(ctx.db, input.orderIds, ctx.user.id)),
  advance: staff.input(advanceSchema).mutation(({ ctx, input }) => advanceOrder(ctx.db, input, ctx.user.id)),

  // What can be ordered today, with both prices: the staff and portal order forms. Nothing private.
  catalogue: authedProcedure.query(({ ctx }) => orderableProducts(ctx.db)),

  // Portal (portal.access): the caller's own orders and customers only.
  mine: portal.input(myOrdersSchema).query(({ ctx, input }) => listOrders(ctx.db, { ...input, consultantId: ownConsultantId(ctx.user) })),
  myOrder: portal.input(orderIdSchema).query(async ({ ctx, input }) => {
    const order = await orderDetail(ctx.db, input.id);
    // Another consultant's order is "not found", exactly like an id that does not exist.
    if (!order || order.consultantId !== ownConsultantId(ctx.user)) throw new AppError("NOT_FOUND", "errors.notFound");
    return order;
  }),
  myCustomers: portal.input(myCustomersSchema).query(({ ctx, input }) => customersOf(ctx.db, ownConsultantId(ctx.user), input.q, input.limit)),
  placeMine: portal.input(myOrderSchema).mutation(({ ctx, input }) => placeMyOrder(ctx.db, ownConsultantId(ctx.user), input, ctx.user.id)),
  myVolumes: portal.query(({ ctx }) => currentVolumes(ctx.db, ownConsultantId(ctx.user))),

  // The replicated site's checkout (called by its server action): public, validated, rate-limited.
  checkout: publicProcedure.input(checkoutSchema).mutation(({ ctx, input }) => checkout(ctx.db, input, { ip: ctx.ip })),
});
