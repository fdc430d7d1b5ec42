import { and, asc, desc, eq, gt, gte, inArray, lt, lte, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { consultants, genealogy } from "@/db/schema";
import { AppError } from "../../errors";
import { idsOf, subtreeEnd, type TreeKind } from "./path";

const pathOf = (tree: TreeKind) => (tree === "sponsor" ? genealogy.sponsorPath : genealogy.placementPath);
const depthOf = (tree: TreeKind) => (tree === "sponsor" ? genealogy.sponsorDepth : genealogy.placementDepth);

export async function nodePath(db: DbOrTx, tree: TreeKind, id: number) {
  const [row] = await db
    .select({ path: pathOf(tree), depth: depthOf(tree) })
    .from(genealogy)
    .where(eq(genealogy.consultantId, id));
  if (!row?.path) throw new AppError("NOT_FOUND", "errors.notFound");
  return { path: row.path, depth: row.depth ?? 0 };
}

/** The card a tree node shows. */
const nodeColumns = {
  id: consultants.id,
  code: consultants.code,
  fullName: consultants.fullName,
  status: consultants.status,
  rank: consultants.rank,
  downlineSize: genealogy.downlineSize,
  placementSize: genealogy.placementSize,
  slot: consultants.placementSlot,
};

/**
 * Direct children for lazy tree rendering, paginated (a node can have thousands). With
 * `hideInactive` (the compressed view) an inactive or terminated child is replaced by its nearest
 * active descendants, as compression treats them.
 */
export async function childrenOf(
  db: DbOrTx,
  input: { tree: TreeKind; parentId: number; hideInactive: boolean; offset: number; limit: number },
) {
  const parentColumn = input.tree === "sponsor" ? consultants.sponsorId : consultants.placementParentId;
  const order = input.tree === "sponsor" ? [asc(consultants.fullName), asc(consultants.id)] : [asc(consultants.placementSlot)];
  if (!input.hideInactive) {
    const where = eq(parentColumn, input.parentId);
    const [rows, [total]] = await Promise.all([
      db.select(nodeColumns).from(consultants).innerJoin(genealogy, eq(genealogy.consultantId, consultants.id)).where(where).orderBy(...order).limit(input.limit).offset(input.offset),
      db.select({ n: sql<number>`count(*)::int` }).from(consultants).where(where),
    ]);
    return { rows, total: total?.n ?? 0 };
  }
  const parentCol = sql.identifier(input.tree === "sponsor" ? "sponsor_id" : "placement_parent_id");
  const rows = await db.execute<{ id: number }>(sql`
    with recursive walk(id, active) as (
      select c.id, c.status = 'active' from consultants c where c.${parentCol} = ${input.parentId}
      union all
      select c.id, c.status = 'active' from consultants c join walk w on c.${parentCol} = w.id where not w.active
    )
    select id from walk where active`);
  const ids = rows.map((r) => Number(r.id));
  if (!ids.length) return { rows: [], total: 0 };
  const page = await db
    .select(nodeColumns)
    .from(consultants)
    .innerJoin(genealogy, eq(genealogy.consultantId, consultants.id))
    .where(inArray(consultants.id, ids))
    .orderBy(asc(consultants.fullName), asc(consultants.id))
    .limit(input.limit)
    .offset(input.offset);
  return { rows: page, total: ids.length };
}

/** From the root down to the consultant (both included), for breadcrumbs and "reveal path". */
export async function uplineChain(db: DbOrTx, tree: TreeKind, id: number) {
  const { path } = await nodePath(db, tree, id);
  const ids = idsOf(path);
  const rows = await db
    .select({ id: consultants.id, code: consultants.code, fullName: consultants.fullName, status: consultants.status, slot: consultants.placementSlot })
    .from(consultants)
    .where(inArray(consultants.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((i, level) => ({ ...byId.get(i)!, level }));
}

export async function levelCounts(db: DbOrTx, tree: TreeKind, id: number) {
  const { path, depth } = await nodePath(db, tree, id);
  const p = pathOf(tree);
  const rows = await db
    .select({ level: sql<number>`(${depthOf(tree)} - ${depth})::int`, count: sql<number>`count(*)::int` })
    .from(genealogy)
    .where(and(gt(p, path), lt(p, subtreeEnd(path))))
    .groupBy(depthOf(tree))
    .orderBy(depthOf(tree));
  return rows;
}

/** Size of each placement leg: the child's subtree size + 1, or 0 for a free leg. */
export async function legSizes(db: DbOrTx, id: number, slots = 2) {
  const rows = await db
    .select({ slot: consultants.placementSlot, size: sql<number>`(${genealogy.placementSize} + 1)::int` })
    .from(consultants)
    .innerJoin(genealogy, eq(genealogy.consultantId, consultants.id))
    .where(eq(consultants.placementParentId, id));
  return Array.from({ length: slots }, (_, i) => ({ slot: i + 1, size: rows.find((r) => r.slot === i + 1)?.size ?? 0 }));
}

export const DOWNLINE_SORTS = ["name", "joinedAt", "level", "downline"] as const;
export type DownlineFilter = {
  tree: TreeKind;
  rootId: number;
  levelMin?: number;
  levelMax?: number;
  statuses?: ("active" | "inactive" | "terminated")[];
  rank?: string;
  joinedFrom?: string;
  joinedTo?: string;
  text?: string;
  sort: (typeof DOWNLINE_SORTS)[number];
  dir: "asc" | "desc";
  offset: number;
  limit: number;
};

/**
 * One page of a downline with its total: a single index range over the root's subtree on the
 * narrow genealogy table (filters and sort columns are copied there), then one join for the page.
 */
export async function downlinePage(db: DbOrTx, f: DownlineFilter) {
  const { path, depth } = await nodePath(db, f.tree, f.rootId);
  const p = pathOf(f.tree);
  const d = depthOf(f.tree);
  const where: SQL[] = [gt(p, path), lt(p, subtreeEnd(path))];
  if (f.levelMin !== undefined) where.push(gte(d, depth + f.levelMin));
  if (f.levelMax !== undefined) where.push(lte(d, depth + f.levelMax));
  if (f.statuses?.length) where.push(inArray(genealogy.status, f.statuses));
  if (f.rank) where.push(eq(genealogy.rank, f.rank));
  if (f.joinedFrom) where.push(gte(genealogy.joinedAt, f.joinedFrom));
  if (f.joinedTo) where.push(lte(genealogy.joinedAt, f.joinedTo));
  if (f.text) where.push(sql`immutable_unaccent(lower(${genealogy.fullName})) like ${`%${likeEscape(unaccentLower(f.text))}%`}`);
  const sortColumn = { name: genealogy.fullName, joinedAt: genealogy.joinedAt, level: d, downline: genealogy.downlineSize }[f.sort];
  const direction = f.dir === "asc" ? asc : desc;
  const ids = await db
    .select({ id: genealogy.consultantId, level: sql<number>`(${d} - ${depth})::int`, total: sql<number>`count(*) over ()::int` })
    .from(genealogy)
    .where(and(...where))
    .orderBy(direction(sortColumn), asc(genealogy.consultantId))
    .limit(f.limit)
    .offset(f.offset);
  const total = ids[0]?.total ?? (f.offset > 0 ? await countDownline(db, where) : 0);
  if (!ids.length) return { rows: [], total };
  const cards = await db
    .select({ ...nodeColumns, email: consultants.email, joinedAt: consultants.joinedAt, city: consultants.city, state: consultants.state })
    .from(consultants)
    .innerJoin(genealogy, eq(genealogy.consultantId, consultants.id))
    .where(inArray(consultants.id, ids.map((r) => r.id)));
  const byId = new Map(cards.map((c) => [c.id, c]));
  return { rows: ids.map((r) => ({ ...byId.get(r.id)!, level: r.level })), total };
}

async function countDownline(db: DbOrTx, where: SQL[]) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(genealogy).where(and(...where));
  return row?.n ?? 0;
}

export function unaccentLower(text: string) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
}

export function likeEscape(text: string) {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
