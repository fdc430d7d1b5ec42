import { describe, expect, it } from "vitest";
import { formatDocument, generateCpf, generateValidDocument } from "@/server/network/documents";
import { csvLine } from "@/server/network/import/csv";
import { IMPORT_REASONS, describeImportError, type ImportReason } from "@/server/network/import/reasons";
import { IMPORT_COLUMNS, validateImport, type ImportColumn, type ImportOptions, type ImportResult } from "@/server/network/import/validate";
import { CODE_OF, syntheticCsv, syntheticNetwork } from "@/tests/bench/import-validate";

const HEADER = IMPORT_COLUMNS.join(",");
const binary: ImportOptions = { shape: { kind: "binary" }, today: "2025-06-30" };
let seq = 0;
/** One valid line (unique e-mail and CPF) with the given cells replaced; `csvLine` quotes them. */
const row = (cells: Partial<Record<ImportColumn, string>>) => {
  const k = ++seq;
  const v = { name: `Person ${k}`, email: `p${k}@example.com`, document_type: "CPF", document: generateCpf(k), country: "BR", state: "SP", city: "Campinas", joined_at: "2024-05-01", status: "active", ...cells };
  return csvLine(IMPORT_COLUMNS.map((c) => v[c as keyof typeof v] ?? ""), { guardFormulas: false }).slice(0, -2);
};
const seen = new Set<ImportReason>();
const check = async (lines: string[], options: Partial<ImportOptions> = {}) => {
  const result = await validateImport([lines.join("\n") + "\n"], { ...binary, ...options });
  if (!result.ok) for (const e of result.errors) seen.add(e.reason);
  return result;
};
/** "line column reason" of each error, for compact assertions. */
const errs = (result: ImportResult) => (result.ok ? [] : result.errors.map((e) => `${e.line} ${e.column ?? "-"} ${e.reason}`));
const one = async (lines: string[], options?: Partial<ImportOptions>) => {
  const r = await check([HEADER, ...lines], options);
  expect(r.ok).toBe(false);
  return r.ok ? undefined : r.errors[0];
};
/** Every sponsor and placement parent comes before its children; each row exactly once. */
const assertOrder = (r: Extract<ImportResult, { ok: true }>) => {
  const pos = new Int32Array(r.rows.count).fill(-1);
  r.order.forEach((row, k) => (pos[row] = k));
  expect(pos.every((p) => p >= 0)).toBe(true);
  for (let i = 0; i < r.rows.count; i++) {
    if (r.rows.sponsor[i]! >= 0 && pos[r.rows.sponsor[i]!]! > pos[i]!) throw new Error(`sponsor of row ${i} comes after it`);
    if (r.rows.placement[i]! >= 0 && pos[r.rows.placement[i]!]! > pos[i]!) throw new Error(`placement parent of row ${i} comes after it`);
  }
};

