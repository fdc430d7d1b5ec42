import { TRPCError } from "@trpc/server";
import { z } from "zod";
import {
  addCustomer,
  getCustomerProfile,
  listCustomers,
  listCustomersSchema,
  myCustomersSchema,
  newCustomerSchema,
  reassignCustomer,
  reassignCustomerSchema,
} from "../../commerce/customers";
import { AppError } from "../../errors";
import { router, withPermission } from "../init";

/** Staff who manage orders see every customer; a consultant only their own (portal procedures). */
const staff = withPermission("orders.manage");
const portal = withPermission("portal.access");

/** Portal procedures act on the caller's own consultant record, never on an id they send. */
function ownConsultantId(user: { consultantId: number | null }) {
  if (user.consultantId === null) throw new TRPCError({ code: "FORBIDDEN", cause: new AppError("FORBIDDEN", "errors.forbidden") });
  return user.consultantId;
}

export const customersRouter = router({
  list: staff.input(listCustomersSchema).query(({ ctx, input }) => listCustomers(ctx.db, input)),
  get: staff.input(z.object({ id: z.number().int().positive() })).query(({ ctx, input }) => getCustomerProfile(ctx.db, input.id)),
  reassign: staff.input(reassignCustomerSchema).mutation(({ ctx, input }) => reassignCustomer(ctx.db, input, ctx.user.id)),

  // The schema has no consultantId: the list is always the caller's own customers.
  mine: portal.input(myCustomersSchema).query(({ ctx, input }) => listCustomers(ctx.db, { ...input, consultantId: ownConsultantId(ctx.user) })),
  add: portal.input(newCustomerSchema).mutation(({ ctx, input }) => addCustomer(ctx.db, ownConsultantId(ctx.user), input, ctx.user.id)),
});
