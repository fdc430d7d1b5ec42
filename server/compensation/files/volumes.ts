import type { CsvInput } from "@/server/network/import/csv";
import { FileErrors, parseHundredths, readRows } from "./csv-input";

/**
 * The volumes file: `code,pv,cv`, one line per consultant with volume in the period, in points
 * with up to two decimals ("25.50"). Consultants not in the file have none.
 */
export async function readVolumesFile(input: CsvInput, rowOf: ReadonlyMap<string, number>, count: number) {
  const errors = new FileErrors();
  const pv = new Float64Array(count), cv = new Float64Array(count), seen = new Int32Array(count);
  await readRows(input, ["code", "pv", "cv"], [], errors, (row) => {
    const code = row.get("code"), at = rowOf.get(code);
    if (at === undefined) return errors.add(row.line, "code", code ? `${code} is not in the network file` : "required");
    if (seen[at]) return errors.add(row.line, "code", `${code} already has volumes on line ${seen[at]}`);
    seen[at] = row.line;
    for (const [column, into] of [["pv", pv], ["cv", cv]] as const) {
      const text = row.get(column), value = text ? parseHundredths(text) : 0;
      if (value === null) errors.add(row.line, column, `"${text}" is not a volume: points with a dot and at most two decimals, e.g. 25.50`);
      else into[at] = value;
    }
  });
  return errors.count ? ({ ok: false, errors } as const) : ({ ok: true, pv, cv } as const);
}
