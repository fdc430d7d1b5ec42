import { randomBytes } from "node:crypto";
import os from "node:os";
import postgres from "postgres";
import { buildInMemory } from "./network-spike/build";
import { generateNetwork, loadBase, type Network } from "./network-spike/generate";
import { candidates, exec, FUNCTIONS, movePlacement, otherIndexes, PLACEMENT, SQL_BUILD, textCounters, type Candidate } from "./network-spike/structures";

/**
 * Genealogy storage spike: which ancestry structure for the sponsor tree at 1,000,000 consultants.
 * `node --import tsx tests/bench/network-spike.ts [--n=1000000] [--only=A,B,C,D,E,F] [--keep]`
 * Default: D (the recommendation) + placement tree + inserts + lookups. Candidates: structures.ts.
 * Generates the network, builds each candidate for all rows, measures pages, counts, upline, moves,
 * counters, and prints PASS/FAIL against DESIGN.md's budgets. Needs PostgreSQL 15+ with ltree, pg_trgm,
 * unaccent (SPIKE_PG, default the local server); creates rede_spike_<random>, drops it at the end.
 * Findings: docs/network-storage.md.
 */
const arg = (k: string) => process.argv.find((a) => a.startsWith(`--${k}`))?.split("=")[1] ?? (process.argv.includes(`--${k}`) ? "1" : undefined);
const N = Number(arg("n") ?? 1_000_000);
const ONLY = (arg("only") ?? "D").split(","); // the recommendation; the comparison: --only=A,B then --only=C,E (each run < 10 min)
const RUNS = 50;
const adminUrl = process.env.SPIKE_PG ?? "postgres://postgres@127.0.0.1:5432/postgres";
const dbName = `rede_spike_${randomBytes(3).toString("hex")}`;
const pathBuild = { text: 0, ltree: 0 };
const importParts: number[] = []; // D + P: what a 1M import spends on the network tables

type Line = { who: string; what: string; value: string; budget?: string; pass?: boolean };
const lines: Line[] = [];
const ms = (x: number) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);
function note(who: string, what: string, value: string, budget?: string, pass?: boolean) {
  lines.push({ who, what, value, budget, pass });
  console.log(`  ${who.padEnd(3)} ${what.padEnd(58)} ${value}${budget ? `   [${pass ? "PASS" : "FAIL"} ${budget}]` : ""}`);
}
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;
const median = (xs: number[]) => pct(xs, 50);
async function timed<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const r = await f();
  return [performance.now() - t, r];
}
/** p50/p95 of `runs` calls after 3 warm-up calls (warm cache: the figures are for a page shown again and again) */
async function sample(runs: number, f: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await f(i);
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) xs.push((await timed(() => f(i)))[0]);
  return { p50: pct(xs, 50), p95: pct(xs, 95), xs };
}
const q = (x: { p50: number; p95: number }) => `p50 ${ms(x.p50)}  p95 ${ms(x.p95)}`;

