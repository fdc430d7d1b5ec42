import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { consultants, placementTree } from "@/db/schema";
import type { NodeId, PlacedChild, PlacementView, Slot, TreeShape } from "./placement";
import { SLOT_CODES } from "./tree/path";

/** Binary legs "L"/"R" are stored as placement slots 1/2. */
export function slotToDb(slot: Slot): number {
  if (slot === "L" || slot === "R") return SLOT_CODES[slot];
  return slot;
}

/** A stored slot in the shape's own terms: "L"/"R" for a binary tree, the position for a matrix. */
export function slotFromDb(slot: number, shape: TreeShape = { kind: "binary" }): Slot {
  if (shape.kind === "matrix") return slot;
  return slot === 1 ? "L" : slot === 2 ? "R" : slot;
}

/**
 * The placement tree as stored (slots 1..n), behind the `PlacementView` port: one indexed query
 * per call. Pass the enrolment transaction so the answer sees its own writes.
 */
export function sqlPlacementView(db: DbOrTx, shape: TreeShape = { kind: "binary" }): PlacementView {
  return {
    async childrenOf(parentIds) {
      const out = new Map<NodeId, PlacedChild[]>();
      if (!parentIds.length) return out;
      const rows = await db
        .select({ id: consultants.id, parentId: consultants.placementParentId, slot: consultants.placementSlot })
        .from(consultants)
        .where(inArray(consultants.placementParentId, [...parentIds]));
      for (const r of rows) {
        if (r.parentId === null || r.slot === null) continue;
        const list = out.get(r.parentId) ?? [];
        list.push({ id: r.id, slot: slotFromDb(r.slot, shape) });
        out.set(r.parentId, list);
      }
      return out;
    },
    async legSize(id, slot) {
      const [row] = await db
        .select({ size: sql<number>`(${placementTree.size} + 1)::int` })
        .from(consultants)
        .innerJoin(placementTree, eq(placementTree.consultantId, consultants.id))
        .where(and(eq(consultants.placementParentId, id), eq(consultants.placementSlot, slotToDb(slot))));
      return row?.size ?? 0;
    },
    async endOfLine(id, slot) {
      const rows = await db.execute<{ id: number }>(sql`
        with recursive line(id, depth) as (
          select ${id}::bigint, 0
          union all
          select c.id, l.depth + 1 from consultants c join line l on c.placement_parent_id = l.id
           where c.placement_slot = ${slotToDb(slot)}
        )
        select id from line order by depth desc limit 1`);
      return Number(rows[0]?.id ?? id);
    },
    async isInSubtree(rootId, id) {
      const rows = await db.execute<{ found: boolean }>(sql`
        select starts_with(t.path, r.path) as found
          from placement_tree t, placement_tree r
         where t.consultant_id = ${id} and r.consultant_id = ${rootId}`);
      return Boolean(rows[0]?.found);
    },
  };
}
