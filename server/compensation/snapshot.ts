import type { CompiledPlan } from "./compile";

/**
 * What the engine reads: one period of a network, frozen, as column arrays. Consultant i is
 * index i of every array (0..count-1); links are indexes. Typed arrays because a snapshot of 10M
 * consultants as objects would not fit, and because their bytes are what the input hash reads.
 *
 * Volumes are integer hundredths of a point, money integer minor units, both held in Float64Array
 * as whole numbers (exact up to 2^53). Ranks are indexes into the plan's ladder, -1 for none.
 * History arrays are optional: absent means a first period (no carry, no rank history).
 */
export type Snapshot = {
  /** The period being computed, as an ordinal comparable with `joinPeriod` (e.g. 202506). */
  period: number;
  count: number;
  /** Sponsor's index, -1 for a root of the sponsor tree. */
  sponsor: Int32Array;
  /** Placement parent's index, -1 when not under anyone (the placement root, or not placed). */
  placementParent: Int32Array;
  /** Position under the placement parent: binary 1 = left, 2 = right; matrix 1..width; 0 if none. */
  placementSlot: Uint8Array;
  /** STATUS_ACTIVE, STATUS_INACTIVE or STATUS_TERMINATED. */
  status: Uint8Array;
  /** Period the consultant joined in (same ordinal as `period`); fast start pays on `joinPeriod === period`. */
  joinPeriod: Int32Array;
  pv: Float64Array;
  cv: Float64Array;
  /** Binary carry-in per leg from the previous period (hundredths of a point). */
  carryInLeft?: Float64Array;
  carryInRight?: Float64Array;
  /** Previous period's paid-as rank and the consecutive periods it was kept by grace. */
  previousPaidAs?: Int8Array;
  graceUsed?: Uint8Array;
  /** Highest rank ever achieved before this period. */
  highest?: Int8Array;
  /**
   * Consecutive periods, up to the previous one, in which each rank's requirements (other than
   * months) were met: count × ranks entries, consultant-major (index i * ranks + r); capped at 255.
   * Only read when a rank asks for `monthsQualified`.
   */
  qualifiedStreak?: Uint8Array;
  /** Earnings held back below the minimum payout in earlier periods (minor units). */
  pendingIn?: Float64Array;
};

export const STATUS_ACTIVE = 0, STATUS_INACTIVE = 1, STATUS_TERMINATED = 2;
export const STATUS_NAMES = ["active", "inactive", "terminated"] as const;

/** A snapshot the engine refuses; `consultant` names the offending index when there is one. */
export class SnapshotError extends Error {
  constructor(
    message: string,
    readonly consultant: number | null = null,
  ) {
    super(message);
  }
}

const isWhole = (x: number) => Number.isSafeInteger(x) && x >= 0;

/** Checks shapes and values (not the trees' acyclicity: the tree builders find cycles as they go). */
export function checkSnapshot(s: Snapshot, plan: CompiledPlan) {
  const n = s.count;
  if (!Number.isInteger(n) || n < 0 || n > 2 ** 31 - 2) throw new SnapshotError(`count must be an integer between 0 and 2^31 - 2, got ${n}`);
  const sized: [string, { length: number } | undefined, number][] = [
    ["sponsor", s.sponsor, n],
    ["placementParent", s.placementParent, n],
    ["placementSlot", s.placementSlot, n],
    ["status", s.status, n],
    ["joinPeriod", s.joinPeriod, n],
    ["pv", s.pv, n],
    ["cv", s.cv, n],
  ];
  for (const [name, array, length] of sized) if (!array || array.length !== length) throw new SnapshotError(`${name} must have ${length} entries, has ${array?.length ?? "none"}`);
  const optional: [string, { length: number } | undefined, number][] = [
    ["carryInLeft", s.carryInLeft, n],
    ["carryInRight", s.carryInRight, n],
    ["previousPaidAs", s.previousPaidAs, n],
    ["graceUsed", s.graceUsed, n],
    ["highest", s.highest, n],
    ["qualifiedStreak", s.qualifiedStreak, n * plan.ranks.length],
    ["pendingIn", s.pendingIn, n],
  ];
  for (const [name, array, length] of optional) if (array && array.length !== length) throw new SnapshotError(`${name} must have ${length} entries, has ${array.length}`);

  const R = plan.ranks.length;
  const width = plan.binary ? 2 : plan.matrix ? plan.matrix.width : 255;
  for (let i = 0; i < n; i++) {
    const sp = s.sponsor[i]!, pp = s.placementParent[i]!, slot = s.placementSlot[i]!;
    if (sp < -1 || sp >= n || sp === i) throw new SnapshotError(`consultant ${i}: sponsor ${sp} is not another consultant`, i);
    if (pp < -1 || pp >= n || pp === i) throw new SnapshotError(`consultant ${i}: placement parent ${pp} is not another consultant`, i);
    if ((pp >= 0) !== (slot > 0) || slot > width) throw new SnapshotError(`consultant ${i}: placement slot ${slot} does not fit ${pp < 0 ? "no placement parent" : `a tree of width ${width}`}`, i);
    if (s.status[i]! > STATUS_TERMINATED) throw new SnapshotError(`consultant ${i}: unknown status ${s.status[i]}`, i);
    if (!isWhole(s.pv[i]!) || !isWhole(s.cv[i]!)) throw new SnapshotError(`consultant ${i}: PV and CV must be whole non-negative hundredths (returns are clawed back by the run, not netted here)`, i);
    if (s.carryInLeft && !isWhole(s.carryInLeft[i]!)) throw new SnapshotError(`consultant ${i}: carryInLeft must be whole and non-negative`, i);
    if (s.carryInRight && !isWhole(s.carryInRight[i]!)) throw new SnapshotError(`consultant ${i}: carryInRight must be whole and non-negative`, i);
    if (s.pendingIn && !isWhole(s.pendingIn[i]!)) throw new SnapshotError(`consultant ${i}: pendingIn must be whole non-negative minor units`, i);
    if (s.previousPaidAs && (s.previousPaidAs[i]! < -1 || s.previousPaidAs[i]! >= R)) throw new SnapshotError(`consultant ${i}: previousPaidAs ${s.previousPaidAs[i]} is not a rank of this plan`, i);
    if (s.highest && (s.highest[i]! < -1 || s.highest[i]! >= R)) throw new SnapshotError(`consultant ${i}: highest ${s.highest[i]} is not a rank of this plan`, i);
  }
}
