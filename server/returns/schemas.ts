import { z } from "zod";
import { pageInput } from "../pagination";
import { PHOTOS_PER_REQUEST } from "./photos";

const id = z.number().int().positive();
export const RETURN_KINDS = ["return", "exchange"] as const;
export const RETURN_STATUSES = ["pending", "approved", "rejected"] as const;

export const returnLineInput = z.object({
  orderLineId: id,
  quantity: z.number().int().min(1, { error: "returns.errors.quantity" }).max(999, { error: "returns.errors.quantity" }),
  /** Exchanges only: the product sent in place of this line's (the same product for a like-for-like swap). */
  replacementProductId: id.nullish(),
});

export const createReturnSchema = z
  .object({
    orderId: id,
    kind: z.enum(RETURN_KINDS),
    reasonId: id,
    notes: z.string().trim().max(1000, { error: "errors.tooLong" }).nullish(),
    lines: z.array(returnLineInput).min(1, { error: "returns.errors.noLines" }).max(100, { error: "errors.tooLong" }),
    photos: z.array(z.string().max(300)).max(PHOTOS_PER_REQUEST, { error: "returns.errors.tooManyPhotos" }).default([]),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<number>();
    v.lines.forEach((l, i) => {
      if (seen.has(l.orderLineId)) ctx.addIssue({ code: "custom", path: ["lines", i, "orderLineId"], message: "returns.errors.duplicateLine" });
      seen.add(l.orderLineId);
      if (v.kind === "exchange" && !l.replacementProductId) ctx.addIssue({ code: "custom", path: ["lines", i, "replacementProductId"], message: "returns.errors.replacementRequired" });
    });
  });

export const decideReturnSchema = z
  .object({
    id,
    decision: z.enum(["approve", "reject"]),
    comment: z.string().trim().max(1000, { error: "errors.tooLong" }).default(""),
  })
  .superRefine((v, ctx) => {
    // A refusal is explained to the person who asked; an approval may go without words.
    if (v.decision === "reject" && v.comment.length < 3) ctx.addIssue({ code: "custom", path: ["comment"], message: "returns.errors.commentRequired" });
  });

export const listReturnsSchema = pageInput.extend({
  status: z.enum(RETURN_STATUSES).optional(),
  kind: z.enum(RETURN_KINDS).optional(),
  /** An order number, or a consultant's code or name. */
  q: z.string().trim().max(100, { error: "errors.tooLong" }).optional(),
});

export const returnIdSchema = z.object({ id });
export const orderIdSchema = z.object({ orderId: id });
export const orderNumberSchema = z.object({ number: z.string().trim().min(1, { error: "errors.required" }).max(20, { error: "errors.tooLong" }) });
