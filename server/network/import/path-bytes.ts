import { SEGMENT } from "../tree/path";

const DIGITS = Buffer.from("0123456789abcdefghijklmnopqrstuvwxyz", "latin1");

/**
 * Every row's tree path (root … self, `segment(id)` per level, as server/network/tree/path.ts
 * writes it) as bytes in one buffer, built parents first so each path is its parent's bytes plus
 * one segment. At 1M rows this is ~0.2 GB copied natively; built as strings instead, every path is
 * a chain of concatenations that has to be flattened when written out (~4 s).
 */
export class PathBytes {
  readonly data: Buffer;
  readonly start: Float64Array;
  readonly length: Int32Array;

  /** Rows outside the tree (depth < 0) get no path. `idOf(row)` is the row's consultant id. */
  constructor(parentsFirst: Int32Array, parent: Int32Array, depth: Int32Array, idOf: (row: number) => number) {
    const n = parent.length;
    this.start = new Float64Array(n);
    this.length = new Int32Array(n);
    let total = 0;
    for (const r of parentsFirst) total += (depth[r]! + 1) * SEGMENT;
    this.data = Buffer.allocUnsafe(total);
    let at = 0;
    for (const r of parentsFirst) {
      const p = parent[r]!;
      if (p >= 0) {
        this.data.copy(this.data, at, this.start[p]!, this.start[p]! + this.length[p]!);
      }
      const own = p >= 0 ? this.length[p]! : 0;
      let id = idOf(r);
      for (let k = SEGMENT - 1; k >= 0; k--, id = Math.floor(id / 36)) this.data[at + own + k] = DIGITS[id % 36]!;
      if (id > 0) throw new RangeError(`tree id out of range: ${idOf(r)}`);
      this.start[r] = at;
      this.length[r] = own + SEGMENT;
      at += own + SEGMENT;
    }
  }

  /** Copies row `r`'s path to `buf` at `at`; returns its length. */
  write(r: number, buf: Buffer, at: number) {
    return this.data.copy(buf, at, this.start[r]!, this.start[r]! + this.length[r]!);
  }
}
