import type { Sql, TransactionSql } from "postgres";

/** Helper SQL shared by the text-path candidates (A, C, D) and the lookups. */
export const FUNCTIONS = `
create extension if not exists ltree;
create extension if not exists pg_trgm;
create extension if not exists unaccent;
-- one fixed-width base-36 path segment per id (6 chars: ids < 36^6 = 2,176,782,336)
create function tree_seg(id bigint) returns text language sql immutable strict parallel safe
return substr('0123456789abcdefghijklmnopqrstuvwxyz', (id / 60466176 % 36)::int + 1, 1)
    || substr('0123456789abcdefghijklmnopqrstuvwxyz', (id / 1679616 % 36)::int + 1, 1)
    || substr('0123456789abcdefghijklmnopqrstuvwxyz', (id / 46656 % 36)::int + 1, 1)
    || substr('0123456789abcdefghijklmnopqrstuvwxyz', (id / 1296 % 36)::int + 1, 1)
    || substr('0123456789abcdefghijklmnopqrstuvwxyz', (id / 36 % 36)::int + 1, 1)
    || substr('0123456789abcdefghijklmnopqrstuvwxyz', (id % 36)::int + 1, 1);
-- the paths of a node's ancestors-or-self, root first (so the upline is found through the path index)
create function tree_prefixes(path text) returns text[] language sql immutable strict parallel safe
return array(select left(path, 6 * k) from generate_series(1, length(path) / 6) k);
-- unaccent() is only STABLE (it reads its dictionary); pinning the dictionary makes it indexable
create function immutable_unaccent(text) returns text language sql immutable strict parallel safe
return public.unaccent('public.unaccent'::regdictionary, $1);`;

const COLUMNS = `id bigint not null, code text not null, full_name text not null, email text not null, phone text,
  document text not null, status consultant_status not null, sponsor_id bigint, joined_at date not null, city text,
  state text, country text not null, locale text not null, site_slug text, created_at timestamptz not null,
  updated_at timestamptz not null`;
const FROM_BASE = `b.id, b.code, b.full_name, b.email, b.phone, b.document, b.status, b.sponsor_id, b.joined_at, b.city,
  b.state, b.country, b.locale, null, b.created_at, b.updated_at`;

/** The consultants table's own indexes (today's schema + document, name sort, name search): paid by every
 * non-HOT update of its rows, so by every path rewrite when the path lives in this table. */
export const otherIndexes = (t: string) => [
  `alter table ${t} add primary key (id)`,
  `create unique index ${t}_code_key on ${t} (code)`,
  `create unique index ${t}_document_key on ${t} (document)`,
  `create unique index ${t}_site_slug_key on ${t} (site_slug)`,
  `create index ${t}_sponsor_idx on ${t} (sponsor_id)`,
  `create index ${t}_status_idx on ${t} (status)`,
  `create index ${t}_joined_at_idx on ${t} (joined_at, id)`,
  `create index ${t}_name_idx on ${t} (full_name collate "und-x-icu", id)`,
  `create index ${t}_name_search_idx on ${t} using gin (immutable_unaccent(lower(full_name)) gin_trgm_ops)`,
  `alter table ${t} add foreign key (sponsor_id) references ${t} (id)`,
];

export type Node = { path: string; depth: number; size: number };
export type Sort = "name" | "joined";

export type Candidate = {
  key: string;
  label: string;
  /** statements that load the structure, then the statements that index it (timed apart) */
  load: string[];
  index: string[];
  vacuum: string[];
  node: string; // $1 id → path (text), depth, size (downline + 1)
  page(sort: Sort): string; // $1 path, $2 depth, $3..$4 level range
  /** the page read subtree-first, with its exact total, if the filtered set has at most $5 rows; else only total = $5 + 1
   * (then the set is large and page() walks the sort index instead) */
  pathFirst?(sort: Sort): string;
  count: string; // same parameters, exact count of the filtered set
  upline: string; // $1 id
  children: string; // $1 id
  move(tx: TransactionSql, id: number, to: number): Promise<{ rewrite: number; counters: number }>;
};

