import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { createDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemo } from "@/db/seed";
import { freePort, startEmbeddedPostgres, type EmbeddedDb } from "@/server/runtime/embedded-db";
import { needsBuild } from "./build-state";

/**
 * `npm test`: unit and integration tests (Vitest, real PostgreSQL), then end-to-end tests
 * (Playwright on Chromium) against a production build with a freshly seeded database.
 * With DATABASE_URL set, test databases are created on that server; otherwise an embedded
 * PostgreSQL is started. Ends with one line: `N passed, N failed`.
 * `npm test -- unit|integration|e2e` runs one part.
 */
const root = process.cwd();
const only = process.argv[2];
const resultsDir = path.join(root, ".data", "test-results");
fs.rmSync(resultsDir, { recursive: true, force: true });
fs.mkdirSync(resultsDir, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

let embedded: EmbeddedDb | undefined;
const adminUrl = process.env.DATABASE_URL ?? (embedded = await startEmbeddedPostgres(root, { cluster: "pg-test", database: "postgres_admin" })).url;
const totals = { passed: 0, failed: 0, skipped: 0 };
let exitCode = 0;

try {
  if (!only || only === "unit" || only === "integration") runVitest(only);
  if (!only || only === "e2e") await runE2e();
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  if (embedded) await embedded.stop().catch(() => {});
}

if (totals.failed > 0 || totals.passed === 0) exitCode = 1;
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(exitCode);

function runVitest(project?: string) {
  const out = path.join(resultsDir, "vitest.json");
  const args = ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`];
  if (project) args.push("--project", project);
  const run = spawnSync(process.execPath, [path.join(root, "node_modules", "vitest", "vitest.mjs"), ...args], {
    stdio: "inherit",
    env: { ...env, TEST_ADMIN_URL: adminUrl },
  });
  if (!fs.existsSync(out)) {
    console.error(`vitest produced no report (exit ${run.status})`);
    totals.failed++;
    return;
  }
  const report = JSON.parse(fs.readFileSync(out, "utf8"));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests + (report.numFailedTestSuites ?? 0);
  totals.skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  if (run.status !== 0 && report.numFailedTests === 0) totals.failed++;
}

async function runE2e() {
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  if (process.env.CI || needsBuild(root)) {
    const built = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env });
    if (built.status !== 0) throw new Error("next build failed");
  }
  const dbName = `rede_e2e_${randomBytes(4).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${dbName}"`);
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  const dbUrl = u.toString();
  let server: ReturnType<typeof spawn> | undefined;
  try {
    await migrateDatabase(dbUrl);
    const { db, client } = createDb(dbUrl, { max: 2 });
    await seedDemo(db);
    await client.end();

    const port = await freePort();
    server = spawn(process.execPath, [nextBin, "start", "-p", String(port)], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...env, DATABASE_URL: dbUrl, AUTH_SECRET: randomBytes(32).toString("base64url"), AUTH_TRUST_HOST: "true", PORT: String(port) },
    });
    const log = fs.createWriteStream(path.join(resultsDir, "server.log"));
    server.stdout?.pipe(log);
    server.stderr?.pipe(log);
    await waitForServer(`http://127.0.0.1:${port}/login`);

    const out = path.join(resultsDir, "playwright.json");
    const run = spawnSync(process.execPath, [path.join(root, "node_modules", "@playwright", "test", "cli.js"), "test", ...process.argv.slice(3)], {
      stdio: "inherit",
      env: { ...env, E2E_BASE_URL: `http://localhost:${port}`, E2E_PORT: String(port), E2E_DATABASE_URL: dbUrl },
    });
    if (!fs.existsSync(out)) {
      console.error(`playwright produced no report (exit ${run.status})`);
      totals.failed++;
      return;
    }
    const stats = JSON.parse(fs.readFileSync(out, "utf8")).stats;
    totals.passed += stats.expected + stats.flaky;
    totals.failed += stats.unexpected;
    totals.skipped += stats.skipped;
    if (run.status !== 0 && stats.unexpected === 0) totals.failed++;
  } finally {
    server?.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    await admin.unsafe(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => {});
    await admin.end();
  }
}

async function waitForServer(url: string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the app did not answer at ${url} within 60 s`);
}
