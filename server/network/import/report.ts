import type { StoredImportError } from "@/db/schema/network-imports";
import { parseCsvBatches, type CsvInput } from "./csv";
import type { ImportError, ImportReason } from "./reasons";

export type { StoredImportError };

/** What the report shows of a cell: enough to recognise it, never a whole runaway field. */
const VALUE_CHARS = 200;

/**
 * The validator names the line and column of each error; the report also shows what the cell
 * held, so a second read of the file picks those cells up. It stops after the last error's line,
 * so only a rejected file pays for it and a header error costs one line.
 */
export async function withCellValues(input: CsvInput, errors: readonly ImportError[]): Promise<StoredImportError[]> {
  const out: StoredImportError[] = errors.map((e) => ({ ...e, value: null }));
  const wanted = new Map<number, number[]>(); // line → indexes into out
  out.forEach((e, k) => e.column && (wanted.get(e.line) ?? wanted.set(e.line, []).get(e.line)!).push(k));
  if (!wanted.size) return out;
  const last = Math.max(...wanted.keys());
  let header: string[] | null = null;
  for await (const batch of parseCsvBatches(input)) {
    for (const rec of batch) {
      if (!header) {
        header = rec.fields.map((h) => h.trim().toLowerCase());
        continue;
      }
      if (rec.line > last) return out;
      for (const k of wanted.get(rec.line) ?? []) {
        const at = header.indexOf(out[k]!.column!);
        const cell = at >= 0 ? rec.fields[at] : undefined;
        if (cell !== undefined) out[k]!.value = cell.trim().slice(0, VALUE_CHARS);
      }
    }
  }
  return out;
}

/** A stored error as the screens use it (the reason typed again after the jsonb round trip). */
export type ReportRow = Omit<StoredImportError, "reason"> & { reason: ImportReason };