const now = () => performance.now();
const ORDER = {
  name: (t: string, id: string) => `${t}.full_name collate "und-x-icu", ${t}.${id}`,
  joined: (t: string, id: string) => `${t}.joined_at desc, ${t}.${id} desc`,
};
const D_ORDER = { name: "t.name_key, t.consultant_id", joined: "t.joined_at desc, t.consultant_id desc" };
const TEXT_SUB = (t: string) => `${t}.path >= $1 and ${t}.path < $1 || '~'`;
const LEVELS = (t: string) => `${t}.depth between $2::int + $3::int and $2::int + $4::int`;

/** Sponsor counters after a move or insert: old upline −n, new upline +n, common ancestors untouched.
 * $1 old parent path ('' for an insert), $2 new parent path, $3 consultants moved, $4 of which active. */
export const textCounters = (table: string, active = false) => `
  update ${table} t set downline_size = t.downline_size + d.delta${active ? ", active_size = t.active_size + d.active" : ""}
  from (select p, sum(delta)::int as delta, sum(active)::int as active
        from (select unnest(tree_prefixes($1)) as p, -$3::int as delta, -$4::int as active
              union all select unnest(tree_prefixes($2)), $3::int, $4::int) x
        group by p having sum(delta) <> 0 or sum(active) <> 0) d
  where t.path = d.p`;

/** Rewrite a subtree's paths under a new parent (text path), then fix the counters. */
async function moveText(tx: TransactionSql, table: string, id: string, m: number, to: number, adjacency: string | null, active = false, consultants = "consultants") {
  await tx`select pg_advisory_xact_lock(hashtext('sponsor-tree'))`; // one structural change at a time
  const rows = await tx.unsafe(`select ${id} as id, path, depth, downline_size${active ? ", active_size + (status = 'active')::int as active" : ", 0 as active"}
    from ${table} where ${id} in ($1, $2) for update`, [m, to]);
  const src = rows.find((r) => Number(r.id) === m)!, dst = rows.find((r) => Number(r.id) === to)!;
  if ((dst.path as string).startsWith(src.path)) throw new Error("move would create a cycle");
  let t = now();
  await tx.unsafe(
    `update ${table} set path = $2 || substr(path, $3), depth = depth + $4::int${adjacency ? `, sponsor_id = case when id = $5 then $6 else sponsor_id end` : ""}
     where path >= $1 and path < $1 || '~'`,
    [src.path, dst.path, src.path.length - 5, dst.depth + 1 - src.depth, ...(adjacency ? [m, to] : [])],
  );
  if (!adjacency) await tx.unsafe(`update ${consultants} set sponsor_id = $1 where id = $2`, [to, m]);
  const rewrite = now() - t;
  t = now();
  await tx.unsafe(textCounters(table, active), [src.path.slice(0, -6), dst.path, src.downline_size + 1, src.active]);
  return { rewrite, counters: now() - t };
}

