/**
 * CSV for the network import and the exports: a streaming record parser and a line writer.
 *
 * Parser: RFC 4180 — comma separator, fields optionally in double quotes, "" inside quotes is one
 * quote, quoted fields may hold commas and line breaks; records end with LF or CRLF. Input is any
 * (async) iterable of string or byte chunks (a Node Readable works), decoded as UTF-8 with a leading
 * BOM dropped, so a 1M-row file is never one string. Nothing is thrown for bad input: a record
 * carries an `error` code and parsing goes on with a best-effort reading of it.
 *
 * Speed: most lines of a real file have no quote at all, so a record is found with `indexOf("\n")`
 * and cut with `split(",")` (native, no per-character JS); only records that contain a quote go
 * through the character loop. Records are produced in batches (one per input chunk) because an
 * async generator step per record would cost about as much as the parsing itself.
 */

export type CsvErrorReason =
  | "csv_unterminated_quote" // a quoted field runs to the end of the file
  | "csv_bad_quote" // a quote inside an unquoted field, or text after a closing quote
  | "csv_encoding" // bytes that are not UTF-8 (e.g. a Windows-1252 file saved by Excel)
  | "csv_record_too_long"; // one record longer than `maxRecordChars`; parsing stops there

/** `line`: the physical line (1-based) where the record starts; quoted line breaks advance it. */
export type CsvRecord = { line: number; fields: string[]; error?: CsvErrorReason };

export type CsvParseOptions = {
  /**
   * Longest record kept in memory while waiting for its end (default 1,000,000 characters). An
   * unbalanced quote would otherwise swallow the rest of the file into one field; past this limit a
   * `csv_record_too_long` record is emitted and parsing stops.
   */
  maxRecordChars?: number;
};

export type CsvInput = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

const QUOTE = 34, COMMA = 44, LF = 10, CR = 13;
const BATCH_CHARS = 64 * 1024;

/** Records in batches (one per input chunk, in file order). Blank lines are skipped but counted. */
export async function* parseCsvBatches(input: CsvInput, options: CsvParseOptions = {}): AsyncGenerator<CsvRecord[]> {
  const maxChars = options.maxRecordChars ?? 1_000_000;
  const decoder = new TextDecoder("utf-8"); // replaces bad bytes with U+FFFD; drops a leading BOM
  const state: ParserState = { line: 1, checkEncoding: false };
  let carry = "";
  let first = true;
  for await (const chunk of input) {
    // Batches of at most ~64K characters whatever the input's chunk size (bytes are decoded 64 KB
    // at a time too): a batch of a 1 MB chunk outlives V8's young generation, which made a 1M-row
    // validation 10× slower, and a 1 MB decoded string is kept alive by every field sliced from it.
    for (let at = 0; at < chunk.length; at += BATCH_CHARS) {
      let text = typeof chunk === "string" ? chunk.slice(at, at + BATCH_CHARS) : decoder.decode(chunk.subarray(at, at + BATCH_CHARS), { stream: true });
      if (!text) continue;
      if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1); // (TextDecoder drops it from bytes, not strings)
      first = false;
      if (!state.checkEncoding && text.includes("\ufffd")) state.checkEncoding = true;
      const piece = carry + text;
      const out: CsvRecord[] = [];
      const pos = parseRecords(piece, false, state, out);
      carry = pos < piece.length ? piece.slice(pos) : "";
      if (carry.length > maxChars) {
        out.push({ line: state.line, fields: [], error: "csv_record_too_long" });
        yield out;
        return;
      }
      if (out.length) yield out;
    }
  }
  const rest = decoder.decode();
  if (rest.includes("\ufffd")) state.checkEncoding = true;
  const text = carry + rest;
  const out: CsvRecord[] = [];
  if (text) parseRecords(text, true, state, out);
  if (out.length) yield out;
}

/** One record at a time: the convenient form of `parseCsvBatches` for small files and tests. */
export async function* parseCsv(input: CsvInput, options: CsvParseOptions = {}): AsyncGenerator<CsvRecord> {
  for await (const batch of parseCsvBatches(input, options)) yield* batch;
}

type ParserState = { line: number; checkEncoding: boolean };

/**
 * Parses the complete records of `text` into `out` and returns where the first incomplete one
 * starts (the caller keeps that part and prepends it to the next chunk). With `final`, the text
 * ends the file, so everything is consumed.
 */
