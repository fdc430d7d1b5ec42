import { eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { consultants, genealogy } from "@/db/schema";
import { AppError } from "../../errors";
import { childPath, idsOf } from "./path";

export type PlacementSpot = { parentId: number; slot: number };

/**
 * Puts a freshly inserted consultant (inserted with its `sponsorId`) into both trees: its genealogy row (paths, depths) and +1
 * on every ancestor's counters. Call inside the transaction that inserted the consultant.
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

  const parents = [input.sponsorId, input.placement?.parentId].filter((x): x is number => x !== null && x !== undefined);
  const rows = parents.length
    ? await tx
        .select({ id: genealogy.consultantId, sponsorPath: genealogy.sponsorPath, placementPath: genealogy.placementPath })
        .from(genealogy)
        .where(inArray(genealogy.consultantId, parents))
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const sponsor = input.sponsorId === null ? null : byId.get(input.sponsorId);
  if (input.sponsorId !== null && !sponsor) throw new AppError("BAD_REQUEST", "network.errors.sponsorUnknown", {}, "sponsorId");
  const placementParent = input.placement ? byId.get(input.placement.parentId) : null;
  if (input.placement && !placementParent?.placementPath) {
    throw new AppError("BAD_REQUEST", "network.errors.placementUnknown", {}, "placementParentId");
  }

  const sponsorPath = childPath(sponsor?.sponsorPath ?? null, input.consultantId);
  const placementPath = input.placement
    ? childPath(placementParent!.placementPath!, input.consultantId)
    : input.sponsorId === null
      ? childPath(null, input.consultantId) // the company's root is the root of both trees
      : null;
  await tx.insert(genealogy).values({
    consultantId: input.consultantId,
    sponsorPath,
    sponsorDepth: idsOf(sponsorPath).length - 1,
    placementPath,
    placementDepth: placementPath ? idsOf(placementPath).length - 1 : null,
    status: me.status,
    rank: me.rank,
    fullName: me.fullName,
    joinedAt: me.joinedAt,
  });
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
  await tx.select({ id: genealogy.consultantId }).from(genealogy).where(inArray(genealogy.consultantId, ids)).orderBy(genealogy.consultantId).for("update");
  const column = tree === "sponsor" ? genealogy.downlineSize : genealogy.placementSize;
  await tx
    .update(genealogy)
    .set(tree === "sponsor" ? { downlineSize: sql`${column} + ${delta}` } : { placementSize: sql`${column} + ${delta}` })
    .where(inArray(genealogy.consultantId, ids));
}
