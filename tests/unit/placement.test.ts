import { describe, expect, it } from "vitest";
import { prng } from "@/db/seed-data";
import {
  findPlacement,
  isValidSlot,
  memoryPlacementView,
  slotsOf,
  type NodeId,
  type PlacedNode,
  type PlacementView,
  type Slot,
  type TreeShape,
} from "@/server/network/placement";

const binary: TreeShape = { kind: "binary" };
const matrix3: TreeShape = { kind: "matrix", width: 3 };

/** `[id, parent, slot]` rows; the first row is the root. */
const tree = (...rows: Array<[NodeId, NodeId | null, Slot | null]>) =>
  memoryPlacementView(rows.map(([id, parentId, slot]) => ({ id, parentId, slot })));
const at = (parentId: NodeId, slot: Slot) => ({ ok: true, parentId, slot });
const refused = (error: string) => ({ ok: false, error });

/*
 * T1 (binary):
 *              1
 *            /   \
 *           2     3
 *          / \     \
 *         4   5     6
 *        /
 *       7
 */
const t1 = tree([1, null, null], [2, 1, "L"], [3, 1, "R"], [4, 2, "L"], [5, 2, "R"], [6, 3, "R"], [7, 4, "L"]);

/*
 * T2 (binary, legs of equal size 2):
 *          1
 *        /   \
 *       2     3
 *      /       \
 *     4         5
 */
const t2 = tree([1, null, null], [2, 1, "L"], [3, 1, "R"], [4, 2, "L"], [5, 3, "R"]);

/*
 * M1 (matrix, width 3; positions in brackets):
 *                   1
 *          /        |        \
 *        2[1]      3[2]      4[3]
 *      /  |  \                 |
 *   5[1] 6[2] 7[3]            8[2]
 */
const m1 = tree([1, null, null], [2, 1, 1], [3, 1, 2], [4, 1, 3], [5, 2, 1], [6, 2, 2], [7, 2, 3], [8, 4, 2]);

type AutomaticRule = "extreme_left" | "extreme_right" | "weaker_leg" | "breadth_first";
const place = (view: PlacementView, shape: TreeShape, rule: AutomaticRule, rootId: NodeId) =>
  findPlacement(view, shape, { rule, rootId });

describe("slots", () => {
  it("lists binary legs and matrix positions left to right", () => {
    expect(slotsOf(binary)).toEqual(["L", "R"]);
    expect(slotsOf(matrix3)).toEqual([1, 2, 3]);
  });

  it("refuses a matrix that is not a tree of at least two positions", () => {
    expect(() => slotsOf({ kind: "matrix", width: 1 })).toThrow(RangeError);
    expect(() => slotsOf({ kind: "matrix", width: 2.5 })).toThrow(RangeError);
  });

  it("knows which slots exist in each shape", () => {
    expect(isValidSlot(binary, "L")).toBe(true);
    expect(isValidSlot(binary, 1)).toBe(false);
    expect(isValidSlot(matrix3, 3)).toBe(true);
    for (const bad of [0, 4, 1.5, "L"] as Slot[]) expect(isValidSlot(matrix3, bad)).toBe(false);
  });
});

describe("extreme_left / extreme_right", () => {
  it("follows the outer leg of a binary tree to its first free outer slot", async () => {
    expect(await place(t1, binary, "extreme_left", 1)).toEqual(at(7, "L"));
    expect(await place(t1, binary, "extreme_right", 1)).toEqual(at(6, "R"));
    expect(await place(t1, binary, "extreme_left", 3)).toEqual(at(3, "L"));
    expect(await place(t1, binary, "extreme_right", 2)).toEqual(at(5, "R"));
  });

  it("uses positions 1 and width in a matrix", async () => {
    expect(await place(m1, matrix3, "extreme_left", 1)).toEqual(at(5, 1));
    expect(await place(m1, matrix3, "extreme_right", 1)).toEqual(at(4, 3));
  });

  it("places directly under a root with no children", async () => {
    const lone = tree([9, null, null]);
    expect(await place(lone, binary, "extreme_left", 9)).toEqual(at(9, "L"));
    expect(await place(lone, binary, "extreme_right", 9)).toEqual(at(9, "R"));
  });
});

