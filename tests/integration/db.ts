import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { inject } from "vitest";
import { createDb } from "@/db/client";

/** The server that test databases are created on (see tests/setup/global-db.ts). */
export function adminUrl() {
  return inject("adminDbUrl");
}

export function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * A fresh database for one test file, copied from the migrated template made once per run.
 * `drop()` closes the pool and removes it.
 */
export async function createTestDatabase() {
  const template = inject("templateDb");
  const name = `rede_t_${randomBytes(5).toString("hex")}`;
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  await admin.end();
  const url = withDatabase(adminUrl(), name);
  const { db, client } = createDb(url, { max: 4 });
  return {
    db,
    url,
    name,
    async drop() {
      await client.end({ timeout: 5 });
      const a = postgres(adminUrl(), { max: 1, onnotice: () => {} });
      await a.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    },
  };
}
