import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { createDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { generateValidDocument } from "@/server/network/documents";
import { validateImport } from "@/server/network/import/validate";
import { writeImport } from "@/server/network/import/write";
import { lookupConsultants } from "@/server/network/lookup";
import { moveSubtree } from "@/server/network/tree/move";
import { downlinePage, uplineChain } from "@/server/network/tree/queries";
import { startEmbeddedPostgres, type EmbeddedDb } from "@/server/runtime/embedded-db";
import { buildTree, writeNetworkCsv } from "./network-csv";

/**
 * `npm run bench:network`: a synthetic network of N consultants (default 1,000,000;
 * BENCH_NETWORK_SIZE to change) with power-law fan-out, depth 30+ and one downline of ~10 %
 * (100,000 at 1M), written as a CSV file in the import format and imported into a fresh,
 * migrated database through the app's own validateImport + writeImport (timed end to end against
 * the 60 s budget, with the writer's phases); then the app's own query and move functions timed
 * against DESIGN.md's budgets on the imported network. `--import-only` stops after the import;
 * BENCH_KEEP=1 keeps the database for a look with psql.
 */
const N = Number(process.env.BENCH_NETWORK_SIZE ?? 1_000_000);
const BIG = Math.round(N / 10);

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
const file = path.join(os.tmpdir(), `${dbName}.csv`);
try {
  await migrateDatabase(url.toString());
  console.log(`network bench: ${N.toLocaleString("en")} consultants; ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}; ${new Date().toISOString()}`);
  const built = await time(async () => buildTree(N));
  info("tree generation in memory", `${(built.ms / 1000).toFixed(1)} s, max depth ${built.value.depth.reduce((a, b) => Math.max(a, b), 0)}`);
  const written = await time(() => writeNetworkCsv(file, N, built.value.parent));
  info("CSV file written (not timed as import)", `${(written.ms / 1000).toFixed(1)} s, ${(written.value / 2 ** 20).toFixed(0)} MB`);

  // The import as an operator runs it: the file streamed from disk through validation, then
  // the writer (one transaction; indexes, constraints, genealogy and ANALYZE included).
  const phases: string[] = [];
  const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
  const cpu = process.cpuUsage();
  const started = performance.now();
  // (read 256 KB at a time, as the import job reads an upload)
  const validated = await time(() => validateImport(fs.createReadStream(file, { highWaterMark: 256 << 10 }), { shape: { kind: "binary" } }));
  if (!validated.value.ok) throw new Error(`the generated file did not validate: ${JSON.stringify(validated.value.errors.slice(0, 3))}`);
  const { rows, order } = validated.value;
  const imported = await time(() => writeImport(sql, rows, order, { onPhase: (phase, ms) => phases.push(`${phase} ${(ms / 1000).toFixed(1)} s`) }));
  const total = performance.now() - started;
  const used = process.cpuUsage(cpu);
  await sql.end();
  line(total <= 60_000, `CSV import, validated and indexed (${Math.round(N / 1000)}k rows)`, `${(total / 1000).toFixed(1)} s`, "≤ 60 s");
  info("  validateImport (parse + checks)", `${(validated.ms / 1000).toFixed(1)} s`);
  info("  writeImport", `${(imported.ms / 1000).toFixed(1)} s: ${phases.join(", ")}`);
  info("  Node CPU during the import", `${((used.user + used.system) / 1e6).toFixed(1)} s; peak RSS ${(process.resourceUsage().maxRSS / 2 ** 20).toFixed(2)} GB; load average now ${os.loadavg()[0]!.toFixed(1)}`);
  fs.rmSync(file, { force: true });

  if (!process.argv.includes("--import-only")) {
    const { db, client } = createDb(url.toString(), { max: 4 });
    const idOf = async (id: number) => Number((await client`select id from consultants where code = ${`B${id}`}`)[0]!.id);
    const bigId = await idOf(2);
    const bigSize = (await client`select downline_size from genealogy where consultant_id = ${bigId}`)[0]!.downline_size as number;
    info("big downline (consultant #2)", `${bigSize.toLocaleString("en")} consultants`);

    const pages: number[] = [];
    const bySort = new Map<string, number[]>();
    let matches = 0;
    for (let i = 0; i < 60; i++) {
      const sort = (["name", "joinedAt", "level", "downline"] as const)[i % 4]!;
      const r = await time(() => downlinePage(db, { tree: "sponsor", rootId: bigId, statuses: ["active"], levelMin: 1, levelMax: 8, sort, dir: i % 2 ? "desc" : "asc", offset: 0, limit: 50 }));
      if (i >= 10) {
        pages.push(r.ms);
        bySort.set(sort, [...(bySort.get(sort) ?? []), r.ms]);
      }
      matches = r.value.total;
    }
    line(pct(pages, 0.95) <= 50, `downline page (50 of ${Math.round(bigSize / 1000)}k, filtered, sorted)`, `p50 ${pct(pages, 0.5).toFixed(1)} ms, p95 ${pct(pages, 0.95).toFixed(1)} ms`, "p95 ≤ 50 ms");
    info("  filter: active, levels 1–8; total shown", `${matches.toLocaleString("en")}${matches >= 4000 ? "+" : ""}`);
    for (const [sort, xs] of bySort) info(`  sorted by ${sort}`, `p50 ${pct(xs, 0.5).toFixed(1)} ms, p95 ${pct(xs, 0.95).toFixed(1)} ms`);

    const ups: number[] = [];
    for (let i = 0; i < 50; i++) {
      const id = await idOf(N - i * 997);
      ups.push((await time(() => uplineChain(db, "sponsor", id))).ms);
    }
    info("upline chain to the root", `p50 ${pct(ups, 0.5).toFixed(1)} ms, p95 ${pct(ups, 0.95).toFixed(1)} ms`);

    // What people type in the search box, drawn from 20 real names of the network: a first name,
    // first name + start of a surname, a surname (with and without its accents), two surnames in
    // the wrong order, two letters, one letter, a fragment from inside a word.
    const sample = (await client`select full_name from consultants order by hashint8(id) limit 20`).map((r) => (r.full_name as string).split(" "));
    const plain = (w: string) => w.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    const queries = sample.flatMap((w) => [w[0]!, `${w[0]} ${w[1]!.slice(0, 4)}`, w[2]!, plain(w[1]!).toUpperCase(), `${w[2]} ${w[1]}`, w[1]!.slice(0, 2), w[0]!.slice(0, 1), w[1]!.slice(1, 5)]);
    for (const q of queries.slice(0, 10)) await lookupConsultants(db, { q, limit: 10 }); // warm-up
    const byName: number[] = [], bigScope: number[] = [], smallScope: number[] = [];
    const bigPath = (await client`select sponsor_path from genealogy where consultant_id = ${bigId}`)[0]!.sponsor_path as string;
    const smallPath = (await client`select sponsor_path from genealogy where downline_size between 40 and 60 order by consultant_id limit 1`)[0]!.sponsor_path as string;
    for (const q of queries) {
      byName.push((await time(() => lookupConsultants(db, { q, limit: 10 }))).ms);
      bigScope.push((await time(() => lookupConsultants(db, { q, limit: 10, withinPath: bigPath }))).ms);
      smallScope.push((await time(() => lookupConsultants(db, { q, limit: 10, withinPath: smallPath }))).ms);
    }
    const byDoc: number[] = [];
    for (let i = 0; i < 30; i++) byDoc.push((await time(() => lookupConsultants(db, { q: generateValidDocument("CPF", 1 + i * 33_331), limit: 10 }))).ms);
    line(pct(byName, 0.95) <= 100, `lookup by name (${queries.length} queries, 8 kinds)`, `p50 ${pct(byName, 0.5).toFixed(1)} ms, p95 ${pct(byName, 0.95).toFixed(1)} ms`, "p95 ≤ 100 ms (list pages)");
    info("  same, within the 100k downline", `p50 ${pct(bigScope, 0.5).toFixed(1)} ms, p95 ${pct(bigScope, 0.95).toFixed(1)} ms`);
    info("  same, within a downline of ~50", `p50 ${pct(smallScope, 0.5).toFixed(1)} ms, p95 ${pct(smallScope, 0.95).toFixed(1)} ms`);
    line(pct(byDoc, 0.95) <= 100, "lookup by document", `p50 ${pct(byDoc, 0.5).toFixed(1)} ms, p95 ${pct(byDoc, 0.95).toFixed(1)} ms`, "p95 ≤ 100 ms (list pages)");

    // Move the big downline under a consultant in the other half of the network, then back.
    const target = await idOf(BIG + 100);
    const root = await idOf(1);
    const moves: number[] = [];
    for (let i = 0; i < 3; i++) {
      moves.push((await time(() => db.transaction((tx) => moveSubtree(tx, { tree: "sponsor", consultantId: bigId, newParentId: target })))).ms);
      moves.push((await time(() => db.transaction((tx) => moveSubtree(tx, { tree: "sponsor", consultantId: bigId, newParentId: root })))).ms);
    }
    line(pct(moves, 0.5) <= 5000, `subtree move of ${(bigSize + 1).toLocaleString("en")} (sponsor tree)`, `median ${(pct(moves, 0.5) / 1000).toFixed(2)} s (${moves.map((m) => (m / 1000).toFixed(1)).join(", ")})`, "≤ 5 s");
    await client.end();
  }
} finally {
  if (process.env.BENCH_KEEP) console.log(`kept database ${dbName} (BENCH_KEEP): drop it when done`);
  else await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
  await admin.end();
  fs.rmSync(file, { force: true });
  if (embedded) await embedded.stop();
}
