import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemo } from "@/db/seed";
import { startEmbeddedPostgres, type EmbeddedDb } from "@/server/runtime/embedded-db";
import { needsBuild } from "./build-state";

/**
 * `npm start`: the app in production mode with its database ready.
 * DATABASE_URL set → that server. Unset → an embedded PostgreSQL under .data (or the temp folder
 * when run as root), created on first start. Migrations apply, the demo company is seeded once,
 * a dev AUTH_SECRET is generated and kept in .data/, the app is built if needed, then served.
 * `--dev` serves with `next dev` instead.
 */
const root = process.cwd();
const dev = process.argv.includes("--dev");
const dataDir = path.join(root, ".data");
fs.mkdirSync(dataDir, { recursive: true });

let embedded: EmbeddedDb | undefined;
const databaseUrl = process.env.DATABASE_URL ?? (embedded = await startEmbeddedPostgres(root)).url;

await migrateDatabase(databaseUrl);
const { db, client } = createDb(databaseUrl, { max: 2 });
const seeded = await seedDemo(db);
if (seeded.created) console.log(`[seed] demo company created: ${seeded.consultants} consultants, depth ${seeded.maxDepth}`);
await client.end();

const secretFile = path.join(dataDir, "auth-secret");
if (!process.env.AUTH_SECRET && !fs.existsSync(secretFile)) {
  fs.writeFileSync(secretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });
}
const authSecret = process.env.AUTH_SECRET ?? fs.readFileSync(secretFile, "utf8").trim();

const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const env = { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: authSecret, AUTH_TRUST_HOST: "true", NEXT_TELEMETRY_DISABLED: "1" };

if (!dev && needsBuild(root)) {
  console.log("[build] building the app (first start or changed sources)…");
  const built = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env });
  if (built.status !== 0) await exit(built.status ?? 1);
}

const port = process.env.PORT ?? "3000";
const server = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "-p", port], { stdio: "inherit", env });
console.log(`[app] http://localhost:${port}  ·  sites: http://ana.localhost:${port}  ·  login admin@rede.test / demo1234`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code) => void exit(code ?? 0));

async function exit(code: number) {
  if (embedded) await embedded.stop().catch(() => {});
  process.exit(code);
}
