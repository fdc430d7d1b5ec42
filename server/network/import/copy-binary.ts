import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type postgres from "postgres";

/**
 * Rows in PostgreSQL's binary COPY format, written straight into ~1 MB Buffers: no string per row
 * to build, encode and collect, and no text for the server to parse back into integers and dates
 * (docs/benchmarks.md has what that saves at 1M rows). Field types must match the columns exactly:
 * int8 for bigint, int4 for integer, int2 for smallint.
 */
export class BinaryRows {
  private buf = Buffer.allocUnsafe(CHUNK);
  private at = 0;
  private readonly chunks: Buffer[] = [];

  constructor() {
    this.buf.write("PGCOPY\n\xff\r\n\0", 0, "latin1");
    this.buf.writeInt32BE(0, 11); // flags
    this.buf.writeInt32BE(0, 15); // header extension length
    this.at = 19;
  }

  /** Starts a row of `fields` fields. */
  row(fields: number) {
    this.room(2);
    this.buf.writeInt16BE(fields, this.at);
    this.at += 2;
  }
  null() {
    this.room(4);
    this.buf.writeInt32BE(-1, this.at);
    this.at += 4;
  }
  int8(v: number) {
    this.room(12);
    this.buf.writeInt32BE(8, this.at);
    this.buf.writeInt32BE(Math.floor(v / 2 ** 32), this.at + 4);
    this.buf.writeUInt32BE(v >>> 0, this.at + 8);
    this.at += 12;
  }
  int4(v: number) {
    this.room(8);
    this.buf.writeInt32BE(4, this.at);
    this.buf.writeInt32BE(v, this.at + 4);
    this.at += 8;
  }
  int2(v: number) {
    this.room(6);
    this.buf.writeInt32BE(2, this.at);
    this.buf.writeInt16BE(v, this.at + 4);
    this.at += 6;
  }
  /** A date as days since 2000-01-01 (see `dateDays`). */
  date(days: number) {
    this.int4(days);
  }
  /** Text (also an enum's label); null for null. */
  text(v: string | null) {
    if (v === null) return this.null();
    this.room(4 + v.length * 3);
    const n = this.buf.write(v, this.at + 4, "utf8");
    this.buf.writeInt32BE(n, this.at);
    this.at += 4 + n;
  }
  /** A field of at most `maxBytes` bytes that `fill` writes at `at`, returning how many it wrote. */
  bytes(maxBytes: number, fill: (buf: Buffer, at: number) => number) {
    this.room(4 + maxBytes);
    const n = fill(this.buf, this.at + 4);
    this.buf.writeInt32BE(n, this.at);
    this.at += 4 + n;
  }

  /** The full chunks so far (taken: not returned again). */
  take(): Buffer[] {
    return this.chunks.splice(0);
  }
  /** The trailer, and whatever is left. */
  end(): Buffer[] {
    this.room(2);
    this.buf.writeInt16BE(-1, this.at);
    this.at += 2;
    this.chunks.push(this.buf.subarray(0, this.at));
    return this.take();
  }

  private room(bytes: number) {
    if (this.at + bytes <= this.buf.length) return;
    this.chunks.push(this.buf.subarray(0, this.at));
    this.buf = Buffer.allocUnsafe(Math.max(CHUNK, bytes));
    this.at = 0;
  }
}

const CHUNK = 1 << 20;
const EPOCH_2000 = Date.UTC(2000, 0, 1);
const days = new Map<string, number>();
/** "YYYY-MM-DD" → days since 2000-01-01 (PostgreSQL's binary date), cached: a file has a few thousand dates. */
export function dateDays(date: string): number {
  let d = days.get(date);
  if (d === undefined) {
    const [y, m, dd] = [+date.slice(0, 4), +date.slice(5, 7), +date.slice(8, 10)];
    const t = new Date(0);
    t.setUTCFullYear(y, m - 1, dd); // (Date.UTC would read years 0-99 as 1900-1999)
    // Binary input is not checked by the server as text would be: an impossible date stops here.
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== dd) throw new RangeError(`not a date: ${date}`);
    d = Math.round((t.getTime() - EPOCH_2000) / 86_400_000);
    if (days.size < 100_000) days.set(date, d);
  }
  return d;
}

/** `count` rows as binary COPY chunks, made as they are pulled (a COPY stream reads them). */
export function* binaryChunks(count: number, writeRow: (out: BinaryRows, row: number) => void): Generator<Buffer> {
  const out = new BinaryRows();
  for (let r = 0; r < count; r++) {
    writeRow(out, r);
    if ((r & 1023) === 0) yield* out.take();
  }
  yield* out.end();
}

/**
 * The same chunks made ahead, while the server is busy with something else: the event loop gets a
 * turn every ~10 ms, so the statements the server works through go on being sent meanwhile.
 */
export async function encodeAhead(count: number, writeRow: (out: BinaryRows, row: number) => void): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  let turn = performance.now();
  for (const chunk of binaryChunks(count, writeRow)) {
    chunks.push(chunk);
    if (performance.now() - turn > 10) {
      await new Promise((resolve) => setImmediate(resolve));
      turn = performance.now();
    }
  }
  return chunks;
}

/**
 * COPY binary `chunks` into `target` ("table (columns)"). postgres-js 3.4.9 never finishes the
 * stream when the server rejects the data after the last chunk went out (porsager/postgres#1173):
 * the error reaches only the query's own reject, so it is tapped there, or a bad row would hang the
 * import holding its locks.
 */
export async function copyBinary(tx: postgres.TransactionSql, target: string, options: { freeze?: boolean }, chunks: Iterable<Buffer>) {
  const query = tx.unsafe(`copy ${target} from stdin with (format binary${options.freeze ? ", freeze" : ""})`);
  const failed = new Promise<never>((_, reject) => {
    const pending = query as unknown as { reject?: (error: unknown) => void };
    const own = pending.reject;
    if (own) pending.reject = (error) => (reject(error), own(error));
  });
  failed.catch(() => {}); // (settled, and not raced, when the stream itself reports the error)
  await Promise.race([pipeline(Readable.from(chunks), await query.writable()), failed]);
}