export function candidates(): Candidate[] {
  const inTable = (key: string, label: string, t: string, pathType: string, structIndex: string, sub: (a: string) => string): Candidate => ({
    key, label,
    load: [`create table ${t} (${COLUMNS}, path ${pathType} not null, depth int not null, downline_size int not null)`,
      `insert into ${t} select ${FROM_BASE}, p.path, p.depth, c.downline_size from base b join ${key === "B" ? "ltree_paths" : "text_paths"} p using (id) join calc c using (id)`,
      ...otherIndexes(t)],
    index: [structIndex],
    vacuum: [`vacuum analyze ${t}`],
    node: `select path::text as path, depth, downline_size + 1 as size from ${t} where id = $1`,
    page: (sort) => `select t.id, t.full_name, t.status, t.joined_at, t.depth - $2::int as level, t.downline_size, t.email, t.city
      from ${t} t where ${sub("t")} and ${LEVELS("t")} and t.status = 'active' order by ${ORDER[sort]("t", "id")} limit 50`,
    count: `select count(*)::int as n from ${t} t where ${sub("t")} and ${LEVELS("t")} and t.status = 'active'`,
    upline: key === "B"
      ? `select t.id, t.full_name, t.depth from ${t} t where t.id = any(string_to_array((select path::text from ${t} where id = $1), '.')::bigint[]) order by t.depth`
      : `select t.id, t.full_name, t.depth from ${t} t where t.path = any(tree_prefixes((select path from ${t} where id = $1))) order by t.depth`,
    children: `select t.id, t.full_name, t.status, t.downline_size from ${t} t where t.sponsor_id = $1 order by ${ORDER.name("t", "id")} limit 100`,
    move: key === "B" ? (tx, m, to) => moveLtree(tx, t, m, to) : (tx, m, to) => moveText(tx, t, "id", m, to, "sponsor_id"),
  });
  return [
    inTable("A", "text path (base-36, C) + btree, in consultants", "a_consultants", `text collate "C"`,
      `create unique index a_consultants_path_idx on a_consultants (path) include (depth, status)`, TEXT_SUB),
    inTable("B", "ltree + GiST, in consultants (baseline)", "b_consultants", "ltree",
      `create index b_consultants_path_idx on b_consultants using gist (path)`, (a) => `${a}.path <@ $1::ltree`),
    {
      key: "C", label: "text path + btree, narrow side table c_tree (join)",
      load: [`create table c_tree (consultant_id bigint not null, path text collate "C" not null, depth int not null, downline_size int not null)`,
        `insert into c_tree select id, p.path, p.depth, c.downline_size from text_paths p join calc c using (id)`],
      index: [`alter table c_tree add primary key (consultant_id)`,
        `create unique index c_tree_path_idx on c_tree (path) include (depth)`,
        `alter table c_tree add foreign key (consultant_id) references consultants (id)`],
      vacuum: [`vacuum analyze c_tree`],
      node: `select path, depth, downline_size + 1 as size from c_tree where consultant_id = $1`,
      page: (sort) => `select c.id, c.full_name, c.status, c.joined_at, t.depth - $2::int as level, t.downline_size, c.email, c.city
        from c_tree t join consultants c on c.id = t.consultant_id
        where ${TEXT_SUB("t")} and ${LEVELS("t")} and c.status = 'active' order by ${ORDER[sort]("c", "id")} limit 50`,
      count: `select count(*)::int as n from c_tree t join consultants c on c.id = t.consultant_id
        where ${TEXT_SUB("t")} and ${LEVELS("t")} and c.status = 'active'`,
      upline: `select c.id, c.full_name, t.depth from c_tree t join consultants c on c.id = t.consultant_id
        where t.path = any(tree_prefixes((select path from c_tree where consultant_id = $1))) order by t.depth`,
      children: `select c.id, c.full_name, c.status, t.downline_size from consultants c join c_tree t on t.consultant_id = c.id
        where c.sponsor_id = $1 order by ${ORDER.name("c", "id")} limit 100`,
      move: (tx, m, to) => moveText(tx, "c_tree", "consultant_id", m, to, null),
    },
    {
      key: "D", label: "side table d_tree: path + the page's filter/sort keys, 4 btrees (recommended)",
      load: [`create table d_tree (consultant_id bigint not null, path text collate "C" not null, depth int not null,
          downline_size int not null, active_size int not null, status consultant_status not null,
          name_key text collate "C" not null, joined_at date not null) with (autovacuum_vacuum_scale_factor = 0.01)`,
        `insert into d_tree select id, p.path, p.depth, c.downline_size, c.active_size, b.status, immutable_unaccent(lower(b.full_name)), b.joined_at
          from text_paths p join calc c using (id) join base b using (id)`],
      index: [`alter table d_tree add primary key (consultant_id)`,
        `create unique index d_tree_path_idx on d_tree (path) include (depth, status, consultant_id)`,
        `create index d_tree_name_idx on d_tree (name_key, consultant_id)`,
        `create index d_tree_joined_at_idx on d_tree (joined_at, consultant_id)`,
        `alter table d_tree add foreign key (consultant_id) references consultants (id)`],
      vacuum: [`vacuum analyze d_tree`],
      node: `select path, depth, downline_size + 1 as size from d_tree where consultant_id = $1`,
      page: (sort) => `select t.consultant_id as id, c.full_name, t.status, t.joined_at, t.depth - $2::int as level, t.downline_size, c.email, c.city
        from d_tree t join consultants c on c.id = t.consultant_id
        where ${TEXT_SUB("t")} and ${LEVELS("t")} and t.status = 'active' order by ${D_ORDER[sort]} limit 50`,
      pathFirst: (sort) => `with m as materialized (
          select t.consultant_id from d_tree t where ${TEXT_SUB("t")} and ${LEVELS("t")} and t.status = 'active' limit $5::int + 1),
        n as (select count(*)::int as total from m)
        select n.total, p.* from n left join lateral (
          select t.consultant_id as id, c.full_name, t.status, t.joined_at, t.depth - $2::int as level, t.downline_size, c.email, c.city
          from m join d_tree t using (consultant_id) join consultants c on c.id = t.consultant_id
          where n.total <= $5::int order by ${D_ORDER[sort]} limit 50) p on true`,
      count: `select count(*)::int as n from d_tree t where ${TEXT_SUB("t")} and ${LEVELS("t")} and t.status = 'active'`,
      upline: `select c.id, c.full_name, t.depth from d_tree t join consultants c on c.id = t.consultant_id
        where t.path = any(tree_prefixes((select path from d_tree where consultant_id = $1))) order by t.depth`,
      children: `select c.id, c.full_name, c.status, t.downline_size, t.active_size from consultants c join d_tree t on t.consultant_id = c.id
        where c.sponsor_id = $1 order by ${ORDER.name("c", "id")} limit 100`,
      move: (tx, m, to) => moveText(tx, "d_tree", "consultant_id", m, to, null, true),
    },
    {
      key: "E", label: "text path + ONE covering btree, side table e_tree (page = index-only range scan)",
      load: [`create table e_tree (consultant_id bigint not null, path text collate "C" not null, depth int not null,
          downline_size int not null, status consultant_status not null, name_key text collate "C" not null, joined_at date not null)
          with (autovacuum_vacuum_scale_factor = 0.01)`,
        `insert into e_tree select id, p.path, p.depth, c.downline_size, b.status, immutable_unaccent(lower(b.full_name)), b.joined_at
          from text_paths p join calc c using (id) join base b using (id)`],
      index: [`alter table e_tree add primary key (consultant_id)`,
        `create unique index e_tree_path_idx on e_tree (path) include (depth, status, name_key, joined_at, consultant_id)`,
        `alter table e_tree add foreign key (consultant_id) references consultants (id)`],
      vacuum: [`vacuum analyze e_tree`],
      node: `select path, depth, downline_size + 1 as size from e_tree where consultant_id = $1`,
      page: (sort) => `select t.consultant_id as id, c.full_name, t.status, t.joined_at, t.level, d.downline_size, c.email, c.city
        from (select t.consultant_id, t.status, t.joined_at, t.name_key, t.depth - $2::int as level from e_tree t
              where ${TEXT_SUB("t")} and ${LEVELS("t")} and t.status = 'active'
              order by ${sort === "name" ? "t.name_key, t.consultant_id" : ORDER.joined("t", "consultant_id")} limit 50) t
        join e_tree d on d.consultant_id = t.consultant_id join consultants c on c.id = t.consultant_id
        order by ${sort === "name" ? "t.name_key, t.consultant_id" : ORDER.joined("t", "consultant_id")}`,
      count: `select count(*)::int as n from e_tree t where ${TEXT_SUB("t")} and ${LEVELS("t")} and t.status = 'active'`,
      upline: `select c.id, c.full_name, t.depth from e_tree t join consultants c on c.id = t.consultant_id
        where t.path = any(tree_prefixes((select path from e_tree where consultant_id = $1))) order by t.depth`,
      children: `select c.id, c.full_name, c.status, t.downline_size from consultants c join e_tree t on t.consultant_id = c.id
        where c.sponsor_id = $1 order by ${ORDER.name("c", "id")} limit 100`,
      move: (tx, m, to) => moveText(tx, "e_tree", "consultant_id", m, to, null),
    },
    {
      key: "F", label: "side table f_tree (path index, counters) + UNINDEXED path copy in consultants (HOT)",
      load: [`create table f_consultants (${COLUMNS}, sponsor_path text collate "C" not null, sponsor_depth int not null) with (fillfactor = 70)`,
        `insert into f_consultants select ${FROM_BASE}, p.path, p.depth from base b join text_paths p using (id)`,
        ...otherIndexes("f_consultants"),
        `create table f_tree (consultant_id bigint not null, path text collate "C" not null, depth int not null, status consultant_status not null,
          downline_size int not null, active_size int not null) with (fillfactor = 90, autovacuum_vacuum_scale_factor = 0.01)`,
        `insert into f_tree select id, p.path, p.depth, b.status, c.downline_size, c.active_size from text_paths p join calc c using (id) join base b using (id)`],
      index: [`alter table f_tree add primary key (consultant_id)`,
        `create unique index f_tree_path_idx on f_tree (path) include (depth, status)`,
        `alter table f_tree add foreign key (consultant_id) references f_consultants (id)`],
      vacuum: [`vacuum analyze f_tree`, `vacuum analyze f_consultants`],
      node: `select path, depth, downline_size + 1 as size from f_tree where consultant_id = $1`,
      page: (sort) => `select c.id, c.full_name, c.status, c.joined_at, c.sponsor_depth - $2::int as level, t.downline_size, c.email, c.city
        from f_consultants c join f_tree t on t.consultant_id = c.id
        where c.sponsor_path >= $1 and c.sponsor_path < $1 || '~' and c.sponsor_depth between $2::int + $3::int and $2::int + $4::int
          and c.status = 'active' order by ${ORDER[sort]("c", "id")} limit 50`,
      pathFirst: (sort) => `with m as materialized (
          select t.consultant_id from f_tree t where ${TEXT_SUB("t")} and ${LEVELS("t")} and t.status = 'active' limit $5::int + 1),
        n as (select count(*)::int as total from m)
        select n.total, p.* from n left join lateral (
          select c.id, c.full_name, c.status, c.joined_at, c.sponsor_depth - $2::int as level, t.downline_size, c.email, c.city
          from m join f_consultants c on c.id = m.consultant_id join f_tree t on t.consultant_id = c.id
          where n.total <= $5::int order by ${ORDER[sort]("c", "id")} limit 50) p on true`,
      count: `select count(*)::int as n from f_tree t where ${TEXT_SUB("t")} and ${LEVELS("t")} and t.status = 'active'`,
      upline: `select c.id, c.full_name, t.depth from f_tree t join f_consultants c on c.id = t.consultant_id
        where t.path = any(tree_prefixes((select path from f_tree where consultant_id = $1))) order by t.depth`,
      children: `select c.id, c.full_name, c.status, t.downline_size, t.active_size from f_consultants c join f_tree t on t.consultant_id = c.id
        where c.sponsor_id = $1 order by ${ORDER.name("c", "id")} limit 100`,
      move: async (tx, m, to) => {
        const r = await moveText(tx, "f_tree", "consultant_id", m, to, null, true, "f_consultants");
        const t = now();
        const { path, depth } = (await tx`select path, depth from f_tree where consultant_id = ${m}`)[0]!;
        const [old] = await tx`select sponsor_path, sponsor_depth from f_consultants where id = ${m}`;
        await tx`update f_consultants set sponsor_path = ${path} || substr(sponsor_path, ${old!.sponsor_path.length + 1}),
          sponsor_depth = sponsor_depth + ${depth - old!.sponsor_depth}::int
          where sponsor_path >= ${old!.sponsor_path} and sponsor_path < ${old!.sponsor_path} || '~'`;
        return { rewrite: r.rewrite + now() - t, counters: r.counters };
      },
    },
  ];
}

