import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { consultants, genealogy, placementTree } from "@/db/schema";
import { AppError } from "../../errors";
import { shiftGroupVolume } from "../../commerce/volumes";
import { bumpAncestors } from "./attach";
import { idsOf, segment, SEGMENT, subtreeEnd, type TreeKind } from "./path";

type Node = { id: number; path: string; size: number };

/** Locks the rows of `ids` in one tree's table, in id order (so concurrent moves queue, not deadlock). */
async function lockNodes(tx: DbOrTx, tree: TreeKind, ids: number[]): Promise<Map<number, Node>> {
  const rows =
    tree === "sponsor"
      ? await tx
          .select({ id: genealogy.consultantId, path: genealogy.sponsorPath, size: genealogy.downlineSize })
          .from(genealogy)
          .where(inArray(genealogy.consultantId, ids))
          .orderBy(genealogy.consultantId)
          .for("update")
      : await tx
          .select({ id: placementTree.consultantId, path: placementTree.path, size: placementTree.size })
          .from(placementTree)
          .where(inArray(placementTree.consultantId, ids))
          .orderBy(placementTree.consultantId)
          .for("update");
  return new Map(rows.map((r) => [r.id, r]));
}

/** Rewrites the paths of a whole subtree from `oldPrefix` to `newPrefix` (one range update). */
async function rewriteSubtree(tx: DbOrTx, tree: TreeKind, rootPath: string, oldPrefix: string, newPrefix: string) {
  const depthDelta = (newPrefix.length - oldPrefix.length) / SEGMENT;
  if (tree === "sponsor") {
    await tx.execute(sql`
      update genealogy
         set sponsor_path = ${newPrefix} || substr(sponsor_path, ${oldPrefix.length + 1}),
             sponsor_depth = sponsor_depth + ${depthDelta}
       where sponsor_path >= ${rootPath} and sponsor_path < ${subtreeEnd(rootPath)}`);
  } else {
    await tx.execute(sql`
      update placement_tree
         set path = ${newPrefix} || substr(path, ${oldPrefix.length + 1}),
             depth = depth + ${depthDelta}
       where path >= ${rootPath} and path < ${subtreeEnd(rootPath)}`);
  }
}

/** Counter changes for a move of `n` nodes: ancestors common to both chains are left alone. */
async function shiftCounters(tx: DbOrTx, tree: TreeKind, oldAncestors: number[], newAncestors: number[], n: number) {
  const keep = new Set(oldAncestors.filter((id) => newAncestors.includes(id)));
  await bumpAncestors(tx, tree, oldAncestors.filter((id) => !keep.has(id)), -n);
  await bumpAncestors(tx, tree, newAncestors.filter((id) => !keep.has(id)), n);
}

export type MoveResult = { tree: TreeKind; consultantId: number; moved: number; oldParentId: number | null; newParentId: number; oldSlot?: number | null; newSlot?: number };

/**
 * Moves a consultant with their whole subtree under a new parent in one tree. Refuses a move
 * under oneself or one's own downline (a cycle) and, in the placement tree, a taken slot.
 */
