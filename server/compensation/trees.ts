import { SnapshotError } from "./snapshot";

/**
 * The two trees in the shapes the passes need. Everything is O(n) over typed arrays and nothing
 * recurses (a line of sponsors can be a million deep).
 */

export type SponsorTree = {
  /** Parents before children (index order when the snapshot already is, else breadth-first from the roots); reversed: children first. */
  order: Int32Array;
  /** Children of v: children[childStart[v] .. childStart[v + 1]), in index order. */
  childStart: Int32Array;
  children: Int32Array;
  /** Distance from the root of v's tree (a root is 0). */
  depth: Int32Array;
};

/** Child lists by counting sort, then a parents-first order; a consultant never reached from a root is on a cycle. */
export function sponsorTree(sponsor: Int32Array): SponsorTree {
  const n = sponsor.length;
  const childStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) if (sponsor[i]! >= 0) childStart[sponsor[i]! + 1]!++;
  for (let v = 0; v < n; v++) childStart[v + 1]! += childStart[v]!;
  const children = new Int32Array(childStart[n]!);
  const fill = childStart.slice(0, n);
  for (let i = 0; i < n; i++) if (sponsor[i]! >= 0) children[fill[sponsor[i]!]!++] = i;

  const order = new Int32Array(n), depth = new Int32Array(n);
  let tail = 0;
  // Parents-first by index already (snapshots ordered by enrolment are, as sponsors enrol first)?
  // Then index order is the order: every later pass walks memory sequentially, which at 10M
  // consultants is several times faster than breadth-first order's scattered reads.
  let ordered = true;
  for (let i = 0; i < n && ordered; i++) if (sponsor[i]! >= i) ordered = false;
  if (ordered) {
    for (let i = 0; i < n; i++) {
      order[i] = i;
      depth[i] = sponsor[i]! < 0 ? 0 : depth[sponsor[i]!]! + 1;
    }
    return { order, childStart, children, depth };
  }
  for (let i = 0; i < n; i++) if (sponsor[i]! < 0) order[tail++] = i;
  for (let head = 0; head < tail; head++) {
    const v = order[head]!, d = depth[v]! + 1;
    for (let e = childStart[v]!; e < childStart[v + 1]!; e++) {
      const c = children[e]!;
      depth[c] = d;
      order[tail++] = c;
    }
  }
  if (tail < n) {
    const reached = new Uint8Array(n);
    for (let k = 0; k < tail; k++) reached[order[k]!] = 1;
    const stuck = reached.indexOf(0);
    throw new SnapshotError(`consultant ${stuck} is on a sponsor cycle (never reaches a root)`, stuck);
  }
  return { order, childStart, children, depth };
}

/**
 * Parents before children in the placement forest, or null when index order already is (every
 * placement parent has a smaller index than its child — how a snapshot query ordered by depth
 * comes out), which saves the array. Consultants without a placement parent are roots.
 */
export function placementOrder(parent: Int32Array): Int32Array | null {
  const n = parent.length;
  let ordered = true;
  for (let i = 0; i < n && ordered; i++) if (parent[i]! >= i) ordered = false;
  if (ordered) return null;
  // Walk up from each consultant to one already out, then emit the walked chain top-down.
  const state = new Uint8Array(n); // 0 new, 1 on the stack, 2 out
  const order = new Int32Array(n), stack = new Int32Array(n);
  let out = 0;
  for (let s = 0; s < n; s++) {
    let top = 0;
    for (let v = s; v >= 0 && state[v] !== 2; v = parent[v]!) {
      if (state[v] === 1) throw new SnapshotError(`consultant ${v} is on a placement cycle`, v);
      state[v] = 1;
      stack[top++] = v;
    }
    while (top > 0) {
      const v = stack[--top]!;
      state[v] = 2;
      order[out++] = v;
    }
  }
  return order;
}

/** Depth in the placement forest (roots 0), given a parents-first order (null: index order). */
export function placementDepth(parent: Int32Array, order: Int32Array | null): Int32Array {
  const n = parent.length, depth = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const v = order ? order[k]! : k, p = parent[v]!;
    depth[v] = p < 0 ? 0 : depth[p]! + 1;
  }
  return depth;
}
