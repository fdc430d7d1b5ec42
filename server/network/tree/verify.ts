import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

export type TreeCheck = { name: string; violations: number; examples: number[] };

/**
 * The invariants of both trees, checked against the adjacency truth: every consultant has a
 * genealogy row, and a placement_tree row exactly when placed (or the root); the copies in
 * genealogy equal consultants; each path is its parent's path plus its own segment (which also rules out
 * cycles: a path cannot contain itself); counters equal real subtree sizes (checked locally, see below); a binary parent has
 * at most its two legs. Linear full scans: an admin action and a test, not a request-path check.
 */
export async function verifyTrees(db: DbOrTx, options: { maxSlot?: number } = {}): Promise<TreeCheck[]> {
  const maxSlot = options.maxSlot ?? 2;
  const checks: [string, ReturnType<typeof sql>][] = [
    ["missingGenealogy", sql`select c.id from consultants c left join genealogy g on g.consultant_id = c.id where g.consultant_id is null`],
    [
      "sponsorPath",
      sql`select c.id from consultants c join genealogy g on g.consultant_id = c.id
          left join genealogy p on p.consultant_id = c.sponsor_id
          where g.sponsor_path is distinct from coalesce(p.sponsor_path, '') || tree_segment(c.id)
             or g.sponsor_depth <> length(g.sponsor_path) / 7 - 1`,
    ],
    [
      "placementPath",
      sql`select c.id from consultants c left join placement_tree g on g.consultant_id = c.id
          left join placement_tree p on p.consultant_id = c.placement_parent_id
          where ((c.placement_parent_id is not null or c.sponsor_id is null)
                 and (g.path is distinct from coalesce(p.path, '') || tree_segment(c.id)
                      or g.depth <> length(g.path) / 7 - 1))
             or (c.placement_parent_id is null and c.sponsor_id is not null and g.consultant_id is not null)`,
    ],
    [
      "genealogyCopies",
      sql`select c.id from consultants c join genealogy g on g.consultant_id = c.id
          where g.status <> c.status or g.rank is distinct from c.rank or g.joined_at <> c.joined_at
             or g.name_key <> immutable_unaccent(lower(c.full_name))`,
    ],
    // Local form of "counter = subtree size": each counter is the sum over its children of
    // (child's counter + 1). By induction from the leaves that is the subtree size, in linear time.
    [
      "downlineSize",
      sql`select g.consultant_id from genealogy g
          left join (select c.sponsor_id as pid, sum(k.downline_size + 1)::int as n
                       from consultants c join genealogy k on k.consultant_id = c.id
                      where c.sponsor_id is not null group by c.sponsor_id) s on s.pid = g.consultant_id
          where g.downline_size <> coalesce(s.n, 0)`,
    ],
    [
      "placementSize",
      sql`select g.consultant_id from placement_tree g
          left join (select c.placement_parent_id as pid, sum(k.size + 1)::int as n
                       from consultants c join placement_tree k on k.consultant_id = c.id
                      where c.placement_parent_id is not null group by c.placement_parent_id) s on s.pid = g.consultant_id
          where g.size <> coalesce(s.n, 0)`,
    ],
    [
      "placementSlots",
      sql`select placement_parent_id from consultants where placement_parent_id is not null
          group by placement_parent_id having count(*) > ${maxSlot} or bool_or(placement_slot not between 1 and ${maxSlot})`,
    ],
  ];
  const out: TreeCheck[] = [];
  for (const [name, query] of checks) {
    const rows = await db.execute<{ id: number }>(sql`select count(*) over ()::int as total, q.* from (${query}) q limit 5`);
    const first = rows[0] as unknown as { total?: number } | undefined;
    out.push({ name, violations: first?.total ?? 0, examples: rows.map((r) => Number(Object.values(r)[1])) });
  }
  return out;
}
