import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { csvLine, guardCell, parseCsv, parseCsvBatches, unguardCell, type CsvInput, type CsvRecord } from "@/server/network/import/csv";

const parse = async (input: CsvInput, maxRecordChars?: number) => {
  const out: CsvRecord[] = [];
  for await (const r of parseCsv(input, { maxRecordChars })) out.push(r);
  return out;
};
const rec = (line: number, ...fields: string[]): CsvRecord => ({ line, fields });

describe("parseCsv", () => {
  it("reads LF and CRLF records, empty fields and a last line without a break", async () => {
    expect(await parse(["a,b,c\n1,,3\r\n,,\nx,y,z"])).toEqual([rec(1, "a", "b", "c"), rec(2, "1", "", "3"), rec(3, "", "", ""), rec(4, "x", "y", "z")]);
    expect(await parse(["a,b\r\n"])).toEqual([rec(1, "a", "b")]);
    expect(await parse([])).toEqual([]);
  });

  it("follows RFC 4180 quoting: separators, doubled quotes, line breaks inside quotes", async () => {
    const text = 'code,name\r\n"A1","Silva, Ana"\r\nB2,"She said ""hi"""\r\n"C3","two\r\nlines\nhere"\r\nD4,""\r\n';
    expect(await parse([text])).toEqual([
      rec(1, "code", "name"),
      rec(2, "A1", "Silva, Ana"),
      rec(3, "B2", 'She said "hi"'),
      rec(4, "C3", "two\r\nlines\nhere"), // line breaks inside quotes are kept as written
      rec(7, "D4", ""), // the record before spans lines 4-6
    ]);
  });

  it("skips blank lines but counts them", async () => {
    expect(await parse(["a\n\n\r\nb\n\n"])).toEqual([rec(1, "a"), rec(4, "b")]);
  });

  it("drops a UTF-8 BOM, from bytes and from a string", async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("código,nome\nA,José\n")]);
    expect(await parse([bytes])).toEqual([rec(1, "código", "nome"), rec(2, "A", "José")]);
    expect(await parse(["", "\ufeffa,b\n"])).toEqual([rec(1, "a", "b")]);
    expect(await parse([bytes.subarray(0, 1), bytes.subarray(1, 2), bytes.subarray(2)])).toEqual([rec(1, "código", "nome"), rec(2, "A", "José")]);
  });

  it("gives the same records however the input is cut into chunks", async () => {
    const text = 'h1,h2\r\n"a ""q"", b","multi\nline"\r\nplain,"x"\n\n"end\r\n",São Paulo\r\n"last",no-break';
    const whole = await parse([text]);
    expect(whole).toHaveLength(5);
    const bytes = Buffer.from(text);
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(await parse([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual(whole); // splits "ã" too
      expect(await parse([text.slice(0, cut), text.slice(cut)])).toEqual(whole);
    }
    expect(await parse(Array.from(text))).toEqual(whole);
  });

  it("reads a Node stream and yields batches per chunk", async () => {
    const stream = Readable.from([Buffer.from("a,b\n1,2\n"), Buffer.from("3,4\n")]);
    const batches: CsvRecord[][] = [];
    for await (const b of parseCsvBatches(stream)) batches.push(b);
    expect(batches).toEqual([[rec(1, "a", "b"), rec(2, "1", "2")], [rec(3, "3", "4")]]);
  });

  it("cuts a large chunk into batches of at most ~64K characters, records intact across the cuts", async () => {
    // 3,000 records of ~100 characters, some quoted over two lines: a 300 KB chunk.
    const lines = Array.from({ length: 3000 }, (_, i) => (i % 7 ? `R${i},${"x".repeat(90)}` : `R${i},"quoted, ${"y".repeat(40)}\n${"z".repeat(40)}"`));
    const text = `${lines.join("\n")}\n`;
    const batches: CsvRecord[][] = [];
    for await (const b of parseCsvBatches([Buffer.from(text)])) batches.push(b);
    expect(batches.length).toBeGreaterThan(4);
    expect(Math.max(...batches.map((b) => b.reduce((n, r) => n + r.fields.join(",").length + 1, 0)))).toBeLessThanOrEqual(64 * 1024);
    expect(batches.flat()).toEqual(await parse(Array.from({ length: Math.ceil(text.length / 1000) }, (_, k) => text.slice(k * 1000, k * 1000 + 1000))));
    expect(batches.flat().map((r) => r.fields[0])).toEqual(lines.map((_, i) => `R${i}`));
  });

  it("flags malformed quoting and goes on", async () => {
    expect(await parse(['a,b"c,d\n"x"y,z\n"ok",1\n'])).toEqual([
      { line: 1, fields: ["a", 'b"c', "d"], error: "csv_bad_quote" },
      { line: 2, fields: ["xy", "z"], error: "csv_bad_quote" },
      rec(3, "ok", "1"),
    ]);
    expect(await parse(['a,b\n"open,c\nd,e\n'])).toEqual([rec(1, "a", "b"), { line: 2, fields: ["open,c\nd,e\n"], error: "csv_unterminated_quote" }]);
  });

  it("flags bytes that are not UTF-8 on their line", async () => {
    const latin1 = Buffer.from("a,b\nJos\xe9,1\nok,2\n", "latin1");
    expect(await parse([latin1])).toEqual([rec(1, "a", "b"), { line: 2, fields: ["Jos\ufffd", "1"], error: "csv_encoding" }, rec(3, "ok", "2")]);
  });

  it("stops at a record longer than maxRecordChars instead of buffering the file", async () => {
    const chunks = ['a,b\n"never closed', ...Array.from({ length: 20 }, () => "x".repeat(100))];
    expect(await parse(chunks, 500)).toEqual([rec(1, "a", "b"), { line: 2, fields: [], error: "csv_record_too_long" }]);
  });
});

describe("csvLine", () => {
  it("quotes only when needed and ends with CRLF", () => {
    expect(csvLine(["a", "b c", "", null, undefined, 12, 1.5, true, 10n])).toBe("a,b c,,,,12,1.5,true,10\r\n");
    expect(csvLine(["Silva, Ana", 'say "hi"', "two\nlines", "cr\r"])).toBe('"Silva, Ana","say ""hi""","two\nlines","cr\r"\r\n');
  });

  it("guards cells a spreadsheet would run as formulas, but not plain numbers", () => {
    expect(csvLine(["=SUM(A1:A9)", "+1+2", "-2+3", "@cmd", "\tx", "-12.50", "+5511999990000", "-3", "a=b"])).toBe(
      "'=SUM(A1:A9),'+1+2,'-2+3,'@cmd,'\tx,-12.50,+5511999990000,-3,a=b\r\n",
    );
    expect(csvLine(['=HYPERLINK("http://x","y")'])).toBe(`"'=HYPERLINK(""http://x"",""y"")"\r\n`);
    expect(csvLine(["=1+1"], { guardFormulas: false })).toBe("=1+1\r\n");
  });

  it("round-trips through the parser and unguardCell", async () => {
    const values = ["-code_1", "=x", "Silva, \"Ana\"", "multi\r\nline", "plain", "'quoted", "@home", "-5"];
    const [parsed] = await parse([csvLine(values)]);
    expect(parsed!.fields.map(unguardCell)).toEqual(values);
    expect(values.map((v) => unguardCell(guardCell(v)))).toEqual(values);
  });
});