describe("breadth_first", () => {
  it("takes the first free slot of the shallowest level, left to right", async () => {
    expect(await place(t1, binary, "breadth_first", 1)).toEqual(at(3, "L"));
    expect(await place(t1, binary, "breadth_first", 2)).toEqual(at(4, "R"));
    expect(await place(t2, binary, "breadth_first", 1)).toEqual(at(2, "R"));
    expect(await place(m1, matrix3, "breadth_first", 1)).toEqual(at(3, 1));
    expect(await place(m1, matrix3, "breadth_first", 4)).toEqual(at(4, 1));
  });

  it("fills a gap on the left of a node before its right", async () => {
    // 1 has only a right child: the free L comes first.
    expect(await place(tree([1, null, null], [2, 1, "R"]), binary, "breadth_first", 1)).toEqual(at(1, "L"));
  });

  it("goes down a level when every slot of a level is taken", async () => {
    // Complete binary tree of depth 2 (7 nodes): the first free slot is under the leftmost leaf.
    expect(await place(complete(2, 2), binary, "breadth_first", 1)).toEqual(at(4, "L"));
    // Complete width-3 matrix of depth 2 (13 nodes): leaves are 5..13, first free is 5/1.
    expect(await place(complete(3, 2), matrix3, "breadth_first", 1)).toEqual(at(5, 1));
  });

  it("reads one level at a time, in batches, and never below the answer", async () => {
    /*
     * Complete binary tree of depth 10 (ids in heap order: children of k are 2k and 2k+1), minus
     * node 7 (right child of 3) and its subtree: the answer is 3/R at depth 1.
     */
    const nodes = completeNodes(2, 10).filter((n) => !isUnder(n.id, 7));
    const { view, asked } = counting(memoryPlacementView(nodes));
    const got = await findPlacement(view, binary, { rule: "breadth_first", rootId: 1 }, { batchSize: 1 });
    expect(got).toEqual(at(3, "R"));
    expect(asked).toEqual([[1], [2], [3]]);
  });

  it("gives the same answer whatever the batch size", async () => {
    const view = memoryPlacementView(completeNodes(2, 6).filter((n) => !isUnder(n.id, 100)));
    for (const batchSize of [1, 2, 3, 7, 500]) {
      const got = await findPlacement(view, binary, { rule: "breadth_first", rootId: 1 }, { batchSize });
      expect(got).toEqual(at(50, "L"));
    }
  });
});

describe("weaker_leg", () => {
  it("places directly in the weaker leg's slot when it is free", async () => {
    // Under 4 in T1: left leg {7} has 1, right leg is empty.
    expect(await place(t1, binary, "weaker_leg", 4)).toEqual(at(4, "R"));
  });

  it("otherwise fills the weaker leg breadth-first, not at its extreme", async () => {
    // T1 from 1: left {2,4,5,7} = 4, right {3,6} = 2 → right leg, headed by 3; 3/L is its first free
    // slot (the extreme of the right leg would have been 6/R).
    expect(await place(t1, binary, "weaker_leg", 1)).toEqual(at(3, "L"));
    // T1 from 2: left {4,7} = 2, right {5} = 1 → right leg, headed by 5 → 5/L.
    expect(await place(t1, binary, "weaker_leg", 2)).toEqual(at(5, "L"));
  });

  it("breaks ties to the left", async () => {
    // T2: both legs hold 2 → left leg, headed by 2; breadth-first in it gives 2/R (not 4/L).
    expect(await place(t2, binary, "weaker_leg", 1)).toEqual(at(2, "R"));
    // Empty legs tie too.
    expect(await place(t1, binary, "weaker_leg", 5)).toEqual(at(5, "L"));
  });

  it("picks the matrix position with fewest consultants, the lower position on ties", async () => {
    // M1 from 1: position 1 holds 4, position 2 holds 1, position 3 holds 2 → position 2, headed by 3.
    expect(await place(m1, matrix3, "weaker_leg", 1)).toEqual(at(3, 1));
    // Under 4: positions 1 and 3 are both empty → position 1.
    expect(await place(m1, matrix3, "weaker_leg", 4)).toEqual(at(4, 1));
  });
});

