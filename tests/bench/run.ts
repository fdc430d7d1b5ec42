import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { createDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemo } from "@/db/seed";
import { freePort, startEmbeddedPostgres, type EmbeddedDb } from "@/server/runtime/embedded-db";
import { needsBuild } from "@/scripts/build-state";
import { load } from "./load";
import { hasWrk, wrkLoad } from "./wrk";

/**
 * `npm run bench`: figures against DESIGN.md's budgets, printed as PASS/FAIL lines.
 * Foundation part: the replicated-site home page under load (cached, revalidated on edit).
 * Runs against a production build with its own seeded database; the load generator shares the
 * machine's two cores with the server, so the figures are a floor, not a ceiling.
 * Then, one after another, the other parts' benches (each its own script, each with its own
 * database): the network at 1M, commerce, the compensation engine (1M and 10M in memory) and a
 * full commission close at 1M. `npm run bench -- site` runs the site part alone;
 * `npm run bench -- network commerce comp-engine comp-close` any of the others.
 */
const root = process.cwd();
const OTHERS = ["network", "commerce", "comp-engine", "comp-close"] as const;
const asked = process.argv.slice(2);
const runSite = asked.length === 0 || asked.includes("site");
const others = asked.length === 0 ? [...OTHERS] : OTHERS.filter((name) => asked.includes(name));
const unknown = asked.filter((name) => name !== "site" && !(OTHERS as readonly string[]).includes(name));
if (unknown.length) {
  console.error(`unknown bench ${unknown.join(", ")}: choose from site, ${OTHERS.join(", ")}`);
  process.exit(2);
}
if (!runSite) runOthers();
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
let embedded: EmbeddedDb | undefined;
const adminUrl = process.env.DATABASE_URL ?? (embedded = await startEmbeddedPostgres(root, { cluster: "pg-test", database: "postgres_admin" })).url;
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
if (needsBuild(root)) spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env });

const dbName = `rede_bench_${randomBytes(4).toString("hex")}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`CREATE DATABASE "${dbName}"`);
const u = new URL(adminUrl);
u.pathname = `/${dbName}`;
await migrateDatabase(u.toString());
const { db, client } = createDb(u.toString(), { max: 2 });
await seedDemo(db);
await client.end();

const port = await freePort();
const server = spawn(process.execPath, [nextBin, "start", "-p", String(port)], {
  stdio: "ignore",
  env: { ...env, DATABASE_URL: u.toString(), AUTH_SECRET: randomBytes(32).toString("base64url"), RUN_WORKER: "false" },
});
try {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/login`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  const site = { port, path: "/", host: `ana.localhost:${port}`, connections: 10 };
  const generate = (seconds: number) => (hasWrk ? Promise.resolve(wrkLoad({ ...site, seconds })) : load({ ...site, seconds }));
  await generate(8); // warm-up: the first render fills the cache, the JIT settles
  const results = [];
  for (let r = 0; r < rounds; r++) results.push(await generate(10));
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const rps = median(results.map((x) => x.rps));
  const p99 = median(results.map((x) => x.p99));
  const errors = results.reduce((n, x) => n + x.errors, 0);
  console.log(`\nmachine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.cpus()[0]?.model}; ${new Date().toISOString()}`);
  console.log(`replicated-site home, 10 connections, ${rounds} rounds of 10 s (medians), load from ${hasWrk ? "wrk" : "a Node client (install wrk for a lighter one)"}:`);
  for (const x of results) console.log(`  round: ${x.rps.toFixed(0)} req/s, p50 ${x.p50.toFixed(1)} ms, p99 ${x.p99.toFixed(1)} ms, errors ${x.errors}`);
  console.log(`${rps >= 1000 ? "PASS" : "FAIL"}  site home throughput  ${rps.toFixed(0)} req/s   (budget ≥ 1000 req/s)`);
  console.log(`${p99 <= 50 ? "PASS" : "FAIL"}  site home p99         ${p99.toFixed(1)} ms   (budget ≤ 50 ms)`);
  if (errors) console.log(`note: ${errors} non-200 answers`);
} finally {
  server.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  await admin.unsafe(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await admin.end();
  if (embedded) await embedded.stop();
}
runOthers();

/** Each other bench in its own process (they size their own heaps), in order; a failure is reported, not fatal. */
function runOthers(): never {
  let failed = 0;
  for (const name of others) {
    console.log(`\n=== npm run bench:${name} ===`);
    const run = spawnSync("npm", ["run", "--silent", `bench:${name}`], { stdio: "inherit", env });
    if (run.status !== 0) {
      failed++;
      console.log(`bench:${name} exited with ${run.status ?? run.signal}`);
    }
  }
  process.exit(failed ? 1 : 0);
}
