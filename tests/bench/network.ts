import { randomBytes } from "node:crypto";
import os from "node:os";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import postgres from "postgres";
import { createDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { prng } from "@/db/seed-data";
import { FIRST_NAMES, LAST_NAMES } from "@/db/seed-data";
import { generateValidDocument } from "@/server/network/documents";
import { lookupConsultants } from "@/server/network/lookup";
import { BinaryFiller } from "@/server/network/tree/bulk-placement";
import { buildGenealogy } from "@/server/network/tree/bulk";
import { moveSubtree } from "@/server/network/tree/move";
import { downlinePage, uplineChain } from "@/server/network/tree/queries";
import { startEmbeddedPostgres, type EmbeddedDb } from "@/server/runtime/embedded-db";

/**
 * `npm run bench -- network`: a synthetic network of N consultants (default 1,000,000;
 * BENCH_NETWORK_SIZE to change) with power-law fan-out, depth 30+ and one downline of ~10 %
 * (100,000 at 1M), loaded into a fresh database with the app's real schema, then the app's own
 * query and move functions timed against DESIGN.md's budgets.
 */
const N = Number(process.env.BENCH_NETWORK_SIZE ?? 1_000_000);
const BIG = Math.round(N / 10);
const random = prng(42);

function buildTree() {
  // parent[i] for ids 1..N (index = id); id 1 is the root, id 2 heads the big downline (ids 2..BIG+1).
  const parent = new Int32Array(N + 1);
  const depth = new Int32Array(N + 1);
  const attach = (id: number, p: number) => {
    parent[id] = p;
    depth[id] = depth[p]! + 1;
  };
  const grow = (head: number, from: number, to: number) => {
    // Preferential attachment (a node is picked in proportion to 1 + its children) mixed with a
    // bias to recent nodes, which keeps the tree deep; a 35-long line guarantees depth 30+.
    // Every node of [from, to] ends up below `head`.
    const pool: number[] = [head];
    let id = from;
    for (let k = 0; k < 35 && id <= to; k++, id++) {
      attach(id, k === 0 ? head : id - 1);
      pool.push(id, parent[id]!);
    }
    for (; id <= to; id++) {
      const recent = id - 1 - Math.floor(random() * Math.min(200, id - from));
      const p = random() < 0.3 ? recent : pool[Math.floor(random() * pool.length)]!;
      attach(id, p >= from ? p : head);
      pool.push(id, parent[id]!);
    }
  };
  attach(2, 1);
  grow(2, 3, BIG + 1);
  grow(1, BIG + 2, N);
  return { parent, depth };
}

async function load(sql: postgres.Sql, parent: Int32Array) {
  const filler = new BinaryFiller(1);
  const slot = new Int8Array(N + 1);
  const pParent = new Int32Array(N + 1);
  for (let id = 2; id <= N; id++) {
    const spot = filler.place(id, parent[id]!);
    pParent[id] = spot.parentId;
    slot[id] = spot.slot;
  }
  const today = Date.now();
  const rows = function* () {
    for (let id = 1; id <= N; id++) {
      const name = `${FIRST_NAMES[id % FIRST_NAMES.length]} ${LAST_NAMES[(id * 7) % LAST_NAMES.length]} ${LAST_NAMES[(id * 13) % LAST_NAMES.length]}`;
      const joined = new Date(today - ((id * 7919) % 1500) * 86_400_000).toISOString().slice(0, 10);
      const status = id % 10 < 8 || id < 40 ? "active" : id % 10 === 8 ? "inactive" : "terminated";
      yield `${id}\tB${id}\t${name}\tc${id}@bench.test\t${status}\t${id === 1 ? "\\N" : parent[id]}\t${id === 1 ? "\\N" : pParent[id]}\t${id === 1 ? "\\N" : slot[id]}\t${joined}\tCPF\t${generateValidDocument("CPF", id)}\tBR\tpt-BR\n`;
    }
  };
  const copy = await sql`copy consultants (id, code, full_name, email, status, sponsor_id, placement_parent_id, placement_slot, joined_at, document_type, document_number, country, locale) from stdin`.writable();
  await pipeline(Readable.from(rows()), copy);
  await sql`select setval(pg_get_serial_sequence('consultants', 'id'), ${N})`;

  const nodes = Array.from({ length: N }, (_, i) => ({ id: i + 1, sponsorId: i === 0 ? null : parent[i + 1]!, placementParentId: i === 0 ? null : pParent[i + 1]! }));
  const g = buildGenealogy(nodes);
  const genealogyRows = function* () {
    for (let i = 0; i < N; i++) {
      const id = i + 1;
      const name = `${FIRST_NAMES[id % FIRST_NAMES.length]} ${LAST_NAMES[(id * 7) % LAST_NAMES.length]} ${LAST_NAMES[(id * 13) % LAST_NAMES.length]}`;
      const joined = new Date(today - ((id * 7919) % 1500) * 86_400_000).toISOString().slice(0, 10);
      const status = id % 10 < 8 || id < 40 ? "active" : id % 10 === 8 ? "inactive" : "terminated";
      yield `${id}\t${g.sponsorPath[i]}\t${g.sponsorDepth[i]}\t${g.downlineSize[i]}\t${g.placementPath[i]}\t${g.placementDepth[i]}\t${g.placementSize[i]}\t${status}\t${name}\t${joined}\n`;
    }
  };
  const copy2 = await sql`copy genealogy (consultant_id, sponsor_path, sponsor_depth, downline_size, placement_path, placement_depth, placement_size, status, full_name, joined_at) from stdin`.writable();
  await pipeline(Readable.from(genealogyRows()), copy2);
  // What autovacuum does after a bulk load: statistics, and the visibility map index-only scans need.
  await sql`vacuum analyze consultants`;
  await sql`vacuum analyze genealogy`;
}

async function time<T>(fn: () => Promise<T>) {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const line = (ok: boolean, what: string, figure: string, budget: string) => console.log(`${ok ? "PASS" : "FAIL"}  ${what.padEnd(44)} ${figure.padEnd(26)} (budget ${budget})`);
const info = (what: string, figure: string) => console.log(`      ${what.padEnd(44)} ${figure}`);

let embedded: EmbeddedDb | undefined;
const adminUrl = process.env.DATABASE_URL ?? (embedded = await startEmbeddedPostgres(process.cwd(), { cluster: "pg-test", database: "postgres_admin" })).url;
const dbName = `rede_bench_net_${randomBytes(4).toString("hex")}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${dbName}"`);
const url = new URL(adminUrl);
url.pathname = `/${dbName}`;
try {
  await migrateDatabase(url.toString());
  const sql = postgres(url.toString(), { max: 2, onnotice: () => {} });
  console.log(`network bench: ${N.toLocaleString("en")} consultants; ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; ${new Date().toISOString()}`);
  const built = await time(async () => buildTree());
  const loaded = await time(() => load(sql, built.value.parent));
  info("tree generation in memory", `${(built.ms / 1000).toFixed(1)} s, max depth ${built.value.depth.reduce((a, b) => Math.max(a, b), 0)}`);
  info("bulk load (consultants + genealogy, COPY)", `${(loaded.ms / 1000).toFixed(1)} s (not the CSV import: that writer is not built yet)`);
  await sql.end();

  const { db, client } = createDb(url.toString(), { max: 4 });
  const bigSize = (await client`select downline_size from genealogy where consultant_id = 2`)[0]!.downline_size as number;
  info("big downline (consultant #2)", `${bigSize.toLocaleString("en")} consultants`);

  const pages: number[] = [];
  for (let i = 0; i < 60; i++) {
    const sort = (["name", "joinedAt", "level", "downline"] as const)[i % 4]!;
    const r = await time(() => downlinePage(db, { tree: "sponsor", rootId: 2, statuses: ["active"], levelMin: 1, levelMax: 8, sort, dir: i % 2 ? "desc" : "asc", offset: 0, limit: 50 }));
    if (i >= 10) pages.push(r.ms);
  }
  line(pct(pages, 0.95) <= 50, `downline page (50 of ${Math.round(bigSize / 1000)}k, filtered, sorted)`, `p50 ${pct(pages, 0.5).toFixed(1)} ms, p95 ${pct(pages, 0.95).toFixed(1)} ms`, "p95 ≤ 50 ms");

  const ups: number[] = [];
  for (let i = 0; i < 50; i++) ups.push((await time(() => uplineChain(db, "sponsor", N - i * 997))).ms);
  info("upline chain to the root", `p50 ${pct(ups, 0.5).toFixed(1)} ms, p95 ${pct(ups, 0.95).toFixed(1)} ms`);

  const byName: number[] = [];
  const byDoc: number[] = [];
  for (let i = 0; i < 30; i++) {
    byName.push((await time(() => lookupConsultants(db, { q: `${LAST_NAMES[i % LAST_NAMES.length]!.slice(0, 5)} ${LAST_NAMES[(i * 3) % LAST_NAMES.length]!.slice(0, 3)}`, limit: 10 }))).ms);
    byDoc.push((await time(() => lookupConsultants(db, { q: generateValidDocument("CPF", 1 + i * 33_331), limit: 10 }))).ms);
  }
  line(pct(byName, 0.95) <= 100, "lookup by name (partial, accent-insensitive)", `p50 ${pct(byName, 0.5).toFixed(1)} ms, p95 ${pct(byName, 0.95).toFixed(1)} ms`, "p95 ≤ 100 ms (list pages)");
  line(pct(byDoc, 0.95) <= 100, "lookup by document", `p50 ${pct(byDoc, 0.5).toFixed(1)} ms, p95 ${pct(byDoc, 0.95).toFixed(1)} ms`, "p95 ≤ 100 ms (list pages)");

  // Move the big downline under a consultant in the other half of the network, then back.
  const target = BIG + 100;
  const moves: number[] = [];
  for (let i = 0; i < 3; i++) {
    moves.push((await time(() => db.transaction((tx) => moveSubtree(tx, { tree: "sponsor", consultantId: 2, newParentId: target })))).ms);
    moves.push((await time(() => db.transaction((tx) => moveSubtree(tx, { tree: "sponsor", consultantId: 2, newParentId: 1 })))).ms);
  }
  line(pct(moves, 0.5) <= 5000, `subtree move of ${(bigSize + 1).toLocaleString("en")} (sponsor tree)`, `median ${(pct(moves, 0.5) / 1000).toFixed(2)} s (${moves.map((m) => (m / 1000).toFixed(1)).join(", ")})`, "≤ 5 s");
  await client.end();
} finally {
  await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
  await admin.end();
  if (embedded) await embedded.stop();
}
