import { and, asc, desc, eq, gt, gte, inArray, lt, lte, sql, type SQL } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { consultants, genealogy, placementTree } from "@/db/schema";
import { AppError } from "../../errors";
import { idsOf, subtreeEnd, type TreeKind } from "./path";

/** Each tree keeps its ancestry in its own table: `genealogy` (sponsor) and `placement_tree`. */
function treeColumns(tree: TreeKind) {
  return tree === "sponsor"
    ? { table: genealogy, id: genealogy.consultantId, path: genealogy.sponsorPath, depth: genealogy.sponsorDepth, size: genealogy.downlineSize }
    : { table: placementTree, id: placementTree.consultantId, path: placementTree.path, depth: placementTree.depth, size: placementTree.size };
}

export async function nodePath(db: DbOrTx, tree: TreeKind, id: number) {
  const t = treeColumns(tree);
  const [row] = await db.select({ path: t.path, depth: t.depth }).from(t.table).where(eq(t.id, id));
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
  placementSize: sql<number>`coalesce(${placementTree.size}, 0)::int`,
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
      db.select(nodeColumns).from(consultants).innerJoin(genealogy, eq(genealogy.consultantId, consultants.id)).leftJoin(placementTree, eq(placementTree.consultantId, consultants.id)).where(where).orderBy(...order).limit(input.limit).offset(input.offset),
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
    .leftJoin(placementTree, eq(placementTree.consultantId, consultants.id))
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
  const t = treeColumns(tree);
  const rows = await db
    .select({ level: sql<number>`(${t.depth} - ${depth})::int`, count: sql<number>`count(*)::int` })
    .from(t.table)
    .where(and(gt(t.path, path), lt(t.path, subtreeEnd(path))))
    .groupBy(t.depth)
    .orderBy(t.depth);
  return rows;
}