const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${dbName}`);
const sql = postgres(adminUrl.replace(/\/[^/]*$/, `/${dbName}`), { max: 1, onnotice: () => {} });
try {
  const [v] = await sql`select version() as v, current_setting('shared_buffers') as sb, current_setting('work_mem') as wm,
    current_setting('max_wal_size') as wal, current_setting('jit') as jit`;
  console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, load ${os.loadavg().map((x) => x.toFixed(1)).join(" ")}`);
  console.log(`postgres: ${v!.v.split(" on ")[0]}; shared_buffers ${v!.sb}, work_mem ${v!.wm}, max_wal_size ${v!.wal}, jit ${v!.jit} (server defaults)`);
  console.log(`date: ${new Date().toISOString()}, n = ${N.toLocaleString("en")}, database ${dbName}\n`);
  await sql.unsafe(`create type consultant_status as enum ('active', 'inactive', 'terminated')`);
  await sql.unsafe(FUNCTIONS);

  // 1. the network
  const [tGen, net] = await timed(async () => generateNetwork(N));
  const [tCopy] = await timed(() => loadBase(sql, net));
  note("-", "generate network in memory (both trees, names)", ms(tGen));
  note("-", "COPY into Postgres + derive other columns in SQL", ms(tCopy));
  importParts.push(tCopy);
  await describe(net);

  // 2. bulk builds: in memory (the import's way) and SQL-only (the repair job's way)
  await sql`set maintenance_work_mem = '512MB'`; // session settings of the import/rebuild job only
  await sql`set work_mem = '256MB'`;
  const [tMem, mem] = await timed(() => buildInMemory(sql));
  note("-", `in-memory build, both trees (paths, depth, sizes, legs) + COPY`, ms(tMem), "~tens of s", tMem <= 30_000);
  importParts.push(tMem);
  const [tPrep] = await timed(() => exec(sql, [`create index on base (sponsor_id) include (id)`, `vacuum analyze base`]));
  const [tText] = await timed(() => exec(sql, [SQL_BUILD.textPaths]));
  const [tLtree] = await timed(() => exec(sql, [SQL_BUILD.ltreePaths]));
  pathBuild.text = tText, pathBuild.ltree = tLtree;
  const [tCount] = await timed(() => exec(sql, [SQL_BUILD.counters]));
  note("-", "SQL rebuild: index on (sponsor_id) include (id) + vacuum", ms(tPrep));
  note("-", "SQL rebuild: text paths + depth (recursive CTE)", ms(tText));
  note("-", "SQL rebuild: ltree paths + depth (recursive CTE)", ms(tLtree));
  note("-", "SQL rebuild: downline sizes from the paths (group by prefix)", ms(tCount));
  const [chk] = await sql`select
    (select count(*) from calc c join text_paths p using (id) where c.spath <> p.path or c.sdepth <> p.depth)::int as paths,
    (select count(*) from calc c join text_paths p using (id) join sql_counters s on s.path = p.path where s.downline_size <> c.downline_size)::int as sizes`;
  if (chk!.paths || chk!.sizes) throw new Error(`in-memory and SQL builds disagree: ${JSON.stringify(chk)}`);
  console.log(`  (in-memory and SQL builds agree; max depth sponsor ${mem.maxDepth}, placement ${mem.maxPlacementDepth})`);

  // 3. the candidates; C, D and E keep the tree out of a plain consultants table (A, B, F build their own)
  const all = candidates().filter((c) => ONLY.includes(c.key));
  if (all.some((c) => "CDE".includes(c.key))) {
    const [tl] = await timed(() => exec(sql, [`create table consultants as select id, code, full_name, email, phone, document, status, sponsor_id,
      joined_at, city, state, country, locale, null::text as site_slug, created_at, updated_at from base`]));
    const [ti] = await timed(() => exec(sql, otherIndexes("consultants")));
    note("CDE", "consultants (no tree columns): load / its 9 indexes + FK", `${ms(tl)} / ${ms(ti)}`);
    importParts.push(tl + ti);
    await exec(sql, [`vacuum analyze consultants`]);
  }
  for (const c of all) await measure(c, net);
  if (ONLY.includes("D")) await placementAndInserts(net);
  if (all.some((c) => "CDE".includes(c.key))) await lookups();
  summary();
} finally {
  await sql.end();
  if (!arg("keep")) await admin.unsafe(`drop database if exists ${dbName} with (force)`);
  await admin.end();
}

async function describe(net: Network) {
  let maxKids = 0, sumDepth = 0;
  const kids = new Int32Array(net.n + 1);
  for (let i = 2; i <= net.n; i++) maxKids = Math.max(maxKids, ++kids[net.sponsor[i]!]!);
  for (let i = 1; i <= net.n; i++) sumDepth += net.depth[i]!;
  const levels = [0, 0, 0, 0, 0];
  for (let i = net.big + 1; i <= net.n; i++) {
    let a = i, up = 0;
    while (a > net.big && up < 6) { a = net.sponsor[a]!; up++; }
    if (a === net.big && up <= 5) levels[up - 1]!++;
  }
  console.log(`  sponsor tree: mean depth ${(sumDepth / net.n).toFixed(1)}, max frontline ${maxKids}; designated node ${net.big}: downline ${net.size[net.big]!.toLocaleString("en")} at depth ${net.depth[net.big]}, levels 1-5: ${levels.join("/")}`);
  console.log(`  move target ${net.target}; small-downline node ${net.small} (${net.size[net.small]}); mid node ${net.mid} (${net.size[net.mid]!.toLocaleString("en")})`);
}

