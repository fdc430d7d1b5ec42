/**
 * Binary placement for bulk loads (seed, import rows without a placement, benchmarks): each new
 * consultant takes the first free leg, breadth-first, under their sponsor's placement position.
 * Each sponsor keeps its own search frontier between calls, so filling a tree costs linear time.
 */
export class BinaryFiller {
  private children = new Map<number, [number | null, number | null]>();
  private frontiers = new Map<number, { queue: number[]; head: number }>();

  constructor(root: number) {
    this.children.set(root, [null, null]);
  }

  /** Records a placement decided elsewhere (e.g. given in an import file). */
  occupy(parentId: number, slot: 1 | 2, id: number) {
    const legs = this.children.get(parentId) ?? [null, null];
    legs[slot - 1] = id;
    this.children.set(parentId, legs);
    if (!this.children.has(id)) this.children.set(id, [null, null]);
  }

  /** Places `id` under `sponsorId`'s position; returns the parent and leg (1 = left, 2 = right). */
  place(id: number, sponsorId: number): { parentId: number; slot: 1 | 2 } {
    let frontier = this.frontiers.get(sponsorId);
    if (!frontier) {
      frontier = { queue: [sponsorId], head: 0 };
      this.frontiers.set(sponsorId, frontier);
    }
    while (frontier.head < frontier.queue.length) {
      const candidate = frontier.queue[frontier.head]!;
      const legs = this.children.get(candidate) ?? [null, null];
      this.children.set(candidate, legs);
      const free = legs[0] === null ? 1 : legs[1] === null ? 2 : 0;
      if (free) {
        this.occupy(candidate, free, id);
        return { parentId: candidate, slot: free };
      }
      frontier.queue.push(legs[0]!, legs[1]!);
      frontier.head++;
    }
    throw new Error(`no position under ${sponsorId}`);
  }
}