/** Size of each placement leg: the child's subtree size + 1, or 0 for a free leg. */
export async function legSizes(db: DbOrTx, id: number, slots = 2) {
  const rows = await db
    .select({ slot: consultants.placementSlot, size: sql<number>`(${placementTree.size} + 1)::int` })
    .from(consultants)
    .innerJoin(placementTree, eq(placementTree.consultantId, consultants.id))
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
 * Above this many matches a page stops counting them exactly and reports "SMALL+"; the exact
 * count is a second, lazy request (`downlineCount`). 4,000 is 1/250 of a 1M table: at that density
 * walking the sort index costs about what reading the whole matching subtree does (measured in
 * docs/network-storage.md, "Planner cliff").
 */
export const DOWNLINE_EXACT_UP_TO = 4000;

export type DownlinePage<Row> = { rows: Row[]; total: number; totalExact: boolean };

/**
 * One page of a downline. The sponsor tree is served from `genealogy` alone, which holds the path
 * next to copies of every filter and sort column (see db/schema/network.ts), in two shapes:
 *  1. subtree first: read at most DOWNLINE_EXACT_UP_TO + 1 matches by the path range; when they
 *     fit, sort them and return the page with its exact total (small downlines, sparse levels);
 *  2. otherwise walk the sort column's index in order and keep rows inside the subtree, stopping
 *     at the page; the total is then a lower bound.
 * The planner cannot see that depth and path are correlated, so it is not left to choose.
 */
export async function downlinePage(db: DbOrTx, f: DownlineFilter, options: { exactUpTo?: number } = {}) {
  if (f.tree === "placement") return placementDownlinePage(db, f);
  const exactUpTo = options.exactUpTo ?? DOWNLINE_EXACT_UP_TO;
  const { where, depth } = await sponsorDownlineWhere(db, f);
  const direction = f.dir === "asc" ? "asc" : "desc";
  const order = {
    name: sql`name_key ${sql.raw(direction)}, consultant_id`,
    joinedAt: sql`joined_at ${sql.raw(direction)}, consultant_id`,
    level: sql`sponsor_depth ${sql.raw(direction)}, name_key, consultant_id`,
    downline: sql`downline_size ${sql.raw(direction)}, name_key, consultant_id`,
  }[f.sort];
  // With only level and status filters the matches can be counted from the path index alone
  // (INCLUDE depth, status, id): a cheap first look that stops at the threshold.
  const indexOnly = !f.rank && !f.joinedFrom && !f.joinedTo && !f.text;
  const many = indexOnly && (await countMatches(db, where, exactUpTo + 1)) > exactUpTo;
  let total = exactUpTo;
  let ids: { id: number; level: number }[] = [];
  if (!many) {
    const small = await db.execute<{ id: number; level: number; total: number }>(sql`
      with m as materialized (
        select consultant_id, sponsor_depth, name_key, joined_at, downline_size from genealogy
         where ${where} limit ${exactUpTo + 1})
      select consultant_id as id, (sponsor_depth - ${depth})::int as level, count(*) over ()::int as total
        from m order by ${order} limit ${f.limit} offset ${f.offset}`);
    total = small[0]?.total ?? (f.offset > 0 ? await countMatches(db, where, exactUpTo + 1) : 0);
    ids = small.map((r) => ({ id: Number(r.id), level: r.level }));
  }
  const totalExact = total <= exactUpTo && !many;
  if (!totalExact) {
    total = exactUpTo;
    // Many matches: walk the sort column's index in order (name_key, joined_at), keeping rows
    // inside the subtree, so a page costs ~limit/density entries. The planner would rather read
    // the whole range and sort it (it cannot see that depth and path are correlated), so sorting
    // is switched off for this one statement where an index gives the order.
    const walk = (tx: DbOrTx) =>
      tx.execute<{ id: number; level: number }>(sql`
        select consultant_id as id, (sponsor_depth - ${depth})::int as level from genealogy
         where ${where} order by ${order} limit ${f.limit} offset ${f.offset}`);
    const walked =
      f.sort === "name" || f.sort === "joinedAt"
        ? await (db as Db).transaction(async (tx) => {
            await tx.execute(sql`set local enable_sort = off`);
            return walk(tx);
          })
        : await walk(db);
    ids = walked.map((r) => ({ id: Number(r.id), level: r.level }));
  }
  return { rows: await cardsFor(db, ids), total, totalExact } as const;
}

/** The exact number of matches of a downline filter (sponsor tree), for the lazy total. */
export async function downlineCount(db: DbOrTx, f: Omit<DownlineFilter, "sort" | "dir" | "offset" | "limit">) {
  if (f.tree === "placement") return (await placementDownlinePage(db, { ...f, sort: "name", dir: "asc", offset: 0, limit: 1 })).total;
  const { where } = await sponsorDownlineWhere(db, f);
  return countMatches(db, where);
}

async function sponsorDownlineWhere(db: DbOrTx, f: Omit<DownlineFilter, "sort" | "dir" | "offset" | "limit">) {
  const { path, depth } = await nodePath(db, "sponsor", f.rootId);
  const where: SQL[] = [sql`sponsor_path > ${path}`, sql`sponsor_path < ${subtreeEnd(path)}`];
  if (f.levelMin !== undefined) where.push(sql`sponsor_depth >= ${depth + f.levelMin}`);
  if (f.levelMax !== undefined) where.push(sql`sponsor_depth <= ${depth + f.levelMax}`);
  if (f.statuses?.length) where.push(sql`status in (${sql.join(f.statuses.map((s) => sql`${s}::consultant_status`), sql`, `)})`);
  if (f.rank) where.push(sql`rank = ${f.rank}`);
  if (f.joinedFrom) where.push(sql`joined_at >= ${f.joinedFrom}::date`);
  if (f.joinedTo) where.push(sql`joined_at <= ${f.joinedTo}::date`);
  if (f.text) where.push(sql`name_key like ${`%${likeEscape(unaccentLower(f.text))}%`}`);
  return { where: sql.join(where, sql` and `), depth };
}

async function countMatches(db: DbOrTx, where: SQL, cap?: number) {
  const rows = await db.execute<{ n: number }>(
    cap === undefined
      ? sql`select count(*)::int as n from genealogy where ${where}`
      : sql`select count(*)::int as n from (select 1 from genealogy where ${where} limit ${cap}) capped`,
  );
  return rows[0]?.n ?? 0;
}

async function cardsFor(db: DbOrTx, ids: { id: number; level: number }[]) {
  if (!ids.length) return [];
  const cards = await db
    .select({ ...nodeColumns, email: consultants.email, joinedAt: consultants.joinedAt, city: consultants.city, state: consultants.state })
    .from(consultants)
    .innerJoin(genealogy, eq(genealogy.consultantId, consultants.id))
    .leftJoin(placementTree, eq(placementTree.consultantId, consultants.id))
    .where(inArray(consultants.id, ids.map((r) => r.id)));
  const byId = new Map(cards.map((c) => [c.id, c]));
  return ids.map((r) => ({ ...byId.get(r.id)!, level: r.level }));
}

/** The placement tree's downline: its table has no copies, so filters read `consultants`. */
async function placementDownlinePage(db: DbOrTx, f: DownlineFilter) {
  const { path, depth } = await nodePath(db, "placement", f.rootId);
  const where: SQL[] = [gt(placementTree.path, path), lt(placementTree.path, subtreeEnd(path))];
  if (f.levelMin !== undefined) where.push(gte(placementTree.depth, depth + f.levelMin));
  if (f.levelMax !== undefined) where.push(lte(placementTree.depth, depth + f.levelMax));
  if (f.statuses?.length) where.push(inArray(consultants.status, f.statuses));
  if (f.rank) where.push(eq(consultants.rank, f.rank));
  if (f.joinedFrom) where.push(gte(consultants.joinedAt, f.joinedFrom));
  if (f.joinedTo) where.push(lte(consultants.joinedAt, f.joinedTo));
  if (f.text) where.push(sql`immutable_unaccent(lower(${consultants.fullName})) like ${`%${likeEscape(unaccentLower(f.text))}%`}`);
  const sortColumn = { name: consultants.fullName, joinedAt: consultants.joinedAt, level: placementTree.depth, downline: placementTree.size }[f.sort];
  const direction = f.dir === "asc" ? asc : desc;
  const ids = await db
    .select({ id: placementTree.consultantId, level: sql<number>`(${placementTree.depth} - ${depth})::int`, total: sql<number>`count(*) over ()::int` })
    .from(placementTree)
    .innerJoin(consultants, eq(consultants.id, placementTree.consultantId))
    .where(and(...where))
    .orderBy(direction(sortColumn), asc(placementTree.consultantId))
    .limit(f.limit)
    .offset(f.offset);
  let total = ids[0]?.total ?? 0;
  if (!ids.length && f.offset > 0) {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(placementTree).innerJoin(consultants, eq(consultants.id, placementTree.consultantId)).where(and(...where));
    total = row?.n ?? 0;
  }
  return { rows: await cardsFor(db, ids), total, totalExact: true } as const;
}

export function unaccentLower(text: string) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
}

export function likeEscape(text: string) {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
