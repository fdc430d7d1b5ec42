import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/db/client";
import { generateValidDocument } from "@/server/network/documents";
import { validateImport, type ImportRows } from "@/server/network/import/validate";
import { writeImport } from "@/server/network/import/write";
import { verifyTrees } from "@/server/network/tree/verify";
import { createTestDatabase } from "./db";

/**
 * The bulk path of writeImport: indexes and foreign keys dropped and rebuilt inside the
 * transaction, trees worked out in memory, name keys folded outside SQL. Whatever it does on the
 * way, the schema must come out as it went in, and a failure must leave nothing behind.
 */
let target: Awaited<ReturnType<typeof createTestDatabase>>;
let client: postgres.Sql;

const HEADER = "code,name,email,document_type,document,sponsor_code,placement_code,leg,country,state,city,joined_at,status";
const line = (code: string, name: string, sponsor: string, placement = "", leg = "", n = Number(code.replace(/\D/g, "")) || 1) =>
  `${code},${name},${code.toLowerCase()}@x.test,CPF,${generateValidDocument("CPF", n)},${sponsor},${placement},${leg},BR,SP,São Paulo,2024-01-0${(n % 9) + 1},${n % 5 === 4 ? "inactive" : "active"}`;

/** Root R; X and Y take R's legs explicitly, but C (earlier in the file, no placement) fills under X. */
const NAMES = ["José Ñúñez", "SØREN Ørsted", "Straße Groß", "ÆGIR Œuvre", "ΟΔΥΣΣΕΥΣ Σ", "İlkay Çağrı", "Łukasz Đorđe", "Zoë 😀 Smile", "Jose\u0301 Decomposto", "O'Brien-Smith"];
const file = [
  HEADER,
  line("R1", "Raiz da Rede", ""),
  line("C2", NAMES[0]!, "R1"),
  line("X3", NAMES[1]!, "R1", "R1", "L"),
  line("Y4", NAMES[2]!, "R1", "R1", "R"),
  ...NAMES.slice(3).map((name, k) => line(`D${k + 5}`, name, k % 2 ? "C2" : "X3")),
].join("\n");

async function schemaOf(sql: postgres.Sql) {
  return {
    indexes: (await sql`select indexrelid::regclass::text as name, pg_get_indexdef(indexrelid) as def from pg_index
                         where indrelid in ('consultants'::regclass, 'genealogy'::regclass, 'placement_tree'::regclass) order by 1`).map((r) => `${r.name}: ${r.def}`),
    constraints: (await sql`select conrelid::regclass::text as t, conname, convalidated, pg_get_constraintdef(oid) as def from pg_constraint
                             where conrelid in ('consultants'::regclass, 'genealogy'::regclass, 'placement_tree'::regclass)
                                or confrelid in ('consultants'::regclass, 'genealogy'::regclass, 'placement_tree'::regclass) order by 1, 2`).map(
      (r) => `${r.t}.${r.conname} ${r.convalidated ? "valid" : "NOT VALID"}: ${r.def}`,
    ),
    triggers: (await sql`select tgrelid::regclass::text as t, tgname, tgenabled from pg_trigger
                          where tgrelid in ('consultants'::regclass, 'genealogy'::regclass, 'placement_tree'::regclass) and not tgisinternal order by 1, 2`).map(
      (r) => `${r.t}.${r.tgname} ${r.tgenabled}`,
    ),
  };
}
const counts = async (sql: postgres.Sql) =>
  (await sql`select (select count(*) from consultants)::int as consultants, (select count(*) from genealogy)::int as genealogy,
                    (select count(*) from placement_tree)::int as placement, (select count(*) from audit_log where action = 'network.import')::int as audited`)[0];

async function validRows() {
  const result = await validateImport([file], { shape: { kind: "binary" } });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}
/** A copy of the validated rows with one column changed: a fault validation would have caught. */
const tamper = (rows: ImportRows, change: (copy: ImportRows) => void) => {
  const copy = { ...rows, code: [...rows.code], joinedAt: [...rows.joinedAt] };
  change(copy);
  return copy;
};

beforeAll(async () => {
  target = await createTestDatabase();
  client = createDb(target.url, { max: 1 }).client;
});
afterAll(async () => {
  await client?.end();
  await target?.drop();
});

describe("writeImport, bulk path", () => {
  it("leaves nothing behind when the database refuses a row mid-way, with every index and constraint back", async () => {
    const before = await schemaOf(client);
    expect(before.indexes.length).toBeGreaterThan(10);
    const { rows, order } = await validRows();

    // A duplicate code fails when the rebuilt unique index is built, after every COPY.
    await expect(writeImport(client, tamper(rows, (r) => (r.code[3] = r.code[2]!)), order)).rejects.toThrow(/consultants_code_key|duplicate/);
    expect(await counts(client)).toEqual({ consultants: 0, genealogy: 0, placement: 0, audited: 0 });
    expect(await schemaOf(client)).toEqual(before);

    // An impossible date fails inside the first COPY (binary: refused by the writer as it encodes).
    await expect(writeImport(client, tamper(rows, (r) => (r.joinedAt[5] = "2024-02-30")), order)).rejects.toThrow(/date/);
    expect(await counts(client)).toEqual({ consultants: 0, genealogy: 0, placement: 0, audited: 0 });
    expect(await schemaOf(client)).toEqual(before);
  });

  it("writes both trees, name keys equal to SQL's, and the same schema as before", async () => {
    const before = await schemaOf(client);
    const { rows, order } = await validRows();
    const phases: string[] = [];
    expect(await writeImport(client, rows, order, { onPhase: (phase) => phases.push(phase) })).toEqual({ written: rows.count });
    expect(phases).toEqual(expect.arrayContaining(["prepare", "copy consultants", "index consultants_code_key", "foreign key consultants_sponsor_id_consultants_id_fk", "analyze"]));

    expect(await schemaOf(client)).toEqual(before);
    expect(await counts(client)).toEqual({ consultants: rows.count, genealogy: rows.count, placement: rows.count, audited: 1 });
    // verifyTrees also compares every name_key with immutable_unaccent(lower(full_name)).
    const { db } = createDb(target.url, { max: 1 });
    expect((await verifyTrees(db)).filter((c) => c.violations > 0)).toEqual([]);
    await db.$client.end();

    // C2 came before X3 in the file but was placed under it (R1's legs were taken by X3 and Y4).
    const placed = await client`select c.code, p.code as parent, c.placement_slot from consultants c join consultants p on p.id = c.placement_parent_id where c.code in ('C2', 'X3', 'Y4') order by c.code`;
    expect(placed.map((r) => `${r.code}<${r.parent}:${r.placement_slot}`)).toEqual(["C2<X3:1", "X3<R1:1", "Y4<R1:2"]);
    // Ids follow the file's order.
    const ids = await client`select code from consultants order by id`;
    expect(ids.map((r) => r.code)).toEqual(rows.code);
    // The tree tables went in frozen: all-visible at once, so index-only scans need no VACUUM first.
    const [vis] = await client`select relallvisible, relpages from pg_class where relname = 'genealogy'`;
    expect(vis!.relallvisible).toBe(vis!.relpages);
  });
});
