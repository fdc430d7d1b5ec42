import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { Logger, runOnce } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generateValidDocument } from "@/server/network/documents";
import { UploadRefused, receiveUpload } from "@/server/network/import/upload";
import { verifyTrees } from "@/server/network/tree/verify";
import { buildTaskList } from "@/server/jobs/worker";
import { callerAs, countRows, failureOf, insertUser } from "./admin-helpers";
import { createTestDatabase } from "./db";

/**
 * The network import as the screen drives it: upload (the route's service), the validation job,
 * the report, commit → write job, discard; against a database that starts with no consultants.
 */
const HEADER = "code,name,email,document_type,document,sponsor_code,placement_code,leg,country,state,city,joined_at,status";
const cpf = (n: number) => generateValidDocument("CPF", n);
const silent = new Logger(() => () => {});

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let dir: string;
let adminId: string;
let supportId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "rede-import-"));
  vi.stubEnv("NETWORK_IMPORT_DIR", dir);
  adminId = await insertUser(t.db, { email: "gestora@rede.test", name: "Gestora Import", roles: ["field_manager"] });
  supportId = await insertUser(t.db, { email: "apoio@rede.test", name: "Apoio", roles: ["support"] });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
  await t?.drop();
});

function upload(csv: string | Buffer, fileName = "rede.csv", maxBytes = 1024 * 1024) {
  const bytes = typeof csv === "string" ? Buffer.from(csv) : csv;
  return receiveUpload(t.db, { userId: adminId, locale: "pt-BR", fileName, declaredSize: null, body: [bytes], maxBytes });
}
const runJobs = () => runOnce({ connectionString: t.url, taskList: buildTaskList(t.db), logger: silent, noHandleSignals: true });
const jobs = (key: string) => countRows(t.db, `graphile_worker.jobs where key = '${key}'`);
const storedFiles = () => fs.readdirSync(dir);

/** A small whole network: a root, two under it (one placed on the left), one further down. */
function network(prefix: string, seed: number) {
  return [
    HEADER,
    `${prefix}1,Raiz ${prefix},${prefix}1@x.test,CPF,${cpf(seed)},,,,BR,SP,São Paulo,2024-01-01,active`,
    `${prefix}2,Filha ${prefix},${prefix}2@x.test,CPF,${cpf(seed + 1)},${prefix}1,${prefix}1,L,BR,SP,São Paulo,2024-01-02,active`,
    `${prefix}3,Filho ${prefix},${prefix}3@x.test,CPF,${cpf(seed + 2)},${prefix}1,,,BR,RJ,Niterói,2024-01-03,inactive`,
    `${prefix}4,Neta ${prefix},${prefix}4@x.test,CPF,${cpf(seed + 3)},${prefix}2,,,BR,,,2024-02-01,`,
  ].join("\r\n");
}