describe("manual", () => {
  const manual = (view: PlacementView, shape: TreeShape, rootId: NodeId, parentId: NodeId, slot: Slot) =>
    findPlacement(view, shape, { rule: "manual", rootId, parentId, slot });

  it("accepts a free slot anywhere in the root's subtree, the root included", async () => {
    expect(await manual(t1, binary, 1, 3, "L")).toEqual(at(3, "L"));
    expect(await manual(t1, binary, 3, 3, "L")).toEqual(at(3, "L"));
    expect(await manual(t1, binary, 2, 7, "R")).toEqual(at(7, "R"));
    expect(await manual(m1, matrix3, 1, 8, 3)).toEqual(at(8, 3));
  });

  it("refuses a taken slot", async () => {
    expect(await manual(t1, binary, 1, 1, "R")).toEqual(refused("slot_taken"));
    expect(await manual(m1, matrix3, 1, 4, 2)).toEqual(refused("slot_taken"));
  });

  it("refuses a parent outside the root's subtree, above it or unknown", async () => {
    expect(await manual(t1, binary, 3, 5, "L")).toEqual(refused("outside_subtree")); // 5 is in 2's leg
    expect(await manual(t1, binary, 3, 1, "L")).toEqual(refused("outside_subtree")); // the root's upline
    expect(await manual(t1, binary, 1, 99, "L")).toEqual(refused("outside_subtree"));
    expect(await manual(t1, binary, 99, 99, "L")).toEqual(refused("outside_subtree"));
  });

  it("refuses a slot the shape does not have, before anything else", async () => {
    expect(await manual(t1, binary, 1, 3, 1)).toEqual(refused("invalid_slot"));
    expect(await manual(m1, matrix3, 1, 8, 4)).toEqual(refused("invalid_slot"));
    expect(await manual(m1, matrix3, 1, 8, 0)).toEqual(refused("invalid_slot"));
    expect(await manual(m1, matrix3, 1, 8, "L")).toEqual(refused("invalid_slot"));
    expect(await manual(t1, binary, 3, 5, "X" as Slot)).toEqual(refused("invalid_slot"));
  });
});

describe("memoryPlacementView", () => {
  it("rejects malformed trees", () => {
    expect(() => tree([1, null, null], [1, null, null])).toThrow(/duplicate/);
    expect(() => tree([1, null, null], [2, 1, "L"], [3, 1, "L"])).toThrow(/taken twice/);
    expect(() => tree([1, null, null], [2, 1, null])).toThrow(/no slot/);
  });

  it("counts leg sizes", async () => {
    expect(await t1.legSize(1, "L")).toBe(4);
    expect(await t1.legSize(1, "R")).toBe(2);
    expect(await t1.legSize(6, "L")).toBe(0);
  });
});

describe("property: breadth_first on random trees", () => {
  it("returns a free slot at the shallowest level, leftmost there, never a taken one", async () => {
    const random = prng(20_240_601);
    for (let trial = 0; trial < 300; trial++) {
      const shape: TreeShape = trial % 3 === 2 ? { kind: "matrix", width: 2 + Math.floor(random() * 3) } : binary;
      const slots = slotsOf(shape);
      const nodes = randomTree(random, slots, 1 + Math.floor(random() * 80));
      const view = memoryPlacementView(nodes);
      const rootId = nodes[Math.floor(random() * nodes.length)]!.id;
      const batchSize = 1 + Math.floor(random() * 4);
      const got = await findPlacement(view, shape, { rule: "breadth_first", rootId }, { batchSize });

      // Independent oracle: every free spot in the subtree, as the path of slot indexes from the
      // root to it. Shallowest = shortest path; leftmost = lexicographically smallest among those.
      const spots = freeSpots(nodes, slots, rootId);
      spots.sort((a, b) => a.path.length - b.path.length || compareArrays(a.path, b.path));
      const best = spots[0]!;
      expect(got).toEqual(at(best.parentId, best.slot));
      const taken = nodes.some((n) => got.ok && n.parentId === got.parentId && n.slot === got.slot);
      expect(taken).toBe(false);
    }
  });
});

