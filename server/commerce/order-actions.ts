import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { consultants, customers } from "@/db/schema";
import { AppError } from "../errors";
import type { myOrderSchema, staffOrderSchema } from "./order-schemas";
import { createOrder } from "./orders";

/**
 * Who may order for whom. Staff order for any consultant that is not terminated, for the
 * consultant's own purchase or for one of that consultant's customers; a consultant orders for
 * themself or for their own customers only. A customer id that is not the consultant's gets the
 * same answer whether or not it exists, so nobody probes for other consultants' customers.
 */
async function customerBelongs(db: DbOrTx, customerId: number, consultantId: number) {
  const [row] = await db.select({ consultantId: customers.consultantId }).from(customers).where(eq(customers.id, customerId));
  return row?.consultantId === consultantId;
}

export async function placeStaffOrder(db: Db, input: z.output<typeof staffOrderSchema>, actorUserId: string) {
  const [consultant] = await db.select({ status: consultants.status }).from(consultants).where(eq(consultants.id, input.consultantId));
  if (!consultant) throw new AppError("BAD_REQUEST", "errors.notFound", {}, "consultantId");
  if (consultant.status === "terminated") throw new AppError("BAD_REQUEST", "orders.errors.consultantTerminated", {}, "consultantId");
  if (input.customerId !== null && !(await customerBelongs(db, input.customerId, input.consultantId))) {
    throw new AppError("BAD_REQUEST", "orders.errors.customerOfAnother", {}, "customerId");
  }
  return createOrder(db, { ...input, channel: "staff", place: true, actorUserId });
}

export async function placeMyOrder(db: Db, consultantId: number, input: z.output<typeof myOrderSchema>, actorUserId: string) {
  if (input.customerId !== null && !(await customerBelongs(db, input.customerId, consultantId))) {
    throw new AppError("FORBIDDEN", "commerce.errors.customerNotYours", {}, "customerId");
  }
  return createOrder(db, { ...input, consultantId, channel: "portal", place: true, actorUserId });
}
