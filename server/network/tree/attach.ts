import { eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { consultants, genealogy, placementTree } from "@/db/schema";
import { AppError } from "../../errors";
import { childPath, idsOf } from "./path";

export type PlacementSpot = { parentId: number; slot: number };

/**
 * Puts a freshly inserted consultant (inserted with its `sponsorId`) into both trees: its sponsor
 * row in `genealogy`, its placement row in `placement_tree` (when placed), and +1 on every
 * ancestor's counters. Call inside the transaction that inserted the consultant.
 */
export async function attachToTrees(
  tx: DbOrTx,
  input: { consultantId: number; sponsorId: number | null; placement: PlacementSpot | null },
) {
  const [me] = await tx
    .select({ status: consultants.status, rank: consultants.rank, fullName: consultants.fullName, joinedAt: consultants.joinedAt })
    .from(consultants)
    .where(eq(consultants.id, input.consultantId));
  if (!me) throw new AppError("NOT_FOUND", "errors.notFound");

  const sponsor = input.sponsorId === null
    ? null
    : (await tx.select({ path: genealogy.sponsorPath }).from(genealogy).where(eq(genealogy.consultantId, input.sponsorId)))[0];
  if (input.sponsorId !== null && !sponsor) throw new AppError("BAD_REQUEST", "network.errors.sponsorUnknown", {}, "sponsorId");
  const placementParent = input.placement
    ? (await tx.select({ path: placementTree.path }).from(placementTree).where(eq(placementTree.consultantId, input.placement.parentId)))[0]
    : null;
  if (input.placement && !placementParent) {
    throw new AppError("BAD_REQUEST", "network.errors.placementUnknown", {}, "placementParentId");
  }

  const sponsorPath = childPath(sponsor?.path ?? null, input.consultantId);
  const placementPath = input.placement
    ? childPath(placementParent!.path, input.consultantId)
    : input.sponsorId === null
      ? childPath(null, input.consultantId) // the company's root is the root of both trees
      : null;
  await tx.insert(genealogy).values({
    consultantId: input.consultantId,
    sponsorPath,
    sponsorDepth: idsOf(sponsorPath).length - 1,
    status: me.status,
    rank: me.rank,
    nameKey: sql`immutable_unaccent(lower(${me.fullName}))`,
    joinedAt: me.joinedAt,
  });
  if (placementPath) {
    await tx.insert(placementTree).values({ consultantId: input.consultantId, path: placementPath, depth: idsOf(placementPath).length - 1 });
  }
  if (input.placement) {
    await tx
      .update(consultants)
      .set({ placementParentId: input.placement.parentId, placementSlot: input.placement.slot })
      .where(eq(consultants.id, input.consultantId));
  }
  await bumpAncestors(tx, "sponsor", idsOf(sponsorPath).slice(0, -1), 1);
  if (placementPath) await bumpAncestors(tx, "placement", idsOf(placementPath).slice(0, -1), 1);
}

/**
 * Adds `delta` to the subtree counter of each ancestor. The rows are locked first in id order, so
 * two transactions touching overlapping uplines queue instead of deadlocking.
 */
export async function bumpAncestors(tx: DbOrTx, tree: "sponsor" | "placement", ids: number[], delta: number) {
  if (!ids.length || delta === 0) return;
  if (tree === "sponsor") {
    await tx.select({ id: genealogy.consultantId }).from(genealogy).where(inArray(genealogy.consultantId, ids)).orderBy(genealogy.consultantId).for("update");
    await tx.update(genealogy).set({ downlineSize: sql`${genealogy.downlineSize} + ${delta}` }).where(inArray(genealogy.consultantId, ids));
  } else {
    await tx.select({ id: placementTree.consultantId }).from(placementTree).where(inArray(placementTree.consultantId, ids)).orderBy(placementTree.consultantId).for("update");
    await tx.update(placementTree).set({ size: sql`${placementTree.size} + ${delta}` }).where(inArray(placementTree.consultantId, ids));
  }
}
