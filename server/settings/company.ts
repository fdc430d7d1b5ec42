import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { companySettings } from "@/db/schema";
import { recordAudit } from "../audit/record";
import { AppError } from "../errors";
import type { TreeShape } from "../network/placement";

import { AUTO_PLACEMENT_RULES, MATRIX_WIDTH, type AutoPlacementRule } from "./constants";

export { AUTO_PLACEMENT_RULES, type AutoPlacementRule };

export type NetworkSettings = { shape: TreeShape; defaultPlacementRule: AutoPlacementRule; updatedAt: Date };

export const networkSettingsInput = z
  .object({
    placementShape: z.enum(["binary", "matrix"]),
    matrixWidth: z.number().int().min(MATRIX_WIDTH.min, { error: "settings.errors.widthRange" }).max(MATRIX_WIDTH.max, { error: "settings.errors.widthRange" }).nullish(),
    defaultPlacementRule: z.enum(AUTO_PLACEMENT_RULES),
  })
  .superRefine((v, ctx) => {
    if (v.placementShape === "matrix" && !v.matrixWidth) ctx.addIssue({ code: "custom", path: ["matrixWidth"], message: "errors.required" });
  });

/** The company's network settings (the migration inserts the one row; defaults if it is missing). */
export async function getNetworkSettings(db: DbOrTx): Promise<NetworkSettings> {
  const [row] = await db.select().from(companySettings).where(eq(companySettings.id, 1));
  const shape: TreeShape = row?.placementShape === "matrix" && row.matrixWidth ? { kind: "matrix", width: row.matrixWidth } : { kind: "binary" };
  return { shape, defaultPlacementRule: (row?.defaultPlacementRule ?? "breadth_first") as AutoPlacementRule, updatedAt: row?.updatedAt ?? new Date(0) };
}

/** How many placement slots a parent has under the company's shape (binary: 2). */
export const slotCount = (shape: TreeShape) => (shape.kind === "binary" ? 2 : shape.width);

/**
 * Changes the shape or the default rule. A shape is refused when the placement tree already uses
 * a position it would not have (a matrix of 4 cannot become binary while someone sits in
 * position 3): the tree is never left in a state its own rules call invalid.
 */
export async function updateNetworkSettings(db: Db, input: z.output<typeof networkSettingsInput>, actorUserId: string) {
  const width = input.placementShape === "binary" ? 2 : input.matrixWidth!;
  return db.transaction(async (tx) => {
    // Enrolments and moves read the shape; take the row lock so none races the check below.
    const before = await tx.select().from(companySettings).where(eq(companySettings.id, 1)).for("update");
    const [used] = await tx.execute<{ slot: number | null }>(sql`select max(placement_slot)::int as slot from consultants`);
    if ((used?.slot ?? 0) > width) {
      throw new AppError("CONFLICT", "settings.errors.slotInUse", { slot: String(used!.slot), width: String(width) }, "matrixWidth");
    }
    const values = {
      placementShape: input.placementShape,
      matrixWidth: input.placementShape === "matrix" ? input.matrixWidth! : null,
      defaultPlacementRule: input.defaultPlacementRule,
      updatedAt: new Date(),
      updatedBy: actorUserId,
    };
    await tx.insert(companySettings).values({ id: 1, ...values }).onConflictDoUpdate({ target: companySettings.id, set: values });
    const old = before[0];
    await recordAudit(tx, {
      actorUserId,
      action: "settings.network",
      entityType: "company_settings",
      entityId: "1",
      before: old ? { placementShape: old.placementShape, matrixWidth: old.matrixWidth, defaultPlacementRule: old.defaultPlacementRule } : null,
      after: { placementShape: values.placementShape, matrixWidth: values.matrixWidth, defaultPlacementRule: values.defaultPlacementRule },
    });
    return getNetworkSettings(tx);
  });
}

/** Customer states: days since the last purchase that end "active" and begin "lost" (see commerce/customer-segments). */
const days = z.number({ error: "customers.errors.daysRange" }).int({ error: "customers.errors.daysRange" }).min(1, { error: "customers.errors.daysRange" }).max(3650, { error: "customers.errors.daysRange" });
export const customerSettingsInput = z
  .object({ activeDays: days, lostDays: days })
  .refine((v) => v.lostDays >= v.activeDays, { error: "customers.errors.thresholds", path: ["lostDays"] });

export async function getCustomerSettings(db: DbOrTx) {
  const [row] = await db
    .select({ activeDays: companySettings.customerActiveDays, lostDays: companySettings.customerLostDays, updatedAt: companySettings.updatedAt })
    .from(companySettings)
    .where(eq(companySettings.id, 1));
  return row ?? { activeDays: 90, lostDays: 365, updatedAt: new Date(0) };
}

export async function updateCustomerSettings(db: Db, input: z.output<typeof customerSettingsInput>, actorUserId: string) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(companySettings).where(eq(companySettings.id, 1)).for("update");
    const values = { customerActiveDays: input.activeDays, customerLostDays: input.lostDays, updatedAt: new Date(), updatedBy: actorUserId };
    await tx.insert(companySettings).values({ id: 1, ...values }).onConflictDoUpdate({ target: companySettings.id, set: values });
    await recordAudit(tx, {
      actorUserId,
      action: "settings.customers",
      entityType: "company_settings",
      entityId: "1",
      before: before ? { activeDays: before.customerActiveDays, lostDays: before.customerLostDays } : null,
      after: input,
    });
    return getCustomerSettings(tx);
  });
}

/** Commerce: the company's currency and after how many hours an untouched cart counts as abandoned. */
export async function getCommerceSettings(db: DbOrTx) {
  const [row] = await db.select({ currency: companySettings.currency, cartAbandonAfterHours: companySettings.cartAbandonAfterHours }).from(companySettings).where(eq(companySettings.id, 1));
  return row ?? { currency: "BRL", cartAbandonAfterHours: 48 };
}
