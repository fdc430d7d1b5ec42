import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { exportNetworkCsv } from "@/server/network/export";
import { validateImport } from "@/server/network/import/validate";
import { writeImport } from "@/server/network/import/write";
import { verifyTrees } from "@/server/network/tree/verify";
import { createTestDatabase } from "./db";

let source: Awaited<ReturnType<typeof createTestDatabase>>;
let target: Awaited<ReturnType<typeof createTestDatabase>>;

async function collect(gen: AsyncIterable<string>) {
  let out = "";
  for await (const chunk of gen) out += chunk;
  return out;
}

beforeAll(async () => {
  source = await createTestDatabase();
  target = await createTestDatabase();
  await seedDemo(source.db, { size: 300 });
});
afterAll(async () => {
  await source?.drop();
  await target?.drop();
});

describe("network import and export", () => {
  it("exports a network that imports into an empty database and exports back byte for byte", async () => {
    const src = createDb(source.url, { max: 1 });
    const csv = await collect(exportNetworkCsv(src.client, null));
    await src.client.end();
    expect(csv.split("\r\n").length - 2).toBe(300);

    const result = await validateImport([csv], { shape: { kind: "binary" } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const dst = createDb(target.url, { max: 1 });
    expect(await writeImport(dst.client, result.rows, result.order)).toEqual({ written: 300 });
    expect((await verifyTrees(target.db)).filter((c) => c.violations > 0)).toEqual([]);
    expect(await collect(exportNetworkCsv(dst.client, null))).toBe(csv);

    // A second import into the now non-empty database is refused and writes nothing.
    await expect(writeImport(dst.client, result.rows, result.order)).rejects.toThrow(/already has consultants/);
    const [{ n }] = (await dst.client`select count(*)::int as n from consultants`) as unknown as [{ n: number }];
    expect(n).toBe(300);
    await dst.client.end();
  });

  it("rejects a file with a precise report (file line, column, reason) before any write", async () => {
    const bad = [
      "code,name,email,document_type,document,sponsor_code,placement_code,leg,country,state,city,joined_at,status",
      "A1,Raiz,raiz@x.test,CPF,529.982.247-25,,,,BR,SP,São Paulo,2024-01-01,active",
      "A2,Filha,filha@x.test,CPF,529.982.247-26,A1,,,BR,SP,São Paulo,2024-01-02,active",
      "A3,Neta,neta@x.test,CPF,987.654.321-00,ZZ,,,BR,SP,São Paulo,2024-01-03,active",
    ].join("\n");
    const result = await validateImport([bad], { shape: { kind: "binary" } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 3, column: "document" }),
        expect.objectContaining({ line: 4, column: "sponsor_code" }),
      ]),
    );
  });
});