export async function moveSubtree(
  tx: DbOrTx,
  input: { tree: TreeKind; consultantId: number; newParentId: number; newSlot?: number; maxSlot?: number },
): Promise<MoveResult> {
  const { tree, consultantId, newParentId } = input;
  if (consultantId === newParentId) throw new AppError("CONFLICT", "network.errors.cycle");
  const nodes = await lockNodes(tx, tree, [consultantId, newParentId]);
  const node = nodes.get(consultantId);
  const parent = nodes.get(newParentId);
  if (!node || !parent) {
    // In the placement tree a consultant without a row is simply not placed.
    if (tree === "placement") throw new AppError("CONFLICT", "network.errors.notPlaced");
    throw new AppError("NOT_FOUND", "errors.notFound");
  }
  const oldPath = node.path;
  const parentPath = parent.path;
  if (parentPath.startsWith(oldPath)) throw new AppError("CONFLICT", "network.errors.cycle");

  const [current] = await tx
    .select({ sponsorId: consultants.sponsorId, placementParentId: consultants.placementParentId, placementSlot: consultants.placementSlot })
    .from(consultants)
    .where(eq(consultants.id, consultantId));
  const oldParentId = tree === "sponsor" ? (current?.sponsorId ?? null) : (current?.placementParentId ?? null);

  if (tree === "placement") {
    const slot = input.newSlot;
    if (!slot || slot < 1 || slot > (input.maxSlot ?? 2)) throw new AppError("BAD_REQUEST", "network.errors.invalidSlot", {}, "newSlot");
    const [taken] = await tx
      .select({ id: consultants.id })
      .from(consultants)
      .where(and(eq(consultants.placementParentId, newParentId), eq(consultants.placementSlot, slot)));
    if (taken && taken.id !== consultantId) throw new AppError("CONFLICT", "network.errors.slotTaken", {}, "newSlot");
  } else if (oldParentId === newParentId) {
    return { tree, consultantId, moved: 0, oldParentId, newParentId };
  }

  const moved = node.size + 1;
  const newPath = parentPath + segment(consultantId);
  await shiftCounters(tx, tree, idsOf(oldPath).slice(0, -1), idsOf(parentPath), moved);
  // Group volume follows the sponsor tree: the moved subtree's PV leaves the old upline's GV.
  if (tree === "sponsor") await shiftGroupVolume(tx, { subtreePath: oldPath, oldAncestors: idsOf(oldPath).slice(0, -1), newAncestors: idsOf(parentPath) });
  await rewriteSubtree(tx, tree, oldPath, oldPath, newPath);
  if (tree === "sponsor") {
    await tx.update(consultants).set({ sponsorId: newParentId, updatedAt: new Date() }).where(eq(consultants.id, consultantId));
  } else {
    // Free the old slot first: the unique index on (parent, slot) checks every row.
    await tx.update(consultants).set({ placementParentId: newParentId, placementSlot: input.newSlot!, updatedAt: new Date() }).where(eq(consultants.id, consultantId));
  }
  return { tree, consultantId, moved, oldParentId, newParentId, oldSlot: current?.placementSlot ?? null, newSlot: input.newSlot };
}

/**
 * Compression in the sponsor tree: a consultant's direct downline (with their own downlines)
 * rolls up to the consultant's sponsor. The consultant stays in place with no downline.
 * Returns how many consultants rolled up and the ids of the direct downline that moved.
 */
export async function rollUpSponsorDownline(tx: DbOrTx, consultantId: number) {
  const nodes = await lockNodes(tx, "sponsor", [consultantId]);
  const node = nodes.get(consultantId);
  if (!node) throw new AppError("NOT_FOUND", "errors.notFound");
  const [me] = await tx.select({ sponsorId: consultants.sponsorId }).from(consultants).where(eq(consultants.id, consultantId));
  if (!me?.sponsorId) throw new AppError("CONFLICT", "network.errors.rootCannotRollUp");
  const children = await tx.select({ id: consultants.id }).from(consultants).where(eq(consultants.sponsorId, consultantId));
  if (!children.length) return { rolledUp: 0, children: [] as number[] };
  const parentPrefix = node.path.slice(0, -SEGMENT);
  // Everyone below stays below the upline, but no longer below the consultant: only their GV drops.
  await shiftGroupVolume(tx, { subtreePath: node.path, oldAncestors: [consultantId], newAncestors: [], descendantsOnly: true });
  // Descendants drop the consultant's segment from their paths; the ancestors' counts are
  // unchanged (everyone stays below them), only the consultant's own count becomes 0.
  await tx.execute(sql`
    update genealogy
       set sponsor_path = ${parentPrefix} || substr(sponsor_path, ${node.path.length + 1}),
           sponsor_depth = sponsor_depth - 1
     where sponsor_path > ${node.path} and sponsor_path < ${subtreeEnd(node.path)}`);
  await tx.update(genealogy).set({ downlineSize: 0 }).where(eq(genealogy.consultantId, consultantId));
  await tx.update(consultants).set({ sponsorId: me.sponsorId, updatedAt: new Date() }).where(eq(consultants.sponsorId, consultantId));
  return { rolledUp: node.size, children: children.map((c) => c.id) };
}

