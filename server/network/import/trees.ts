import type { ImportRows } from "./validate";

/**
 * Both trees of a validated file, worked out in memory in row space (row i = data row i of the
 * file): placements filled in, depths and subtree sizes, each tree's parents-first order. Typed
 * arrays throughout: at 1M rows a Map or an object per row costs seconds and hundreds of MB.
 */
export type ImportTrees = {
  /** Placement parent's row (-1: none, i.e. a root) and leg (1 = L, 2 = R; 0 for a root). */
  placementParent: Int32Array;
  slot: Uint8Array;
  sponsorDepth: Int32Array;
  downlineSize: Int32Array;
  /** -1 for a row outside the placement tree (none today: every row is a root or placed). */
  placementDepth: Int32Array;
  placementSize: Int32Array;
  /** Rows with each parent before its children, per tree (placement: only rows in that tree). */
  sponsorOrder: Int32Array;
  placementOrder: Int32Array;
};

/**
 * Binary placement: rows that name a leg keep it; the others (in `order`, sponsors first) take the
 * first free leg breadth-first under their sponsor's position, each sponsor keeping its own search
 * frontier between rows so that a fill stays linear (the rule of `BinaryFiller`, in row space).
 */
export function importTrees(rows: ImportRows, order: Int32Array): ImportTrees {
  const n = rows.count;
  const placementParent = new Int32Array(n).fill(-1);
  const slot = new Uint8Array(n);
  const left = new Int32Array(n).fill(-1), right = new Int32Array(n).fill(-1);
  for (let r = 0; r < n; r++) {
    const leg = rows.leg[r]!;
    if (!leg) continue;
    if (leg !== 1 && leg !== 2) throw new Error(`writeImport writes binary placements only (row ${r} has leg ${leg})`);
    const p = rows.placement[r]!;
    if (p < 0) throw new Error(`row ${r} is placed under a consultant outside the file: writeImport writes a whole network`);
    (leg === 1 ? left : right)[p] = r;
    placementParent[r] = p;
    slot[r] = leg;
  }
  const frontiers = new Map<number, { queue: number[]; head: number }>();
  for (const r of order) {
    const s = rows.sponsor[r]!;
    if (rows.leg[r] || s < 0) continue;
    let frontier = frontiers.get(s);
    if (!frontier) frontiers.set(s, (frontier = { queue: [s], head: 0 }));
    for (;;) {
      if (frontier.head >= frontier.queue.length) throw new Error(`no free position under row ${s}`);
      const c = frontier.queue[frontier.head]!;
      if (left[c] === -1 || right[c] === -1) {
        const leg = left[c] === -1 ? 1 : 2;
        (leg === 1 ? left : right)[c] = r;
        placementParent[r] = c;
        slot[r] = leg;
        break;
      }
      frontier.queue.push(left[c]!, right[c]!);
      frontier.head++;
    }
  }

  // Sponsor tree: `order` already puts every sponsor first.
  const sponsorDepth = new Int32Array(n), downlineSize = new Int32Array(n);
  for (const r of order) {
    const s = rows.sponsor[r]!;
    sponsorDepth[r] = s < 0 ? 0 : sponsorDepth[s]! + 1;
  }
  for (let k = n - 1; k >= 0; k--) {
    const r = order[k]!, s = rows.sponsor[r]!;
    if (s >= 0) downlineSize[s]! += downlineSize[r]! + 1;
  }

  // Placement tree: a filled-in parent may come after its child in `order`, so walk up to a row
  // already done and come back down (explicit stack: a leg can be a million rows deep).
  const placementDepth = new Int32Array(n).fill(-2), placementSize = new Int32Array(n);
  const placementOrder = new Int32Array(n), stack = new Int32Array(n);
  let done = 0;
  for (let start = 0; start < n; start++) {
    let top = 0, v = start;
    while (placementDepth[v] === -2) {
      placementDepth[v] = -3; // on the stack
      stack[top++] = v;
      const p = placementParent[v]!;
      if (p < 0) break;
      if (placementDepth[p] === -3) throw new Error(`cycle in the placement tree at row ${p}`);
      v = p;
    }
    while (top > 0) {
      const u = stack[--top]!, p = placementParent[u]!;
      // The company's root (no sponsor) is the root of the placement tree too; anyone else
      // without a placement parent is not placed (has no placement row).
      placementDepth[u] = p >= 0 ? (placementDepth[p]! < 0 ? -1 : placementDepth[p]! + 1) : rows.sponsor[u]! < 0 ? 0 : -1;
      if (placementDepth[u]! >= 0) placementOrder[done++] = u;
    }
  }
  for (let k = done - 1; k >= 0; k--) {
    const r = placementOrder[k]!, p = placementParent[r]!;
    if (p >= 0) placementSize[p]! += placementSize[r]! + 1;
  }
  return { placementParent, slot, sponsorDepth, downlineSize, placementDepth, placementSize, sponsorOrder: order, placementOrder: placementOrder.subarray(0, done) };
}