function parseRecords(text: string, final: boolean, state: ParserState, out: CsvRecord[]): number {
  const n = text.length;
  let pos = 0;
  let quote = text.indexOf('"'); // next quote at or after pos, cached: -1 means none left
  while (pos < n) {
    if (quote !== -1 && quote < pos) quote = text.indexOf('"', pos);
    let nl = text.indexOf("\n", pos);
    if (quote === -1 || (nl !== -1 && quote > nl)) {
      if (nl === -1) {
        if (!final) return pos;
        nl = n;
      }
      const end = nl > pos && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
      if (end > pos) push(out, state, { line: state.line, fields: text.slice(pos, end).split(",") });
      state.line++;
      pos = nl + 1;
      continue;
    }
    const rec = quotedRecord(text, pos, final, state.line);
    if (!rec) return pos;
    push(out, state, rec.record);
    state.line += rec.lines;
    pos = rec.end;
  }
  return n;
}

function push(out: CsvRecord[], state: ParserState, record: CsvRecord) {
  if (state.checkEncoding && !record.error && record.fields.some((f) => f.includes("\ufffd"))) record.error = "csv_encoding";
  out.push(record);
}

/**
 * Character loop for a record that contains a quote. Returns null when the record may continue
 * past the end of `text` (not final); otherwise the record, where the next one starts and how many
 * physical lines it spans (terminator included).
 */
function quotedRecord(text: string, pos: number, final: boolean, line: number) {
  const n = text.length;
  const fields: string[] = [];
  let error: CsvErrorReason | undefined;
  let lines = 0;
  let i = pos;
  for (;;) {
    let value: string;
    if (i >= n && !final) return null;
    if (i < n && text.charCodeAt(i) === QUOTE) {
      // Quoted: collect slices between escaped quotes; count the line breaks it contains.
      value = "";
      let start = ++i;
      for (;;) {
        if (i >= n) {
          if (!final) return null;
          error ??= "csv_unterminated_quote";
          value += text.slice(start, n);
          break;
        }
        const c = text.charCodeAt(i);
        if (c === QUOTE) {
          if (i + 1 >= n && !final) return null; // cannot tell "" from a closing quote yet
          value += text.slice(start, i);
          if (text.charCodeAt(i + 1) === QUOTE) {
            value += '"';
            start = i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === LF) lines++;
        i++;
      }
      // After the closing quote only the separator or the end of the record may follow.
      const tail = i;
      while (i < n && text.charCodeAt(i) !== COMMA && text.charCodeAt(i) !== LF) i++;
      if (i >= n && !final) return null;
      const extra = text.slice(tail, i);
      if (extra && extra !== "\r") {
        error ??= "csv_bad_quote";
        value += extra;
      }
    } else {
      const start = i;
      while (i < n && text.charCodeAt(i) !== COMMA && text.charCodeAt(i) !== LF) i++;
      if (i >= n && !final) return null;
      // A CR just before the record's end is part of the CRLF terminator (or a CR at end of file).
      value = text.slice(start, (i >= n || text.charCodeAt(i) === LF) && i > start && text.charCodeAt(i - 1) === CR ? i - 1 : i);
      if (value.includes('"')) error ??= "csv_bad_quote";
    }
    fields.push(value);
    if (i < n && text.charCodeAt(i) === COMMA) {
      i++;
      continue;
    }
    const record: CsvRecord = error ? { line, fields, error } : { line, fields };
    return { record, end: i + 1, lines: lines + 1 };
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * Cells that a spreadsheet would run as a formula (CSV/formula injection, OWASP): a value starting
 * with = + - @ (or tab / carriage return, which some spreadsheets skip before looking) gets a
 * leading apostrophe, so Excel, LibreOffice and Sheets show it as text. Plain numbers ("-12.50",
 * "+5511999990000") are left alone: they cannot run anything and should stay numbers in a sheet.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:[.,]\d+)*)$/;

export function guardCell(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/**
 * The reverse of `guardCell`, applied by the importer so that a file exported by Rede imports back
 * unchanged: an apostrophe followed by = + - @ tab or CR is dropped. (A value that really starts
 * with such an apostrophe loses it — no import field has a reason to.)
 */
export function unguardCell(value: string): string {
  return value.charCodeAt(0) === 39 && FORMULA_START.test(value.slice(1, 2)) ? value.slice(1) : value;
}

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV record with its CRLF terminator (RFC 4180; what Excel expects). A field is quoted only
 * when it holds a comma, quote or line break; null/undefined are empty fields. `guardFormulas`
 * (default true: every export goes to people with spreadsheets) applies `guardCell` to strings.
 */
export function csvLine(
  fields: readonly (string | number | bigint | boolean | null | undefined)[],
  options: { guardFormulas?: boolean } = {},
): string {
  const guard = options.guardFormulas ?? true;
  let line = "";
  for (let k = 0; k < fields.length; k++) {
    const raw = fields[k];
    let cell = raw == null ? "" : typeof raw === "string" ? (guard ? guardCell(raw) : raw) : String(raw);
    if (NEEDS_QUOTES.test(cell)) cell = `"${cell.replaceAll('"', '""')}"`;
    line += k === 0 ? cell : `,${cell}`;
  }
  return `${line}\r\n`;
}