describe("property: the other automatic rules on random trees", () => {
  it("extreme rules stay on the outer line; weaker_leg stays in the lightest leg; all pick free slots", async () => {
    const random = prng(7);
    for (let trial = 0; trial < 200; trial++) {
      const shape: TreeShape = trial % 2 ? { kind: "matrix", width: 3 } : binary;
      const slots = slotsOf(shape);
      const nodes = randomTree(random, slots, 1 + Math.floor(random() * 60));
      const view = memoryPlacementView(nodes);
      const rootId = nodes[Math.floor(random() * nodes.length)]!.id;
      const spots = freeSpots(nodes, slots, rootId);
      const spotOf = (r: Awaited<ReturnType<typeof findPlacement>>) =>
        r.ok ? spots.find((s) => s.parentId === r.parentId && s.slot === r.slot) : undefined;

      // Extremes: the only free spot whose path is all-outer.
      const left = spotOf(await place(view, shape, "extreme_left", rootId));
      expect(left?.path.every((i) => i === 0)).toBe(true);
      const right = spotOf(await place(view, shape, "extreme_right", rootId));
      expect(right?.path.every((i) => i === slots.length - 1)).toBe(true);

      // Weaker leg: first step is a leg with the minimum headcount, the leftmost such leg.
      // A leg of k consultants has k·(width − 1) + 1 free spots: fewest spots = fewest consultants.
      const freeInLeg = slots.map((_, i) => spots.filter((s) => s.path[0] === i).length);
      const weaker = spotOf(await place(view, shape, "weaker_leg", rootId));
      expect(weaker?.path[0]).toBe(freeInLeg.indexOf(Math.min(...freeInLeg)));
    }
  });
});

// --- helpers ---------------------------------------------------------------------------------

/** Complete tree of the given width and depth in heap order: root 1, children of k are w·(k−1)+2… */
function completeNodes(width: number, depth: number): PlacedNode[] {
  const nodes: PlacedNode[] = [{ id: 1, parentId: null, slot: null }];
  const count = (width ** (depth + 1) - 1) / (width - 1);
  for (let id = 2; id <= count; id++) {
    const i = id - 2;
    const pos = (i % width) + 1;
    nodes.push({ id, parentId: Math.floor(i / width) + 1, slot: width === 2 ? (pos === 1 ? "L" : "R") : pos });
  }
  return nodes;
}
const complete = (width: number, depth: number) => memoryPlacementView(completeNodes(width, depth));
/** Binary heap order: is `id` equal to or below `ancestor`? */
const isUnder = (id: number, ancestor: number): boolean =>
  id === ancestor || (id > 1 && isUnder(Math.floor(id / 2), ancestor));

/** Wraps a view to record the ids of every `childrenOf` call. */
function counting(view: PlacementView) {
  const asked: NodeId[][] = [];
  return {
    asked,
    view: { ...view, childrenOf: (ids: readonly NodeId[]) => (asked.push([...ids]), view.childrenOf(ids)) },
  };
}

/** Grows a tree one node at a time, each in a uniformly random free spot. */
function randomTree(random: () => number, slots: readonly Slot[], size: number): PlacedNode[] {
  const nodes: PlacedNode[] = [{ id: 1, parentId: null, slot: null }];
  const open: Array<[NodeId, Slot]> = slots.map((s) => [1, s]);
  for (let id = 2; id <= size; id++) {
    const [spot] = open.splice(Math.floor(random() * open.length), 1);
    nodes.push({ id, parentId: spot![0], slot: spot![1] });
    for (const s of slots) open.push([id, s]);
  }
  return nodes;
}

function freeSpots(nodes: readonly PlacedNode[], slots: readonly Slot[], rootId: NodeId) {
  const spots: Array<{ parentId: NodeId; slot: Slot; path: number[] }> = [];
  const walk = (id: NodeId, path: number[]) =>
    slots.forEach((slot, i) => {
      const child = nodes.find((n) => n.parentId === id && n.slot === slot);
      if (child) walk(child.id, [...path, i]);
      else spots.push({ parentId: id, slot, path: [...path, i] });
    });
  walk(rootId, []);
  return spots;
}

const compareArrays = (a: number[], b: number[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
};

