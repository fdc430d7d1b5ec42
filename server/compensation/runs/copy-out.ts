import type { Readable } from "node:stream";

/**
 * Reads `COPY (…) TO STDOUT` (text format) row by row without a string per field for integer
 * columns: bytes are folded into numbers as they arrive (a million rows of eight integers is
 * a few hundred milliseconds, where postgres-js rows as objects take seconds).
 * Column kinds: "int" (integer or \N → NaN), "text" (string or null; no escapes expected beyond
 * bytea's leading "\\x", kept as read).
 */
export type CopyColumn = "int" | "text";

export async function readCopyText(stream: Readable, columns: CopyColumn[], onRow: (ints: Float64Array, texts: (string | null)[]) => void): Promise<number> {
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
  // Flowing mode, not `for await`: with postgres-js 3.4.9 an async-iterated COPY stream of more
  // than one chunk left the connection paused, and the transaction's next query never ran.
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
  await new Promise<void>((resolve, reject) => {
    stream.on("data", (chunk: Buffer) => {
      try {
        onChunk(chunk);
      } catch (error) {
        stream.destroy();
        reject(error);
      }
    });
    stream.on("end", () => resolve());
    stream.on("error", reject);
  });
  return rows;
}
