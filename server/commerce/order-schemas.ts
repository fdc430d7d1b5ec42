import { z } from "zod";
import { orders } from "@/db/schema";
import { pageInput } from "../pagination";
import { idempotencyKey, orderLinesInput, PAYMENT_METHODS, payInput } from "./orders";

/** Inputs of the order screens (staff and portal); the site checkout has its own in checkout.ts. */

const id = z.number().int().positive();
export const ORDER_STATUSES = orders.status.enumValues;
export const ORDER_CHANNELS = orders.channel.enumValues;
export const ORDER_SORTS = ["createdAt", "number", "total", "status"] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];

const listFilters = pageInput.extend({
  status: z.enum(ORDER_STATUSES).optional(),
  channel: z.enum(ORDER_CHANNELS).optional(),
  /** Customer name or e-mail (accents and case ignored), or an order number. */
  text: z.string().trim().max(100, { error: "errors.tooLong" }).optional(),
  periodId: id.optional(),
  from: z.iso.date({ error: "errors.invalidValue" }).optional(),
  to: z.iso.date({ error: "errors.invalidValue" }).optional(),
  sort: z.enum(ORDER_SORTS).default("createdAt"),
  dir: z.enum(["asc", "desc"]).default("desc"),
});
const rangeInOrder = (i: { from?: string; to?: string }) => !i.from || !i.to || i.from <= i.to;

export const listOrdersSchema = listFilters.extend({ consultantId: id.optional() }).refine(rangeInOrder, { error: "errors.dateRange", path: ["to"] });
/** The portal's list: always the caller's own orders, so no consultant filter. */
export const myOrdersSchema = listFilters.refine(rangeInOrder, { error: "errors.dateRange", path: ["to"] });
export type ListOrdersInput = z.output<typeof listOrdersSchema>;

export const orderIdSchema = z.object({ id });

const newOrderFields = {
  /** null: the consultant's own purchase (consultant price); else one of their customers (retail). */
  customerId: id.nullable(),
  lines: orderLinesInput,
  paymentMethod: z.enum(PAYMENT_METHODS),
  idempotencyKey,
};
export const staffOrderSchema = z.object({ consultantId: id, ...newOrderFields });
export const myOrderSchema = z.object(newOrderFields);

/** Paying from a screen always carries the client's key: a double click records one payment. */
export const paySchema = payInput.extend({ idempotencyKey });
export const advanceSchema = z.object({
  orderId: id,
  to: z.enum(["shipped", "delivered", "cancelled"]),
  note: z.string().trim().max(500, { error: "errors.tooLong" }).nullish(),
});
export const issueInvoicesSchema = z.object({
  orderIds: z.array(id).min(1, { error: "orders.errors.noneSelected" }).max(200, { error: "orders.errors.tooManySelected" }),
});

export const customerLookupSchema = z.object({
  consultantId: id,
  q: z.string().trim().max(100, { error: "errors.tooLong" }).default(""),
  limit: z.number().int().min(1).max(50).default(20),
});
export const myCustomersSchema = customerLookupSchema.omit({ consultantId: true });
