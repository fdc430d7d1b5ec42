import type postgres from "postgres";

/**
 * Reads `COPY (…) TO STDOUT` (text format) row by row without a string per field for integer
 * columns: bytes are folded into numbers as they arrive (a million rows of eight integers is
 * a few hundred milliseconds, where postgres-js rows as objects take seconds).
 * Column kinds: "int" (integer or \N → NaN), "text" (string or null; no escapes expected beyond
 * bytea's leading "\\x", kept as read).
 */
export type CopyColumn = "int" | "text";

export function rowParser(columns: CopyColumn[], onRow: (ints: Float64Array, texts: (string | null)[]) => void) {
  const n = columns.length;
  const ints = new Float64Array(n);
  const texts: (string | null)[] = new Array(n).fill(null);
  let col = 0, value = 0, negative = false, isNull = false, text: number[] = [], rows = 0, started = false;
  const endField = () => {
    if (col >= n) throw new Error(`COPY row has more than ${n} fields`);
    if (columns[col] === "int") ints[col] = isNull ? NaN : negative ? -value : value;
    else texts[col] = isNull ? null : Buffer.from(text).toString("utf8");
    col++;
    value = 0;
    negative = false;
    isNull = false;
    text = [];
  };
  const onChunk = (chunk: Buffer) => {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (b === 9) endField();
      else if (b === 10) {
        endField();
        if (col !== n) throw new Error(`COPY row has ${col} fields, expected ${n}`);
        onRow(ints, texts);
        rows++;
        col = 0;
      } else if (columns[col] === "int") {
        if (b >= 48 && b <= 57) value = value * 10 + (b - 48);
        else if (b === 45) negative = true;
        else if (b === 92) isNull = true; // "\N"
      } else {
        if (b === 92 && text.length === 0) started = true;
        if (started && b === 78 && text.length === 1 && text[0] === 92) {
          isNull = true;
          started = false;
          continue;
        }
        started = false;
        text.push(b);
      }
    }
  };
  return { feed: onChunk, rows: () => rows };
}

/**
 * Rows of `select k, line from …` (k: the ascending bigint key, line: the fields as COPY text,
 * tab-separated, null as \N) read in slices of `slice` rows, each slice ONE row of one aggregated
 * text: a million rows in a few round trips with no object per row. (COPY TO STDOUT was tried
 * first: with postgres-js 3.4.9 the transaction's next statement after a multi-chunk COPY stream
 * sometimes never ran — the snapshot hung inside the app.) `from(after)` returns the inner query
 * for keys above `after`, ordered by k and limited to `slice`.
 */
export async function readSlices(tx: postgres.TransactionSql, from: (after: number) => string, slice: number, columns: CopyColumn[], onRow: (ints: Float64Array, texts: (string | null)[]) => void) {
  const parser = rowParser(columns, onRow);
  let after = -1;
  for (;;) {
    const [r] = (await tx.unsafe(`select max(k)::text as last, count(*)::int as n, string_agg(line, E'\\n' order by k) as text from (${from(after)}) s`)) as unknown as [{ last: string | null; n: number; text: string | null }];
    if (!r.n) break;
    parser.feed(Buffer.from(`${r.text}\n`, "utf8"));
    after = Number(r.last);
    if (r.n < slice) break;
  }
  return parser.rows();
}