async function moveLtree(tx: TransactionSql, t: string, m: number, to: number) {
  await tx`select pg_advisory_xact_lock(hashtext('sponsor-tree'))`;
  const rows = await tx.unsafe(`select id, path::text as path, depth, downline_size from ${t} where id in ($1, $2) for update`, [m, to]);
  const src = rows.find((r) => Number(r.id) === m)!, dst = rows.find((r) => Number(r.id) === to)!;
  if (`${dst.path}.`.startsWith(`${src.path}.`)) throw new Error("move would create a cycle");
  let t0 = now();
  await tx.unsafe(
    `update ${t} set path = $2::ltree || subpath(path, nlevel($1::ltree) - 1), depth = depth + $3::int,
       sponsor_id = case when id = $4 then $5 else sponsor_id end where path <@ $1::ltree`,
    [src.path, dst.path, dst.depth + 1 - src.depth, m, to],
  );
  const rewrite = now() - t0;
  t0 = now();
  await tx.unsafe(
    `update ${t} t set downline_size = t.downline_size + d.delta
     from (select id, sum(delta)::int as delta
           from (select unnest(string_to_array($1, '.')::bigint[]) as id, -$3::int as delta
                 union all select unnest(string_to_array($2, '.')::bigint[]), $3::int) x
           group by id having sum(delta) <> 0) d
     where t.id = d.id`,
    [src.path.split(".").slice(0, -1).join("."), dst.path, src.downline_size + 1],
  );
  return { rewrite, counters: now() - t0 };
}