async function measure(c: Candidate, net: Network) {
  console.log(`\n${c.key}. ${c.label}`);
  await sql`set maintenance_work_mem = '512MB'`;
  const [tLoad] = await timed(() => exec(sql, c.load.slice(0, 2)));
  const [tOther] = await timed(() => exec(sql, c.load.slice(2)));
  const [tIndex] = await timed(() => exec(sql, c.index));
  await exec(sql, c.vacuum);
  await sql`reset maintenance_work_mem`;
  await sql`reset work_mem`; // queries and moves run with the server defaults
  const tPath = c.key === "B" ? pathBuild.ltree : pathBuild.text;
  note(c.key, "build: path SQL / load / structure indexes", `${ms(tPath)} / ${ms(tLoad)} / ${ms(tIndex)}`, "~tens of s", tPath + tIndex <= 30_000);
  if (c.key === "D") importParts.push(tLoad + tIndex);
  if (tOther > 100) note(c.key, "  (+ the consultants table's own 9 indexes + FK)", ms(tOther));
  const node = async (id: number) => (await sql.unsafe(c.node, [id]))[0] as unknown as { path: string; depth: number; size: number };
  const big = await node(net.big), small = await node(net.small);
  const ALL = 10_000, levels = (hi: number) => (hi === ALL ? "all" : "1-5");
  for (const sort of ["name", "joined"] as const)
    for (const [lo, hi] of [[1, 5], [1, ALL]] as const) {
      const r = await sample(RUNS, () => sql.unsafe(c.page(sort), [big.path, big.depth, lo, hi]));
      note(c.key, `page 50 of 100k by ${sort}, active, levels ${levels(hi)}`, q(r), "p95 ≤ 50 ms", r.p95 <= 50);
    }
  const capped = `select count(*)::int as n from (${c.count.replace("count(*)::int as n", "1")} limit 1001) x`;
  for (const [lo, hi] of [[1, 5], [1, ALL]] as const) {
    const r = await sample(RUNS, () => sql.unsafe(c.count, [big.path, big.depth, lo, hi]));
    const n = (await sql.unsafe(c.count, [big.path, big.depth, lo, hi]))[0]!.n;
    note(c.key, `  exact count, active, levels ${levels(hi)} (= ${n})`, q(r), "p95 ≤ 50 ms", r.p95 <= 50);
    const k = await sample(RUNS, () => sql.unsafe(capped, [big.path, big.depth, lo, hi]));
    note(c.key, `  capped count (up to 1,000, "1,000+")`, q(k));
  }
  const s1 = await sample(20, () => sql.unsafe(c.page("name"), [small.path, small.depth, 1, 5]));
  note(c.key, `page by name, small downline (${small.size - 1}), levels 1-5`, q(s1), "p95 ≤ 50 ms", s1.p95 <= 50);
  const s2 = await sample(20, () => sql.unsafe(c.page("name"), [big.path, big.depth, 30, 35]));
  note(c.key, `page by name, 100k downline, sparse levels 30-35`, q(s2), "p95 ≤ 50 ms", s2.p95 <= 50);
  if (c.pathFirst) {
    // the screen as the service would run it. No level filter: the total is the maintained counter, and the page walks
    // the sort index unless that total is small. Level filter: one subtree-first query that stops after SMALL + 1 matches;
    // up to SMALL it returns the page and the exact total, else the page walks the sort index and the total shows
    // as "4,000+" (the exact count is a separate, lazy request: the "exact count" lines above).
    const SMALL = Math.max(1000, Math.floor(N / 250));
    const screen = async (id: number, n: { path: string; depth: number }, sort: "name" | "joined", lo: number, hi: number) => {
      const args = [n.path, n.depth, lo, hi, SMALL];
      if (hi === ALL) {
        const total: number = (await sql.unsafe(`select active_size from ${c.key.toLowerCase()}_tree where consultant_id = $1`, [id]))[0]!.active_size;
        return sql.unsafe(total <= SMALL ? c.pathFirst!(sort) : c.page(sort), total <= SMALL ? args : args.slice(0, 4));
      }
      const first = await sql.unsafe(c.pathFirst!(sort), args);
      return first[0]!.total <= SMALL ? first : sql.unsafe(c.page(sort), args.slice(0, 4));
    };
    for (const [n, lo, hi] of [[small, 1, 5], [big, 30, 35]] as const) { // both shapes must return the same page
      const a = (await sql.unsafe(c.pathFirst!("name"), [n.path, n.depth, lo, hi, SMALL])).map((r) => r.id).join();
      const b = (await sql.unsafe(c.page("name"), [n.path, n.depth, lo, hi])).map((r) => r.id).join();
      if (a !== b) throw new Error(`subtree-first and sort-index pages differ: ${a} / ${b}`);
    }
    for (const sort of ["name", "joined"] as const)
      for (const [lo, hi] of [[1, 5], [1, ALL]] as const) {
        const r = await sample(RUNS, () => screen(net.big, big, sort, lo, hi));
        note(c.key, `screen (total + page) by ${sort}, levels ${levels(hi)}`, q(r), "p95 ≤ 50 ms", r.p95 <= 50);
      }
    const g1 = await sample(20, () => screen(net.small, small, "name", 1, 5));
    note(c.key, `screen, small downline, levels 1-5`, q(g1), "p95 ≤ 50 ms", g1.p95 <= 50);
    const g2 = await sample(20, () => screen(net.big, big, "name", 30, 35));
    note(c.key, `screen, 100k downline, sparse levels 30-35`, q(g2), "p95 ≤ 50 ms", g2.p95 <= 50);
  } else note(c.key, "  maintained downline size (unfiltered total)", "a column of the root row: no query");
  const deep = (await sql`select id::int from calc where sdepth >= 30 order by hashint8(id) limit ${RUNS + 3}`).map((r) => r.id as number);
  const up = await sample(RUNS, (i) => sql.unsafe(c.upline, [deep[i]!]));
  note(c.key, "upline to root, ids + names (depth 30-63)", q(up), "p95 ≤ 50 ms", up.p95 <= 50);
  const ch = await sample(RUNS, () => sql.unsafe(c.children, [net.big]));
  note(c.key, "direct children + maintained downline sizes", q(ch), "p95 ≤ 50 ms", ch.p95 <= 50);

  // moves: there and back, 3 rounds, one transaction each (lock, cycle check, rewrite, counters, commit);
  // after each, VACUUM of the tree table outside the transaction (what the move job does next)
  await sql`checkpoint`;
  const slow = c.key === "B";
  const [m, to, size] = slow ? [net.mid, net.midTarget, (await node(net.mid)).size] : [net.big, net.target, big.size];
  const dests = [to, net.sponsor[m]!, to, net.sponsor[m]!, to, net.sponsor[m]!];
  const totals: number[] = [], rewrites: number[] = [], counters: number[] = [], vacuums: number[] = [];
  for (const [k, dest] of dests.entries()) {
    const [t, r] = await timed(() => sql.begin((tx) => c.move(tx, m, dest)));
    totals.push(t), rewrites.push(r.rewrite), counters.push(r.counters);
    if (k < dests.length - 1) vacuums.push((await timed(() => exec(sql, c.vacuum)))[0]);
  }
  note(c.key, `move ${(size / 1000).toFixed(1)}k subtree (median of 6; max ${ms(Math.max(...totals))})`, ms(median(totals)), slow ? undefined : "≤ 5 s", median(totals) <= 5000);
  note(c.key, `  of which path rewrite / upline counters`, `${ms(median(rewrites))} / ${ms(median(counters))}`);
  note(c.key, `  then VACUUM of the table (outside the move's transaction)`, ms(median(vacuums)));
  if (slow) {
    const est = (median(totals) * big.size) / size;
    note(c.key, `  extrapolated to ${(big.size / 1000).toFixed(1)}k (linear)`, ms(est), "≤ 5 s", est <= 5000);
    if (est <= 60_000) {
      const [t] = await timed(() => sql.begin((tx) => c.move(tx, net.big, net.target))); // one way only: the table is dropped next
      note(c.key, `  measured once on ${(big.size / 1000).toFixed(1)}k`, ms(t), "≤ 5 s", t <= 5000);
    }
  }
  const now = await node(net.big); // B's last move left it under the target
  for (const when of ["after the last move, before its VACUUM", "after VACUUM"]) {
    const p = await sample(20, () => sql.unsafe(c.page("name"), [now.path, now.depth, 1, 5]));
    const n = await sample(20, () => sql.unsafe(c.count, [now.path, now.depth, 1, 5]));
    note(c.key, `${when}: page by name L1-5 / count L1-5`, `p95 ${ms(p.p95)} / p95 ${ms(n.p95)}`);
    await exec(sql, c.vacuum);
  }
  const tbl = (await sql.unsafe(`select pg_size_pretty(sum(pg_total_relation_size(relid))) as size from pg_stat_user_tables where relname in ('a_consultants', 'b_consultants', 'c_tree', 'd_tree', 'e_tree', 'f_tree')`))[0]!.size;
  note(c.key, "size on disk of the table holding the path (with indexes)", tbl);
  const hot = await sql`select relname, n_tup_upd::int as upd, n_tup_hot_upd::int as hot from pg_stat_user_tables where relname = 'f_consultants'`;
  if (hot.length) note(c.key, "  HOT updates of f_consultants (moves touched no index there)", `${hot[0]!.hot} of ${hot[0]!.upd}`);
  if (c.key !== "D") await exec(sql, [`drop table if exists a_consultants, b_consultants, c_tree, e_tree, f_tree, f_consultants`]); // no autovacuum of their dead rows during the next candidate
}

