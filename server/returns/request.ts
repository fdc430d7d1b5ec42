import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { orders, products, returnLines, returnReasons, returnRequests } from "@/db/schema";
import { recordAudit } from "../audit/record";
import { AppError } from "../errors";
import { fileStore, type FileStore } from "../storage/files";
import { isOwnPhotoKey } from "./photos";
import { returnableLines } from "./returnable";
import type { createReturnSchema } from "./schemas";

export type Requester = {
  userId: string;
  /** Set for a consultant asking in the portal: the order must be theirs. Null for staff. */
  ownConsultantId: number | null;
};

/**
 * Registers a return or exchange request against a delivered order. The order row is locked for
 * the transaction, so requests for one order queue here and each sees what the previous ones
 * took: quantities never exceed what was bought minus what is returned or pending.
 * An order outside the requester's scope is "not found", like an id that does not exist.
 */
export async function createReturnRequest(db: Db, input: z.output<typeof createReturnSchema>, requester: Requester, store: FileStore = fileStore()) {
  for (const [i, key] of input.photos.entries()) {
    if (!isOwnPhotoKey(key, requester.userId) || (await store.get(key)) === null) throw new AppError("BAD_REQUEST", "returns.errors.photoMissing", {}, `photos.${i}`);
  }
  return db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, input.orderId)).for("update");
    if (!order || (requester.ownConsultantId !== null && order.consultantId !== requester.ownConsultantId)) throw new AppError("NOT_FOUND", "errors.notFound");
    if (order.status !== "delivered") throw new AppError("CONFLICT", "returns.errors.notDelivered", { number: order.number });
    const [reason] = await tx.select().from(returnReasons).where(eq(returnReasons.id, input.reasonId));
    if (!reason?.active) throw new AppError("BAD_REQUEST", "returns.errors.reason", {}, "reasonId");

    const lines = new Map((await returnableLines(tx, order.id)).map((l) => [l.id, l]));
    input.lines.forEach((l, i) => {
      const line = lines.get(l.orderLineId);
      if (!line) throw new AppError("BAD_REQUEST", "returns.errors.notOnOrder", {}, `lines.${i}.orderLineId`);
      if (l.quantity > line.available) throw new AppError("BAD_REQUEST", "returns.errors.tooMany", { max: line.available, name: line.name }, `lines.${i}.quantity`);
    });
    if (input.kind === "exchange") {
      const ids = [...new Set(input.lines.map((l) => l.replacementProductId!))];
      const found = await tx.select({ id: products.id, active: products.active, currency: products.currency }).from(products).where(inArray(products.id, ids));
      const ok = new Set(found.filter((p) => p.active && p.currency === order.currency).map((p) => p.id));
      input.lines.forEach((l, i) => {
        if (!ok.has(l.replacementProductId!)) throw new AppError("BAD_REQUEST", "commerce.errors.productUnavailable", {}, `lines.${i}.replacementProductId`);
      });
    }

    const [request] = await tx
      .insert(returnRequests)
      .values({ orderId: order.id, kind: input.kind, reasonId: reason.id, notes: input.notes || null, photos: input.photos, requestedBy: requester.userId })
      .returning();
    await tx.insert(returnLines).values(
      input.lines.map((l) => ({ requestId: request!.id, orderLineId: l.orderLineId, quantity: l.quantity, replacementProductId: input.kind === "exchange" ? l.replacementProductId! : null })),
    );
    await recordAudit(tx, {
      actorUserId: requester.userId,
      action: `return.request`,
      entityType: "return_request",
      entityId: request!.id,
      after: { orderId: order.id, kind: input.kind, reasonId: reason.id, lines: input.lines, photos: input.photos.length },
    });
    return request!;
  });
}

/** Whether a request's order belongs to a consultant (portal reads of one request). */
export async function requestBelongsTo(db: Db, requestId: number, consultantId: number) {
  const [row] = await db
    .select({ id: returnRequests.id })
    .from(returnRequests)
    .innerJoin(orders, eq(orders.id, returnRequests.orderId))
    .where(and(eq(returnRequests.id, requestId), eq(orders.consultantId, consultantId)));
  return Boolean(row);
}
