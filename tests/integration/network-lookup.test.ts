import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/db/client";
import { generateValidDocument } from "@/server/network/documents";
import { validateImport } from "@/server/network/import/validate";
import { writeImport } from "@/server/network/import/write";
import { foldName, JS_FOLDED_CHARS, lookupConsultants, prefixEnd } from "@/server/network/lookup";
import { createTestDatabase } from "./db";

/**
 * Name lookup semantics (server/network/lookup.ts) on a small network made for it: names that
 * start with the query first, in name order; then names containing every query word, those where
 * the words start name words first; accents and case ignored as SQL's immutable_unaccent(lower())
 * ignores them.
 */
let target: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let client: postgres.Sql;

// [code, name, sponsor]: Ana Souza (A2) heads a small downline of her own.
const PEOPLE: [string, string, string][] = [
  ["R1", "Raiz Empresa", ""],
  ["A2", "Ana Souza", "R1"],
  ["M3", "Maria Silva Costa", "A2"],
  ["M4", "Mariana Souza", "R1"],
  ["A5", "Ana Maria Lopes", "A2"],
  ["M6", "Marília Dias", "R1"],
  ["J7", "João Marinho", "R1"],
  ["R8", "Rosemaria Alves", "R1"],
  ["M9", "Márcia Costa Silva", "R1"],
  ["S10", "Søren Ørsted", "A2"],
  ["A11", "Anabela Reis", "R1"],
  ["L12", "Luana Costa", "R1"],
];
const names = async (q: string, options: { limit?: number; withinPath?: string } = {}) =>
  (await lookupConsultants(db, { q, limit: options.limit ?? 10, withinPath: options.withinPath })).map((r) => r.fullName);

beforeAll(async () => {
  target = await createTestDatabase();
  ({ db, client } = createDb(target.url, { max: 4 }));
  const csv = [
    "code,name,email,document_type,document,sponsor_code,placement_code,leg,country,state,city,joined_at,status",
    ...PEOPLE.map(([code, name, sponsor], k) => `${code},${name},${code.toLowerCase()}@x.test,CPF,${generateValidDocument("CPF", 100 + k)},${sponsor},,,BR,SP,São Paulo,2024-01-01,active`),
  ].join("\n");
  const result = await validateImport([csv], { shape: { kind: "binary" } });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  await writeImport(client, result.rows, result.order);
});
afterAll(async () => {
  await client?.end();
  await target?.drop();
});

describe("name lookup", () => {
  it("puts names that start with the query first, then word starts, then other matches", async () => {
    expect(await names("maria")).toEqual(["Maria Silva Costa", "Mariana Souza", "Ana Maria Lopes", "Rosemaria Alves"]);
    expect(await names("MÁRIA")).toEqual(await names("maria"));
    // Every word, anywhere and in any order; a short word must start a name word.
    expect(await names("costa maria")).toEqual(["Maria Silva Costa"]);
    expect(await names("silva m")).toEqual(["Márcia Costa Silva", "Maria Silva Costa"]); // (name order ignores accents)
    expect(await names("ma")).toEqual(["Márcia Costa Silva", "Maria Silva Costa", "Mariana Souza", "Marília Dias", "Ana Maria Lopes", "João Marinho"]);
    // A fragment inside words: every match, in name order.
    expect(await names("osta")).toEqual(["Luana Costa", "Márcia Costa Silva", "Maria Silva Costa"]);
    expect(await names("ana", { limit: 3 })).toEqual(["Ana Maria Lopes", "Ana Souza", "Anabela Reis"]);
    expect(await names("ana", { limit: 50 })).toEqual(["Ana Maria Lopes", "Ana Souza", "Anabela Reis", "Luana Costa", "Mariana Souza"]);
  });

  it("folds letters JS cannot fold the way the database does", async () => {
    expect(await names("søren")).toEqual(["Søren Ørsted"]);
    expect(await names("SOREN orsted")).toEqual(["Søren Ørsted"]);
    expect(foldName("Søren")).toBeNull(); // (asked of the database)
  });

  it("stays inside a consultant's downline when scoped", async () => {
    const [row] = await client`select g.sponsor_path from genealogy g join consultants c on c.id = g.consultant_id where c.code = 'A2'`;
    const path = row!.sponsor_path as string;
    expect(await names("maria", { withinPath: path })).toEqual(["Maria Silva Costa", "Ana Maria Lopes"]);
    expect(await names("a", { withinPath: path })).toEqual(["Ana Maria Lopes", "Ana Souza"]);
    expect(await names("raiz", { withinPath: path })).toEqual([]);
  });

  it("folds in JS exactly as SQL does, for every character it folds itself", async () => {
    const chars = [...JS_FOLDED_CHARS];
    const rows = await client<{ c: string; k: string }[]>`select c, immutable_unaccent(lower(c)) as k from unnest(${chars}::text[]) as c`;
    expect(rows.filter((r) => foldName(r.c) !== r.k)).toEqual([]);
    expect(foldName("JOÃO Conceição")).toBe("joao conceicao");
  });

  it("bounds a prefix range in byte order", () => {
    expect(prefixEnd("ana")).toBe("anb");
    expect(prefixEnd("z\u{10ffff}")).toBe("{");
    expect(prefixEnd("\u{10ffff}")).toBeNull();
    expect(prefixEnd("a\ud7ff")).toBe("a\ue000");
  });
});
