/**
 * Placement rules for the placement tree (binary or matrix): where a new consultant sits under a
 * chosen root, usually their sponsor. The rules are pure functions over a small async port,
 * `PlacementView`, so they run the same against the in-memory view below (unit tests) and a
 * SQL-backed view (one indexed query per call).
 *
 * The answer is a proposal, not a reservation: two enrolments under the same sponsor can be given
 * the same spot. The writer must rely on a unique index on (placement parent, slot) and, on
 * conflict, ask again.
 */

export type NodeId = number;
/** Binary legs are "L"/"R"; matrix positions are 1..width, left to right. */
export type Slot = "L" | "R" | number;
export type TreeShape = { kind: "binary" } | { kind: "matrix"; width: number };
export type PlacedChild = { id: NodeId; slot: Slot };

export type PlacementView = {
  /**
   * Children of each of the given nodes; a node with none may be missing from the map. Order does
   * not matter (the rules order by slot). Called with one batch of one level at a time.
   */
  childrenOf(parentIds: readonly NodeId[]): Promise<ReadonlyMap<NodeId, readonly PlacedChild[]>>;
  /** Number of consultants in the subtree under `id`'s child at `slot`; 0 when the slot is free. */
  legSize(id: NodeId, slot: Slot): Promise<number>;
  /**
   * The last node reached from `id` by following the child at `slot` again and again (`id` itself
   * when that slot is free). A port method rather than a loop over `childrenOf` because an outer
   * leg can be thousands deep; SQL walks it with one recursive query.
   */
  endOfLine(id: NodeId, slot: Slot): Promise<NodeId>;
  /** Whether `id` is `rootId` itself or somewhere below it. False for unknown ids. */
  isInSubtree(rootId: NodeId, id: NodeId): Promise<boolean>;
};

export const PLACEMENT_RULES = ["manual", "extreme_left", "extreme_right", "weaker_leg", "breadth_first"] as const;
export type PlacementRule = (typeof PLACEMENT_RULES)[number];

/** `rootId` must be a placed consultant; in manual placement it bounds where `parentId` may be. */
export type PlacementRequest =
  | { rule: "manual"; rootId: NodeId; parentId: NodeId; slot: Slot }
  | { rule: Exclude<PlacementRule, "manual">; rootId: NodeId };

export type PlacementError = "slot_taken" | "outside_subtree" | "invalid_slot";
export type PlacementResult = { ok: true; parentId: NodeId; slot: Slot } | { ok: false; error: PlacementError };

/** The slots of one node, in the left-to-right order every rule uses. */
export function slotsOf(shape: TreeShape): Slot[] {
  if (shape.kind === "binary") return ["L", "R"];
  if (!Number.isInteger(shape.width) || shape.width < 2) {
    throw new RangeError(`matrix width must be an integer ≥ 2, got ${shape.width}`);
  }
  return Array.from({ length: shape.width }, (_, i) => i + 1);
}

export function isValidSlot(shape: TreeShape, slot: Slot): boolean {
  return shape.kind === "binary"
    ? slot === "L" || slot === "R"
    : typeof slot === "number" && Number.isInteger(slot) && slot >= 1 && slot <= shape.width;
}

/**
 * Rules:
 * - `manual`: the given parent and slot, if the slot exists in this shape, the parent is the root
 *   or below it, and the slot is free — checked in that order, so the cheapest error wins.
 * - `extreme_left` / `extreme_right`: follow the outermost child (L or position 1 / R or position
 *   width) down from the root and take the first free outer slot. Builds one long outer leg.
 * - `breadth_first`: the first free slot in breadth-first order from the root — shallowest level
 *   first, left to right within a level (a parent's slots in order, parents in the order of the
 *   level above). Fills the tree level by level.
 * - `weaker_leg`: pick the root's leg with the fewest consultants (ties go to the left / the lower
 *   position). If that slot under the root is free, take it; otherwise apply `breadth_first`
 *   inside that leg, starting at the child that heads it. Breadth-first rather than the leg's
 *   extreme so the weaker leg grows wide and shallow (newcomers stay close to the sponsor) and
 *   so the field has one rule to learn, not two. For a matrix the same rule picks the position
 *   with the fewest consultants.
 */
export async function findPlacement(
  view: PlacementView,
  shape: TreeShape,
  request: PlacementRequest,
  options: { batchSize?: number } = {},
): Promise<PlacementResult> {
  const slots = slotsOf(shape);
  const batchSize = options.batchSize ?? 500;
  switch (request.rule) {
    case "manual":
      return manual(view, shape, request);
    case "extreme_left":
      return placed(await view.endOfLine(request.rootId, slots[0]!), slots[0]!);
    case "extreme_right":
      return placed(await view.endOfLine(request.rootId, slots.at(-1)!), slots.at(-1)!);
    case "breadth_first":
      return breadthFirst(view, slots, request.rootId, batchSize);
    case "weaker_leg":
      return weakerLeg(view, slots, request.rootId, batchSize);
  }
}