async function placementAndInserts(net: Network) {
  console.log(`\nP. placement tree (binary legs): p_tree, text path + btree, left/right leg sizes maintained`);
  await sql`set maintenance_work_mem = '512MB'`;
  const [tl] = await timed(() => exec(sql, PLACEMENT.load));
  const [ti] = await timed(() => exec(sql, PLACEMENT.index));
  await exec(sql, [`vacuum analyze p_tree`]);
  await sql`reset maintenance_work_mem`;
  importParts.push(tl + ti);
  note("P", "build: load (from the in-memory build) / indexes", `${ms(tl)} / ${ms(ti)}`);
  const m = net.placementBig, orig = net.placementParent[m]!, origSide = net.placementSide[m] === 1 ? "L" : "R";
  const { size, depth } = (await sql`select left_size + right_size + 1 as size, depth from p_tree where consultant_id = ${m}`)[0]!;
  await sql`checkpoint`;
  const totals: number[] = [], rewrites: number[] = [], counters: number[] = [];
  for (let round = 0; round < 3; round++)
    for (const [dest, side] of [[net.placementTarget, "L"], [orig, origSide]] as const) {
      const [t, r] = await timed(() => sql.begin((tx) => movePlacement(tx, m, dest, side)));
      totals.push(t), rewrites.push(r.rewrite), counters.push(r.counters);
    }
  note("P", `move ${(size / 1000).toFixed(1)}k placement subtree at depth ${depth} (median of 6)`, ms(median(totals)), "≤ 5 s", median(totals) <= 5000);
  note("P", `  of which path rewrite / leg counters`, `${ms(median(rewrites))} / ${ms(median(counters))}`);

  // inserts: a chain of new consultants under the deepest node of each tree, one transaction each
  let sponsor = net.deepest, parent = net.deepLeaf;
  const all: number[] = [], sc: number[] = [], lc: number[] = [];
  const { sd, pd } = (await sql`select (select depth from d_tree where consultant_id = ${sponsor}) as sd, (select depth from p_tree where consultant_id = ${parent}) as pd`)[0]!;
  for (let k = 1; k <= 23; k++) {
    const id = net.n + k, name = `Nova Consultora ${k}`;
    const [t, r] = await timed(() => sql.begin(async (tx) => {
      await tx`insert into consultants (id, code, full_name, email, document, status, sponsor_id, joined_at, country, locale, created_at, updated_at)
        values (${id}, ${`RD${id}`}, ${name}, ${`n${id}@example.com`}, ${String(90_000_000_000 + id)}, 'active', ${sponsor}, current_date, 'BR', 'pt-BR', now(), now())`;
      const [s] = await tx`insert into d_tree select ${id}, path || tree_seg(${id}), depth + 1, 0, 0, 'active', immutable_unaccent(lower(${name})), current_date
        from d_tree where consultant_id = ${sponsor} returning path`;
      let t0 = performance.now();
      await tx.unsafe(textCounters("d_tree", true), ["", s!.path.slice(0, -6), 1, 1]);
      const a = performance.now() - t0;
      const [p] = await tx`insert into p_tree select ${id}, ${parent}, 'L', path || tree_seg(${id}), depth + 1, 0, 0
        from p_tree where consultant_id = ${parent} returning path`;
      t0 = performance.now();
      await tx.unsafe(PLACEMENT.legs, ["", "L", 0, p!.path.slice(0, -6), "L", 1]);
      return [a, performance.now() - t0] as const;
    }));
    if (k > 3) all.push(t), sc.push(r[0]), lc.push(r[1]);
    sponsor = id, parent = id;
  }
  note("P", `insert consultant at sponsor depth ${sd + 1}+, placement depth ${pd + 1}+ (whole tx)`, q({ p50: median(all), p95: pct(all, 95) }));
  note("P", `  of which sponsor upline counters / placement leg counters`, `${ms(median(sc))} / ${ms(median(lc))}`);
  const [ok] = await sql`select (select downline_size from d_tree where consultant_id = 1) as d,
    (select active_size + (status = 'active')::int from d_tree where consultant_id = 1) as a, (select count(*)::int from consultants where status = 'active') as na, (select left_size + right_size from p_tree where consultant_id = 1) as p, (select count(*)::int - 1 from consultants) as n`;
  if (ok!.d !== ok!.n || ok!.p !== ok!.n || ok!.a !== ok!.na) throw new Error(`counters drifted: ${JSON.stringify(ok)}`);
  console.log(`  (counters checked after all moves and inserts: root downline = legs = ${ok!.n}, active ${ok!.na})`);
}