/** SQL-only rebuilds (repair job; an import computes the same in memory, see buildInMemory). */
export const SQL_BUILD = {
  textPaths: `create unlogged table text_paths as
    with recursive t(id, path, depth) as (
      select id, tree_seg(id), 0 from base where sponsor_id is null
      union all
      select b.id, t.path || tree_seg(b.id), t.depth + 1 from t join base b on b.sponsor_id = t.id)
    select * from t`,
  ltreePaths: `create unlogged table ltree_paths as
    with recursive t(id, path, depth) as (
      select id, id::text::ltree, 0 from base where sponsor_id is null
      union all
      select b.id, t.path || b.id::text, t.depth + 1 from t join base b on b.sponsor_id = t.id)
    select * from t`,
  counters: `create unlogged table sql_counters as
    select left(path, 6 * k) as path, count(*) - 1 as downline_size
    from text_paths, generate_series(1, depth + 1) k group by 1`,
};

/** Placement tree: binary legs. Counters: per ancestor, the size of the leg that holds the change. */
export const PLACEMENT = {
  load: [`create table p_tree (consultant_id bigint not null, parent_id bigint, side char(1), path text collate "C" not null,
      depth int not null, left_size int not null, right_size int not null)`,
    `insert into p_tree select c.id, b.placement_parent_id, b.placement_side, c.ppath, c.pdepth, c.left_size, c.right_size
      from calc c join base b using (id)`],
  index: [`alter table p_tree add primary key (consultant_id)`,
    `create unique index p_tree_path_idx on p_tree (path) include (depth)`,
    `create unique index p_tree_slot_key on p_tree (parent_id, side)`,
    `alter table p_tree add foreign key (consultant_id) references consultants (id)`],
  /** legs of every ancestor of a (parent path, side) slot change by delta; $1/$2/$3 old slot, $4/$5/$6 new slot */
  legs: `
    update p_tree t set left_size = t.left_size + d.l, right_size = t.right_size + d.r
    from (select anc, coalesce(sum(delta) filter (where side = 'L'), 0)::int as l,
                 coalesce(sum(delta) filter (where side = 'R'), 0)::int as r
          from (select left(s.parent, 6 * k) as anc, s.delta, case when k = length(s.parent) / 6 then s.side
                         else (select c.side from p_tree c where c.path = left(s.parent, 6 * (k + 1))) end as side
                from (values ($1::text, $2::text, $3::int), ($4::text, $5::text, $6::int)) s(parent, side, delta)
                cross join generate_series(1, length(s.parent) / 6) k) x
          group by anc) d
    where t.path = d.anc and (d.l <> 0 or d.r <> 0)`,
};

export async function movePlacement(tx: TransactionSql, m: number, to: number, side: "L" | "R") {
  await tx`select pg_advisory_xact_lock(hashtext('placement-tree'))`;
  const [src] = await tx`select path, depth, side, left_size + right_size + 1 as size from p_tree where consultant_id = ${m} for update`;
  const [dst] = await tx`select path, depth from p_tree where consultant_id = ${to} for update`;
  if (dst!.path.startsWith(src!.path)) throw new Error("move would create a cycle");
  let t = now();
  await tx`update p_tree set path = ${dst!.path} || substr(path, ${src!.path.length - 5}), depth = depth + ${dst!.depth + 1 - src!.depth}::int,
    parent_id = case when consultant_id = ${m} then ${to} else parent_id end, side = case when consultant_id = ${m} then ${side} else side end
    where path >= ${src!.path} and path < ${src!.path} || '~'`;
  const rewrite = now() - t;
  t = now();
  await tx.unsafe(PLACEMENT.legs, [src!.path.slice(0, -6), src!.side, -src!.size, dst!.path, side, src!.size]);
  return { rewrite, counters: now() - t };
}

export async function exec(sql: Sql, statements: string[]) {
  for (const s of statements) await sql.unsafe(s);
}
