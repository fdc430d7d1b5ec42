import { childPath } from "./path";

export type BulkNode = { id: number; sponsorId: number | null; placementParentId: number | null };

export type BulkGenealogy = {
  sponsorPath: string[];
  sponsorDepth: Int32Array;
  downlineSize: Int32Array;
  placementPath: (string | null)[];
  placementDepth: Int32Array;
  placementSize: Int32Array;
};

/**
 * Paths, depths and subtree sizes of both trees for many consultants at once (seed, import,
 * benchmarks), in memory and in linear time. Rows may come in any order; a parent must be among
 * `nodes` or be given in `existing` (its path and depth). Throws on a cycle or an unknown parent.
 */
export function buildGenealogy(
  nodes: readonly BulkNode[],
  existing: { sponsor?: Map<number, string>; placement?: Map<number, string> } = {},
): BulkGenealogy {
  const index = new Map<number, number>();
  nodes.forEach((n, i) => index.set(n.id, i));
  const sponsor = resolve(nodes, index, (n) => n.sponsorId, existing.sponsor, true);
  const placement = resolve(nodes, index, (n) => n.placementParentId, existing.placement, false);
  return {
    sponsorPath: sponsor.path as string[],
    sponsorDepth: sponsor.depth,
    downlineSize: sponsor.size,
    placementPath: placement.path,
    placementDepth: placement.depth,
    placementSize: placement.size,
  };
}

function resolve(
  nodes: readonly BulkNode[],
  index: Map<number, number>,
  parentOf: (n: BulkNode) => number | null,
  outside: Map<number, string> | undefined,
  required: boolean,
) {
  const n = nodes.length;
  const path: (string | null)[] = new Array(n).fill(null);
  const depth = new Int32Array(n).fill(-1);
  const size = new Int32Array(n);
  const order: number[] = [];
  const stack: number[] = [];
  const state = new Uint8Array(n); // 0 new, 1 on stack, 2 done
  for (let start = 0; start < n; start++) {
    if (state[start] === 2) continue;
    // Walk up to a resolved ancestor, then assign paths on the way back down.
    let i = start;
    while (true) {
      if (state[i] === 1) throw new Error(`cycle in the ${required ? "sponsor" : "placement"} tree at id ${nodes[i]!.id}`);
      state[i] = 1;
      stack.push(i);
      const parent = parentOf(nodes[i]!);
      if (parent === null) break;
      const p = index.get(parent);
      if (p === undefined || state[p] === 2) break;
      i = p;
    }
    while (stack.length) {
      const j = stack.pop()!;
      const node = nodes[j]!;
      const parent = parentOf(node);
      let parentPath: string | null = null;
      let parentDepth = -1;
      if (parent !== null) {
        const p = index.get(parent);
        if (p !== undefined) {
          parentPath = path[p]!;
          parentDepth = depth[p]!;
        } else {
          const known = outside?.get(parent);
          if (known === undefined) throw new Error(`unknown parent ${parent} of id ${node.id}`);
          parentPath = known;
          parentDepth = known.length / 7 - 1;
        }
      }
      // The company's root (no sponsor) is the root of the placement tree too; anyone else
      // without a placement parent is not placed yet.
      if (parent === null && !required && node.sponsorId !== null) {
        state[j] = 2;
        continue;
      }
      path[j] = childPath(parentPath, node.id);
      depth[j] = parentDepth + 1;
      state[j] = 2;
      order.push(j);
    }
  }
  // Children were pushed after their parents, so a reverse pass accumulates subtree sizes.
  for (let k = order.length - 1; k >= 0; k--) {
    const j = order[k]!;
    const parent = parentOf(nodes[j]!);
    const p = parent === null ? undefined : index.get(parent);
    if (p !== undefined) size[p]! += size[j]! + 1;
  }
  return { path, depth, size };
}
