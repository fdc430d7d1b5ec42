import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Db = PostgresJsDatabase<typeof schema>;
/** A transaction handle; services accept either, so callers decide the transaction boundary. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export function createDb(url: string, options: { max?: number } = {}) {
  const client = postgres(url, {
    max: options.max ?? Number(process.env.DB_POOL_MAX ?? 10),
    onnotice: () => {},
    connection: { application_name: "rede" },
  });
  return { db: drizzle(client, { schema, casing: "snake_case" }), client };
}

// One client per process: kept on globalThis so dev-mode module reloads reuse the pool.
const holder = globalThis as unknown as { __redeDb?: ReturnType<typeof createDb> };

export function getDb(): Db {
  if (!holder.__redeDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one.");
    holder.__redeDb = createDb(url);
  }
  return holder.__redeDb.db;
}

/** The postgres-js client behind getDb(), for what Drizzle does not do (COPY, cursors). */
export function getSqlClient() {
  getDb();
  return holder.__redeDb!.client;
}