describe("network import through the router", () => {
  it("rejects a bad file with a precise report (line, column, value, reason) and writes nothing", async () => {
    const bad = [
      HEADER,
      `A1,Raiz,raiz@x.test,CPF,${cpf(1)},,,,BR,SP,São Paulo,2024-01-01,active`,
      "A2,Filha,filha@x.test,CPF,529.982.247-26,A1,,,BR,SP,São Paulo,2024-01-02,active", // check digits off by one
      `A3,Neta,neta@x.test,CPF,${cpf(3)},ZZ,,,BR,SP,São Paulo,2024-01-03,active`, // unknown sponsor
      `A4,Bisneta,bisneta@x.test,CPF,${cpf(4)},A1,,,BR,SP,São Paulo,2024-13-01,active`, // no 13th month
      "A5,Curta",
    ].join("\n");
    const { id } = await upload(bad);
    expect(await jobs(`network_import_validate:${id}`)).toBe(1);
    const { api } = await callerAs(t.db, adminId);
    expect(await api.networkImport.get({ id })).toMatchObject({ status: "uploaded", fileName: "rede.csv", sizeBytes: Buffer.byteLength(bad) });

    await runJobs();
    const report = await api.networkImport.get({ id });
    expect(report).toMatchObject({ status: "rejected", errorCount: 4, errorsKept: 4, rowsTotal: 5, createdByName: "Gestora Import" });
    expect(report.errors.rows).toEqual([
      { line: 3, column: "document", value: "529.982.247-26", reason: "document_checksum", params: { type: "CPF" } },
      { line: 4, column: "sponsor_code", value: "ZZ", reason: "sponsor_not_found", params: { value: "ZZ" } },
      { line: 5, column: "joined_at", value: "2024-13-01", reason: "date_invalid", params: { value: "2024-13-01", today: expect.any(String) } },
      { line: 6, column: null, value: null, reason: "column_count", params: { expected: 13, found: 2 } },
    ]);
    // One page of the report at a time, in line order.
    expect((await api.networkImport.get({ id, page: 2, pageSize: 3 })).errors.rows.map((e) => e.line)).toEqual([6]);
    expect(await countRows(t.db, "consultants")).toBe(0);
    expect(storedFiles()).toEqual([]); // a rejected file is not kept
    // Nothing to write: a rejected import cannot be committed.
    const { ctx } = await callerAs(t.db, adminId);
    expect(await failureOf(api.networkImport.commit({ id }), ctx)).toMatchObject({ message: "Só um arquivo válido pode ser gravado.", data: { code: "CONFLICT" } });
  });

  it("reports a header problem once, on line 1", async () => {
    const { id } = await upload("code,nome,email\nA1,Ana,ana@x.test\n");
    await runJobs();
    const { api } = await callerAs(t.db, adminId);
    const report = await api.networkImport.get({ id });
    expect(report.status).toBe("rejected");
    expect(report.errors.rows.every((e) => e.line === 1 && e.column === null)).toBe(true);
    expect(report.errors.rows.map((e) => e.reason)).toEqual(expect.arrayContaining(["header_unknown_column", "header_missing_column"]));
  });

  it("writes a valid file into the empty network after commit, once, and audits who did it", async () => {
    const { id } = await upload(network("B", 100));
    await runJobs();
    const { api } = await callerAs(t.db, adminId);
    expect(await api.networkImport.get({ id })).toMatchObject({ status: "valid", rowsTotal: 4, errorCount: 0, networkEmpty: true });
    expect(storedFiles()).toHaveLength(1); // kept for the write

    expect(await api.networkImport.commit({ id })).toMatchObject({ status: "writing" });
    expect(await api.networkImport.commit({ id })).toMatchObject({ status: "writing" }); // a double click queues nothing more
    expect(await jobs(`network_import_write:${id}`)).toBe(1);
    const audit = await t.db.execute<{ actor_user_id: string; after: { rows: number } }>(
      sql`select actor_user_id, after from audit_log where action = 'network.import.commit' and entity_id = ${String(id)}`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_user_id: adminId, after: { rows: 4, fileName: "rede.csv" } });

    await runJobs();
    expect(await api.networkImport.get({ id })).toMatchObject({ status: "done", rowsWritten: 4 });
    const rows = await t.db.execute<{ code: string; sponsor: string | null; status: string }>(
      sql`select c.code, s.code as sponsor, c.status from consultants c left join consultants s on s.id = c.sponsor_id order by c.code`,
    );
    expect(rows.map((r) => ({ ...r }))).toEqual([
      { code: "B1", sponsor: null, status: "active" },
      { code: "B2", sponsor: "B1", status: "active" },
      { code: "B3", sponsor: "B1", status: "inactive" },
      { code: "B4", sponsor: "B2", status: "active" },
    ]);
    expect((await verifyTrees(t.db)).filter((c) => c.violations > 0)).toEqual([]);
    expect(storedFiles()).toEqual([]);
    expect(await api.networkImport.commit({ id })).toMatchObject({ status: "done" }); // still idempotent
    expect(await jobs(`network_import_write:${id}`)).toBe(0);
  });

  it("refuses to write into a network that has consultants, says why, and keeps the file valid", async () => {
    const { id } = await upload(network("C", 200), "segunda.csv");
    await runJobs();
    const { api, ctx } = await callerAs(t.db, adminId);
    expect(await api.networkImport.get({ id })).toMatchObject({ status: "valid", networkEmpty: false });
    const refusal = await failureOf(api.networkImport.commit({ id }), ctx);
    expect(refusal).toMatchObject({ data: { code: "CONFLICT", httpStatus: 409 } });
    expect(refusal.message).toBe("A rede já tem consultores. A importação só grava uma rede inteira em uma rede vazia; nada foi gravado.");
    expect(await api.networkImport.get({ id })).toMatchObject({ status: "valid" });
    expect(await countRows(t.db, "consultants")).toBe(4);
    expect(await jobs(`network_import_write:${id}`)).toBe(0);

    // Discarding drops the file; the row stays as history. Twice is fine; committing it no longer is.
    expect(await api.networkImport.discard({ id })).toEqual({ id, status: "discarded" });
    expect(await api.networkImport.discard({ id })).toEqual({ id, status: "discarded" });
    expect(storedFiles()).toEqual([]);
    expect(await failureOf(api.networkImport.commit({ id }), ctx)).toMatchObject({ data: { code: "CONFLICT" } });
    const list = await api.networkImport.list({});
    expect(list.rows[0]).toMatchObject({ id, status: "discarded", fileName: "segunda.csv" });
    expect(list.total).toBe(4);
  });

  it("discards an upload before its validation runs: the job goes with it", async () => {
    const { id } = await upload(network("D", 300));
    const { api } = await callerAs(t.db, adminId);
    await api.networkImport.discard({ id });
    expect(await jobs(`network_import_validate:${id}`)).toBe(0);
    await runJobs();
    expect(await api.networkImport.get({ id })).toMatchObject({ status: "discarded", rowsTotal: null });
  });

  it("refuses what is not a CSV, an empty file and a file over the cap, keeping neither row nor file", async () => {
    const before = await countRows(t.db, "network_imports");
    const refusal = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof UploadRefused ? { status: e.status, key: e.messageKey, params: e.params } : e));
    expect(await refusal(upload("a,b\n", "rede.xlsx"))).toMatchObject({ status: 415, key: "networkImport.upload.spreadsheet" });
    expect(await refusal(upload("a,b\n", "rede.txt"))).toMatchObject({ status: 415, key: "networkImport.upload.notCsv" });
    // An Excel workbook renamed to .csv is still recognised by its first bytes.
    expect(await refusal(upload(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "rede.csv"))).toMatchObject({ status: 415, key: "networkImport.upload.spreadsheet" });
    expect(await refusal(upload(Buffer.from("c\u0000o\u0000d\u0000e\u0000"), "utf16.csv"))).toMatchObject({ status: 415, key: "networkImport.upload.notCsv" });
    expect(await refusal(upload("", "vazio.csv"))).toMatchObject({ status: 400, key: "networkImport.upload.empty" });
    const overCap = Buffer.concat([Buffer.from(network("E", 400)), Buffer.alloc(1024 * 1024, "\n")]);
    expect(await refusal(upload(overCap, "grande.csv", 1024 * 1024))).toMatchObject({ status: 413, key: "networkImport.upload.tooLarge", params: { max: "1 MB" } });
    expect(await refusal(upload(overCap, "grande.csv", 1_000_000))).toMatchObject({ status: 413, params: { max: "976,6 kB" } });
    expect(await countRows(t.db, "network_imports")).toBe(before);
    expect(storedFiles()).toEqual([]);
  });

  it("is for network.edit only", async () => {
    const { api, ctx } = await callerAs(t.db, supportId);
    expect(await failureOf(api.networkImport.list({}), ctx)).toMatchObject({ data: { code: "FORBIDDEN" } });
    expect(await failureOf(api.networkImport.get({ id: 1 }), ctx)).toMatchObject({ data: { code: "FORBIDDEN" } });
    expect(await failureOf(api.networkImport.commit({ id: 1 }), ctx)).toMatchObject({ data: { code: "FORBIDDEN" } });
    expect(await failureOf(api.networkImport.discard({ id: 1 }), ctx)).toMatchObject({ data: { code: "FORBIDDEN" } });
  });
});