describe("validateImport: a valid file", () => {
  it("returns the rows normalised, in column arrays, with a parents-first order whatever the file order", async () => {
    const r = await check([
      HEADER,
      row({ code: "D", sponsor_code: "B", placement_code: "B", leg: "r", email: "D@Example.COM", document: formatDocument("CPF", generateCpf(900)) }),
      row({ code: "B", sponsor_code: "A", placement_code: "C", leg: "L", state: "", city: "", status: "" }),
      row({ code: "C", sponsor_code: "A", placement_code: "A", leg: "L", country: "ar", document_type: "dni", document: "12.345.678", status: "Inactive" }),
      row({ code: "A", joined_at: "2025-06-30" }),
    ]);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const { rows } = r;
    expect(rows.count).toBe(4);
    expect(Array.from(rows.line)).toEqual([2, 3, 4, 5]);
    expect(rows.code).toEqual(["D", "B", "C", "A"]);
    expect(Array.from(rows.sponsor)).toEqual([1, 3, 3, -1]);
    expect(Array.from(rows.placement)).toEqual([1, 2, 3, -1]);
    expect(Array.from(rows.leg)).toEqual([2, 1, 1, 0]);
    expect(rows.email[0]).toBe("d@example.com");
    expect(rows.document[0]).toBe(generateCpf(900));
    expect([rows.documentType[2], rows.document[2], rows.country[2]]).toEqual(["DNI", "12345678", "AR"]);
    expect([rows.state[1], rows.city[1], rows.status[1], rows.status[2]]).toEqual([null, null, "active", "inactive"]);
    expect(Array.from(r.order)).toEqual([3, 2, 1, 0]);
  });

  it("reads a BOM, CRLF, quoted line breaks and columns in any order; optional columns may be absent", async () => {
    const text = "\ufeffname,code,sponsor_code,email,document_type,document,country,joined_at\r\n" + `"Ana\r\nSilva",A,,a@x.com,CPF,${generateCpf(1)},BR,2020-01-01\r\n`;
    const r = await validateImport([Buffer.from(text)], binary);
    expect(errs(r)).toEqual(["2 name control_chars"]); // a line break is no part of a name
    const fixed = await validateImport([text.replace("\r\nSilva", " Silva")], binary);
    expect(fixed.ok && [fixed.rows.name[0], fixed.rows.placementCode[0], fixed.rows.status[0]]).toEqual(["Ana Silva", "", "active"]);
  });

  it("skips rows with nothing but separators, and unnamed columns", async () => {
    const r = await check([HEADER, ",,,,,,,,,,,,", row({ code: "A" }), " , ,,,,,,,,,,,"]);
    expect(r.ok && [r.rows.count, r.rows.line[0]]).toEqual([1, 3]);
    expect((await check([`${HEADER},`, `${row({ code: "A" })},`])).ok).toBe(true);
  });

  it("reports lines where records start when quoted fields span lines", async () => {
    const r = await check([HEADER, row({ code: "A", city: "two\nlines" }), row({ code: "B", sponsor_code: "A", city: "x\ny\nz" }), row({ code: "C", sponsor_code: "A", email: "bad" })]);
    expect(errs(r)).toEqual(["2 city control_chars", "4 city control_chars", "7 email email_format"]);
  });

  it("attaches under existing consultants, asking in batches", async () => {
    const asked: string[][] = [];
    const existingCodes = (codes: readonly string[]) => (asked.push([...codes]), codes.filter((c) => c.startsWith("OLD")));
    const slots: string[] = [];
    const r = await check(
      [HEADER, row({ code: "N1", sponsor_code: "OLD1", placement_code: "OLD2", leg: "L" }), row({ code: "N2", sponsor_code: "OLD1", placement_code: "N1", leg: "R" })],
      { existingCodes, lookupBatchSize: 1, maxRoots: 0, isPlacementSlotTaken: (code, leg) => (slots.push(`${code}/${leg}`), false) },
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(Array.from(r.rows.sponsor)).toEqual([-1, -1]);
    expect(r.rows.sponsorCode).toEqual(["OLD1", "OLD1"]);
    expect(Array.from(r.rows.placement)).toEqual([-1, 0]);
    expect(asked).toEqual([["OLD1"], ["OLD2"], ["N1"], ["N2"]]); // links first, then the file's own codes
    expect(slots).toEqual(["OLD2/L"]);
  });

  it("accepts matrix legs 1..width and several roots up to maxRoots", async () => {
    const lines = [HEADER, row({ code: "R1" }), row({ code: "R2" }), row({ code: "X", sponsor_code: "R1", placement_code: "R2", leg: "3" })];
    expect((await check(lines, { shape: { kind: "matrix", width: 3 }, maxRoots: 2 })).ok).toBe(true);
    expect(errs(await check(lines, { shape: { kind: "matrix", width: 2 }, maxRoots: 2 }))).toEqual(["4 leg leg_invalid"]);
  });

  it("reads cells guarded by Rede's export back without the apostrophe", async () => {
    const r = await check([HEADER, row({ code: "'-abc", name: "'=Ana" })]);
    expect(r.ok && [r.rows.code[0], r.rows.name[0]]).toEqual(["-abc", "=Ana"]);
  });

  it("reports progress every progressEvery rows and at the end", async () => {
    const calls: number[] = [];
    await check([HEADER, row({ code: "A" }), ...Array.from({ length: 4 }, (_, k) => row({ code: `B${k}`, sponsor_code: "A" }))], { progressEvery: 2, onProgress: (n) => calls.push(n) });
    expect(calls).toEqual([2, 4, 5]);
  });
});

describe("validateImport: errors", () => {
  it("CSV-level problems", async () => {
    expect(await one([row({ code: "A" }), 'B,"Bo"b,x@y.z'])).toMatchObject({ line: 3, column: null, reason: "csv_bad_quote" });
    expect(await one([row({ code: "A" }), 'B,"open'])).toMatchObject({ line: 3, reason: "csv_unterminated_quote" });
    const latin1 = Buffer.from(`${HEADER}\n${row({ code: "A", name: "Jos\xe9" })}\n`, "latin1");
    const enc = await validateImport([latin1], binary);
    expect(errs(enc)).toEqual(["2 - csv_encoding"]);
    seen.add("csv_encoding");
    const long = await check([HEADER, row({ code: "A" }), `B,"${"x".repeat(3000)}`], { csv: { maxRecordChars: 1000 } });
    expect(!long.ok && long.errors.at(-1)).toMatchObject({ line: 3, reason: "csv_record_too_long", params: { max: 1000 } });
    expect(await one([row({ code: "A" }), "B,Bo,b@x.com"])).toMatchObject({ line: 3, reason: "column_count", params: { expected: 13, found: 3 } });
  });

  it("header problems stop before the rows", async () => {
    expect(errs(await check([]))).toEqual(["1 - header_missing"]);
    expect(errs(await check([HEADER]))).toEqual(["1 - no_rows"]);
    const h = await check(["code,name,email,document_type,document,sponsor_code,country,country,extra", "A,B"]);
    expect(!h.ok && h.errors.map((e) => [e.reason, e.params?.column])).toEqual([
      ["header_duplicate_column", "country"],
      ["header_unknown_column", "extra"],
      ["header_missing_column", "joined_at"],
    ]);
  });

  it("field checks, each with its line and column", async () => {
    const a = row({ code: "A", email: "p1@example.com" });
    const cases: Array<[Partial<Record<ImportColumn, string>>, string, ImportReason, object?]> = [
      [{ code: "" }, "code", "required"],
      [{ code: "has space" }, "code", "code_format"],
      [{ code: "x".repeat(21) }, "code", "code_format"],
      [{ code: "A" }, "code", "code_duplicate", { value: "A", firstLine: 2 }],
      [{ name: "J" }, "name", "name_length", { min: 2, max: 120 }],
      [{ name: "" }, "name", "required"],
      [{ email: "no-at.example.com" }, "email", "email_format"],
      [{ email: "P1@EXAMPLE.com" }, "email", "email_duplicate", { value: "p1@example.com" }],
      [{ document_type: "SSN" }, "document_type", "document_type_unknown", { value: "SSN" }],
      [{ document: "123" }, "document", "document_format", { type: "CPF" }],
      [{ document: "529.982.247-26" }, "document", "document_checksum", { type: "CPF" }],
      [{ country: "XX" }, "country", "country_invalid", { value: "XX" }],
      [{ country: "BRA" }, "country", "country_invalid"],
      [{ state: "S".repeat(81) }, "state", "too_long", { max: 80 }],
      [{ city: "C".repeat(81) }, "city", "too_long"],
      [{ joined_at: "01/02/2024" }, "joined_at", "date_format"],
      [{ joined_at: "2023-02-29" }, "joined_at", "date_invalid", { value: "2023-02-29" }],
      [{ joined_at: "2024-13-01" }, "joined_at", "date_invalid"],
      [{ joined_at: "2025-07-01" }, "joined_at", "date_future", { today: "2025-06-30" }],
      [{ joined_at: "" }, "joined_at", "required"],
      [{ status: "paused" }, "status", "status_invalid", { value: "paused" }],
      [{ sponsor_code: "B" }, "sponsor_code", "sponsor_self"],
      [{ sponsor_code: "GHOST" }, "sponsor_code", "sponsor_not_found", { value: "GHOST" }],
      [{ placement_code: "A" }, "leg", "placement_incomplete"],
      [{ leg: "L" }, "placement_code", "placement_incomplete"],
      [{ placement_code: "A", leg: "X" }, "leg", "leg_invalid", { value: "X", allowed: "L, R" }],
      [{ placement_code: "B", leg: "L" }, "placement_code", "placement_self"],
      [{ placement_code: "GHOST", leg: "R" }, "placement_code", "placement_not_found", { value: "GHOST" }],
    ];
    for (const [cells, column, reason, params] of cases) {
      const e = await one([a, row({ code: "B", sponsor_code: "A", ...cells })]);
      expect(e, reason).toMatchObject({ line: 3, column, reason, ...(params && { params }) });
    }
    const dup = await one([row({ code: "A", document: "529.982.247-25" }), row({ code: "B", sponsor_code: "A", document: "52998224725" })]);
    expect(dup).toMatchObject({ line: 3, column: "document", reason: "document_duplicate", params: { firstLine: 2 } });
    expect(await one([row({ code: "A" }), row({ code: "B", sponsor_code: "A", name: "Ana\u0007" })])).toMatchObject({ column: "name", reason: "control_chars" });
  });

  it("a missing sponsor is one error, not one per consultant below", async () => {
    const r = await check([HEADER, row({ code: "A" }), row({ code: "C", sponsor_code: "B" }), row({ code: "B", sponsor_code: "GONE" }), row({ code: "D", sponsor_code: "C" })]);
    expect(errs(r)).toEqual(["4 sponsor_code sponsor_not_found"]);
  });

  it("roots beyond maxRoots", async () => {
    const r = await check([HEADER, row({ code: "A" }), row({ code: "B" })]);
    expect(!r.ok && r.errors.map((e) => [e.line, e.reason, e.params])).toEqual([
      [2, "too_many_roots", { found: 2, max: 1 }],
      [3, "too_many_roots", { found: 2, max: 1 }],
    ]);
    expect(errs(await check([HEADER, row({ code: "A" })], { maxRoots: 0 }))).toEqual(["2 sponsor_code too_many_roots"]);
  });

  it("codes that already exist, slots taken or given twice", async () => {
    const existingCodes = (codes: readonly string[]) => codes.filter((c) => c === "OLD" || c === "A");
    const r = await check(
      [
        HEADER,
        row({ code: "A", sponsor_code: "OLD", placement_code: "OLD", leg: "L" }),
        row({ code: "B", sponsor_code: "OLD", placement_code: "OLD", leg: "L" }),
        row({ code: "C", sponsor_code: "OLD", placement_code: "OLD", leg: "R" }),
        row({ code: "D", sponsor_code: "B", placement_code: "B", leg: "R" }),
        row({ code: "E", sponsor_code: "B", placement_code: "B", leg: "R" }),
      ],
      { existingCodes, maxRoots: 0, isPlacementSlotTaken: (code, leg) => code === "OLD" && leg === "R" },
    );
    expect(!r.ok && r.errors.map((e) => [e.line, e.column, e.reason, e.params])).toEqual([
      [2, "code", "code_exists", { value: "A" }],
      [3, "leg", "placement_slot_duplicate", { value: "OLD", leg: "L", firstLine: 2 }],
      [4, "leg", "placement_slot_taken", { value: "OLD", leg: "R" }],
      [6, "leg", "placement_slot_duplicate", { value: "B", leg: "R", firstLine: 5 }],
    ]);
    expect((await check([HEADER, row({ code: "A", sponsor_code: "OLD" })], { existingCodes, maxRoots: 0, rejectExistingCodes: false })).ok).toBe(true);
  });

  it("sponsor cycles, one error each, at the cycle's first line", async () => {
    const r = await check([
      HEADER,
      row({ code: "ROOT" }),
      row({ code: "X", sponsor_code: "Y" }),
      row({ code: "Y", sponsor_code: "Z" }),
      row({ code: "Z", sponsor_code: "X" }),
      row({ code: "UNDER", sponsor_code: "Z" }), // hangs off the cycle: no error of its own
      row({ code: "P", sponsor_code: "Q" }),
      row({ code: "Q", sponsor_code: "P" }),
    ]);
    expect(!r.ok && r.errors.map((e) => [e.line, e.column, e.reason, e.params])).toEqual([
      [3, "sponsor_code", "sponsor_cycle", { path: "X → Y → Z → X", length: 3 }],
      [7, "sponsor_code", "sponsor_cycle", { path: "P → Q → P", length: 2 }],
    ]);
  });

  it("placement cycles and cycles across the two links", async () => {
    const placement = await check([HEADER, row({ code: "A" }), row({ code: "B", sponsor_code: "A", placement_code: "C", leg: "L" }), row({ code: "C", sponsor_code: "A", placement_code: "B", leg: "L" })]);
    expect(errs(placement)).toEqual(["3 placement_code placement_cycle"]);
    // B sponsors C, but B is placed under C: no order can insert both parents first.
    const cross = await check([HEADER, row({ code: "A" }), row({ code: "B", sponsor_code: "A", placement_code: "C", leg: "L" }), row({ code: "C", sponsor_code: "B", placement_code: "A", leg: "L" })]);
    expect(!cross.ok && cross.errors).toEqual([{ line: 3, column: null, reason: "sponsor_placement_cycle", params: { path: "B → C → B", length: 2 } }]);
    const long = await check([HEADER, row({ code: "R" }), ...Array.from({ length: 12 }, (_, k) => row({ code: `L${k}`, sponsor_code: `L${(k + 1) % 12}` }))]);
    expect(!long.ok && long.errors[0]!.params).toEqual({ path: "L0 → L1 → L2 → L3 → L4 → L5 → L6 → L7 → L8 → L9 → … (12 in all)", length: 12 });
  });

  it("caps the errors kept but counts them all", async () => {
    const lines = [HEADER, row({ code: "A" }), ...Array.from({ length: 30 }, (_, k) => row({ code: `B${k}`, sponsor_code: "A", email: "bad", status: "x" }))];
    const r = await check(lines, { maxErrors: 10 });
    expect(!r.ok && [r.errors.length, r.errorCount]).toEqual([10, 60]);
  });

  it("has an English text for each error with no placeholder left", async () => {
    const r = await check([HEADER, row({ code: "A", email: "x" }), row({ code: "B", sponsor_code: "A", placement_code: "A", leg: "Q" }), row({ code: "C", sponsor_code: "C" })]);
    expect(!r.ok && r.errors.map(describeImportError)).toEqual([
      "Line 2, email: Not a valid e-mail address.",
      'Line 3, leg: Invalid leg "Q"; use L, R.',
      "Line 4, sponsor_code: A consultant cannot be their own sponsor.",
    ]);
    const params: Record<string, string | number> = { max: 1000, column: "c", found: 2, expected: 1, value: "v", firstLine: 1234, min: 2, allowed: "a", type: "CPF", today: "t", path: "p", leg: "L" };
    for (const reason of Object.keys(IMPORT_REASONS) as ImportReason[]) {
      expect(describeImportError({ line: 1, column: null, reason, params })).not.toMatch(/\{\w+\}/);
    }
  });
});

describe("validateImport: a generated 200,000-row file", () => {
  it("is valid and comes back in a parents-first order", { timeout: 30_000 }, async () => {
    const net = syntheticNetwork(200_000, 7);
    const r = await validateImport(syntheticCsv(net), { ...binary, today: "2026-01-01" });
    if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 5)));
    expect(r.rows.count).toBe(200_000);
    assertOrder(r);
    // The links point at the generated parents.
    for (const i of [0, 1, 99_999, 199_999]) {
      const id = net.order[i]!;
      expect(r.rows.code[i]).toBe(CODE_OF(id));
      expect(r.rows.sponsor[i]! < 0 ? "" : r.rows.code[r.rows.sponsor[i]!]).toBe(id ? CODE_OF(net.sponsor[id]!) : "");
      expect(r.rows.document[i]).toBe(generateValidDocument("CPF", id));
    }
  });
});

// Last, as it reads what the tests above saw (vitest runs a file's tests in order).
it("produces every reason code in the tests above", () => {
  expect([...seen].sort()).toEqual(Object.keys(IMPORT_REASONS).sort());
});