const placed = (parentId: NodeId, slot: Slot): PlacementResult => ({ ok: true, parentId, slot });
const refused = (error: PlacementError): PlacementResult => ({ ok: false, error });

async function manual(
  view: PlacementView,
  shape: TreeShape,
  { rootId, parentId, slot }: { rootId: NodeId; parentId: NodeId; slot: Slot },
): Promise<PlacementResult> {
  if (!isValidSlot(shape, slot)) return refused("invalid_slot");
  if (!(await view.isInSubtree(rootId, parentId))) return refused("outside_subtree");
  const children = (await view.childrenOf([parentId])).get(parentId) ?? [];
  return children.some((c) => c.slot === slot) ? refused("slot_taken") : placed(parentId, slot);
}

/**
 * Level by level, in batches of `batchSize` parents, stopping at the first parent with a free
 * slot. It holds at most one level's ids and never reads below the level it answers from, so a
 * sponsor with a 100k-node downline and a free slot near the top costs a few small queries. A
 * complete, wide level costs width/batchSize queries; if that shows up in benchmarks, keep a
 * "has a free slot" flag per node instead.
 */
async function breadthFirst(
  view: PlacementView,
  slots: readonly Slot[],
  rootId: NodeId,
  batchSize: number,
): Promise<PlacementResult> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`bad batch size ${batchSize}`);
  let level: NodeId[] = [rootId];
  // Ends: every node has at most one parent, so a finite tree always has a node with a free slot.
  while (level.length > 0) {
    const next: NodeId[] = [];
    for (let start = 0; start < level.length; start += batchSize) {
      const batch = level.slice(start, start + batchSize);
      const children = await view.childrenOf(batch);
      for (const parentId of batch) {
        const bySlot = new Map((children.get(parentId) ?? []).map((c) => [c.slot, c.id] as const));
        const free = slots.find((s) => !bySlot.has(s));
        if (free !== undefined) return placed(parentId, free);
        for (const s of slots) next.push(bySlot.get(s)!);
      }
    }
    level = next;
  }
  throw new Error("placement view returned an infinite tree");
}

async function weakerLeg(
  view: PlacementView,
  slots: readonly Slot[],
  rootId: NodeId,
  batchSize: number,
): Promise<PlacementResult> {
  const [sizes, children] = await Promise.all([
    Promise.all(slots.map((s) => view.legSize(rootId, s))),
    view.childrenOf([rootId]),
  ]);
  let weakest = 0;
  for (let i = 1; i < slots.length; i++) if (sizes[i]! < sizes[weakest]!) weakest = i;
  const slot = slots[weakest]!;
  const head = children.get(rootId)?.find((c) => c.slot === slot);
  return head ? breadthFirst(view, slots, head.id, batchSize) : placed(rootId, slot);
}

// ---------------------------------------------------------------------------------------------

export type PlacedNode = { id: NodeId; parentId: NodeId | null; slot: Slot | null };

/**
 * In-memory `PlacementView` over a list of nodes (the tree's root has `parentId: null`). Rejects
 * duplicate ids and two children in one slot, so a mistyped test tree fails loudly.
 */
export function memoryPlacementView(nodes: readonly PlacedNode[]): PlacementView {
  const parentOf = new Map<NodeId, NodeId | null>();
  const children = new Map<NodeId, PlacedChild[]>();
  for (const n of nodes) {
    if (parentOf.has(n.id)) throw new Error(`duplicate node ${n.id}`);
    parentOf.set(n.id, n.parentId);
    if (n.parentId === null) continue;
    if (n.slot === null) throw new Error(`node ${n.id} has a parent but no slot`);
    const siblings = children.get(n.parentId) ?? [];
    if (siblings.some((c) => c.slot === n.slot)) throw new Error(`slot ${n.parentId}/${n.slot} taken twice`);
    siblings.push({ id: n.id, slot: n.slot });
    children.set(n.parentId, siblings);
  }
  const childAt = (id: NodeId, slot: Slot) => children.get(id)?.find((c) => c.slot === slot)?.id;
  const subtreeSize = (id: NodeId): number =>
    1 + (children.get(id) ?? []).reduce((sum, c) => sum + subtreeSize(c.id), 0);

  return {
    async childrenOf(parentIds) {
      return new Map(parentIds.map((id) => [id, children.get(id) ?? []]));
    },
    async legSize(id, slot) {
      const child = childAt(id, slot);
      return child === undefined ? 0 : subtreeSize(child);
    },
    async endOfLine(id, slot) {
      let end = id;
      for (let next = childAt(end, slot); next !== undefined; next = childAt(end, slot)) end = next;
      return end;
    },
    async isInSubtree(rootId, id) {
      if (!parentOf.has(id)) return false;
      for (let at: NodeId | null | undefined = id, steps = 0; at != null && steps <= nodes.length; steps++) {
        if (at === rootId) return true;
        at = parentOf.get(at);
      }
      return false;
    },
  };
}
