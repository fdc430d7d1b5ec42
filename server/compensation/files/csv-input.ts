import { parseCsvBatches, unguardCell, type CsvInput } from "@/server/network/import/csv";

/**
 * Reading the simulator's small CSV files: header by name (case-insensitive, any order, extra
 * columns ignored), cells trimmed, errors with the file line and column so a plan designer can
 * find them. At most `MAX_ERRORS` are kept; the count is exact.
 */
export type FileError = { line: number; column: string | null; message: string };
export const MAX_ERRORS = 100;

export class FileErrors {
  readonly list: FileError[] = [];
  count = 0;
  add(line: number, column: string | null, message: string) {
    this.count++;
    if (this.list.length < MAX_ERRORS) this.list.push({ line, column, message });
  }
}

export type Row = { line: number; get: (column: string) => string };

/**
 * Rows of a CSV with the given `required` columns (and any of `optional`); calls `onRow` per data
 * line. Returns false (errors recorded) when the header is unusable.
 */
export async function readRows(input: CsvInput, required: readonly string[], optional: readonly string[], errors: FileErrors, onRow: (row: Row) => void): Promise<boolean> {
  let index: Map<string, number> | null = null;
  for await (const batch of parseCsvBatches(input)) {
    for (const record of batch) {
      if (record.error) {
        errors.add(record.line, null, `not valid CSV (${record.error.replace(/^csv_/, "").replaceAll("_", " ")})`);
        if (record.error === "csv_record_too_long") return false;
        continue;
      }
      if (!index) {
        const names = record.fields.map((h) => h.trim().toLowerCase());
        index = new Map(names.map((h, k) => [h, k]));
        const missing = required.filter((c) => !index!.has(c));
        for (const c of missing) errors.add(record.line, null, `the header has no column "${c}" (expected ${[...required, ...optional.map((o) => `[${o}]`)].join(",")})`);
        if (missing.length) return false;
        continue;
      }
      if (record.fields.every((f) => !f.trim())) continue;
      const fields = record.fields, at = index;
      onRow({
        line: record.line,
        get: (column) => {
          const k = at.get(column);
          const v = k === undefined ? "" : (fields[k] ?? "").trim();
          return v.charCodeAt(0) === 39 ? unguardCell(v) : v;
        },
      });
    }
  }
  if (!index) errors.add(1, null, "the file is empty: the first line must be the header");
  return index !== null;
}

/** "25.5" / "25.50" / "25" points → 2550 hundredths; null when not a non-negative decimal with ≤ 2 places. */
export function parseHundredths(text: string): number | null {
  const m = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(text);
  return m ? Number(m[1]!) * 100 + Number((m[2] ?? "").padEnd(2, "0")) : null;
}

/** 2550 → "25.50", exactly. */
export function hundredthsToDecimal(value: number): string {
  const s = String(Math.abs(value)).padStart(3, "0");
  return `${value < 0 ? "-" : ""}${s.slice(0, -2)}.${s.slice(-2)}`;
}
