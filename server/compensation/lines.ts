/**
 * Commission lines as columns in fixed-size chunks: tens of millions of lines for a 10M network,
 * where an object per line would not fit and one growing array would need twice its size at each
 * doubling. About 25 bytes a line.
 *
 * A line does not store what can be read back exactly from the snapshot and the plan: the base
 * volume is the source's CV (binary: the earner's paired volume), the rounding remainder follows
 * from base × pct (rounding.ts), the skipped uplines' names from the trees. `lineTrace` (trace.ts)
 * puts them together.
 */

/** Bonus kinds, in the order the engine writes them (their index is the stored code). */
export const BONUS_KINDS = ["unilevel", "binary", "matrix", "stair_step", "breakaway_override", "generation", "fast_start", "payout_held", "payout_released"] as const;
export type BonusKind = (typeof BONUS_KINDS)[number];
export const BONUS = Object.fromEntries(BONUS_KINDS.map((k, i) => [k, i])) as { [K in BonusKind]: number };

/**
 * `detail` by bonus:
 * - unilevel, matrix: uplines skipped by compression between the source and the earner
 *   (unilevel roll-up line: the upline whose rank did not unlock the level);
 * - stair_step: the percentage (bp) already paid below on this volume;
 * - breakaway_override, generation: the head of the group the volume belongs to;
 * - binary, fast_start, payout_*: 0.
 * `flags`: FLAG_ROLLED_UP, FLAG_CAPPED.
 */
export type CommissionLine = {
  consultant: number;
  bonus: BonusKind;
  /** Integer minor units (negative only for payout_held). */
  amount: number;
  source: number;
  /** Compressed level, generation or payer order (see docs/plans.md); 0 when it has none. */
  level: number;
  /** The earner's paid-as rank (-1: none). */
  rank: number;
  pctBp: number;
  detail: number;
  flags: number;
};

export const FLAG_ROLLED_UP = 1, FLAG_CAPPED = 2;

const SHIFT = 18, CHUNK = 1 << SHIFT, MASK = CHUNK - 1, FIRST = 1024;
const COLUMNS = ["consultant", "source", "amount", "detail", "pctBp", "bonus", "level", "rank", "flags"] as const;

type Chunk = {
  consultant: Int32Array;
  source: Int32Array;
  amount: Float64Array;
  detail: Int32Array;
  pctBp: Uint16Array;
  bonus: Uint8Array;
  level: Uint8Array;
  rank: Int8Array;
  flags: Uint8Array;
};

function newChunk(size: number): Chunk {
  return {
    consultant: new Int32Array(size),
    source: new Int32Array(size),
    amount: new Float64Array(size),
    detail: new Int32Array(size),
    pctBp: new Uint16Array(size),
    bonus: new Uint8Array(size),
    level: new Uint8Array(size),
    rank: new Int8Array(size),
    flags: new Uint8Array(size),
  };
}

export class CommissionLines {
  count = 0;
  readonly chunks: Chunk[] = [];

  push(consultant: number, bonus: number, amount: number, source: number, level: number, rank: number, pctBp: number, detail: number, flags = 0) {
    const at = this.count & MASK;
    if (at === 0) this.chunks.push(newChunk(this.chunks.length ? CHUNK : FIRST));
    else if (at === this.chunks[this.chunks.length - 1]!.amount.length) this.grow();
    const c = this.chunks[this.chunks.length - 1]!;
    c.consultant[at] = consultant;
    c.source[at] = source;
    c.amount[at] = amount;
    c.detail[at] = detail;
    c.pctBp[at] = pctBp;
    c.bonus[at] = bonus;
    c.level[at] = level;
    c.rank[at] = rank;
    c.flags[at] = flags;
    this.count++;
  }

  /** The first chunk starts small and doubles up to CHUNK (a test run of ten lines should not allocate 6 MB). */
  private grow() {
    const old = this.chunks[this.chunks.length - 1]!, next = newChunk(Math.min(CHUNK, old.amount.length * 2));
    for (const name of COLUMNS) next[name].set(old[name] as never);
    this.chunks[this.chunks.length - 1] = next;
  }

  consultant = (i: number) => this.chunks[i >>> SHIFT]!.consultant[i & MASK]!;
  amount = (i: number) => this.chunks[i >>> SHIFT]!.amount[i & MASK]!;
  bonusCode = (i: number) => this.chunks[i >>> SHIFT]!.bonus[i & MASK]!;

  at(i: number): CommissionLine {
    if (!(i >= 0 && i < this.count)) throw new RangeError(`no line ${i}`);
    const c = this.chunks[i >>> SHIFT]!, k = i & MASK;
    return {
      consultant: c.consultant[k]!,
      bonus: BONUS_KINDS[c.bonus[k]!]!,
      amount: c.amount[k]!,
      source: c.source[k]!,
      level: c.level[k]!,
      rank: c.rank[k]!,
      pctBp: c.pctBp[k]!,
      detail: c.detail[k]!,
      flags: c.flags[k]!,
    };
  }

  *[Symbol.iterator](): IterableIterator<CommissionLine> {
    for (let i = 0; i < this.count; i++) yield this.at(i);
  }

  /** Each column's filled part, chunk by chunk, in a fixed column order (what the output hash reads). */
  *columnBytes(): Generator<Uint8Array> {
    for (const name of COLUMNS) {
      for (let k = 0; k < this.chunks.length; k++) {
        const column = this.chunks[k]![name], used = k < this.chunks.length - 1 ? CHUNK : this.count - k * CHUNK;
        yield new Uint8Array(column.buffer, column.byteOffset, used * column.BYTES_PER_ELEMENT);
      }
    }
  }
}