async function lookups() {
  console.log(`\nLookups on consultants (the same for every candidate: they do not touch the tree structure)`);
  const people = await sql`select full_name, document from consultants where id <= ${N} order by hashint8(id) limit ${RUNS + 3}`;
  const search = `select id, full_name, code, status from consultants
    where immutable_unaccent(lower(full_name)) like '%' || immutable_unaccent(lower($1)) || '%'
    order by full_name collate "und-x-icu", id limit 20`;
  const selective = people.map((p) => p.full_name.split(" ").slice(0, 2).map((w: string, i: number) => (i ? w.slice(0, 4) : w.toUpperCase())).join(" "));
  const r1 = await sample(RUNS, (i) => sql.unsafe(search, [selective[i]!]));
  note("-", `name search, first name + 4 letters ("${selective[0]}")`, q(r1), "p95 ≤ 100 ms", r1.p95 <= 100);
  const broad = ["gonçal", "CONCEI", "magalh", "Assunç", "falcao", "guimar", "peçanh", "brandã", "estêvã", "uchoa"];
  const r2 = await sample(RUNS, (i) => sql.unsafe(search, [broad[i % broad.length]!]));
  note("-", `name search, one surname fragment (~14k matches)`, q(r2), "p95 ≤ 100 ms", r2.p95 <= 100);
  const r3 = await sample(RUNS, (i) => sql`select id, full_name from consultants where document = ${people[i]!.document}`);
  note("-", "lookup by document (btree)", q(r3), "p95 ≤ 100 ms", r3.p95 <= 100);
  const r4 = await sample(RUNS, () => sql`select id, code, full_name, status, joined_at, city from consultants where status = 'active' order by full_name collate "und-x-icu", id limit 50`);
  note("-", `admin list: 50 of ${N.toLocaleString("en")}, active, by name`, q(r4), "p95 ≤ 100 ms", r4.p95 <= 100);
  const r5 = await sample(20, () => sql`select count(*) from consultants where status = 'active'`);
  note("-", "  admin list exact count (85% active)", q(r5), "p95 ≤ 100 ms", r5.p95 <= 100);
}

function summary() {
  const total = importParts.reduce((a, b) => a + b, 0);
  if (ONLY.includes("D")) note("D+P", "import estimate: COPY + in-memory build + tables + all indexes", ms(total), "≤ 60 s (no CSV parsing)", total <= 60_000);
  console.log(`\n${"".padEnd(4)}${"measure".padEnd(64)}${"value".padEnd(34)}budget`);
  for (const l of lines.filter((x) => x.budget)) console.log(`${l.who.padEnd(4)}${l.what.trim().padEnd(64)}${l.value.padEnd(34)}${l.pass ? "PASS" : "FAIL"} ${l.budget}`);
}
