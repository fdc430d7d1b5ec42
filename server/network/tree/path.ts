/**
 * Tree paths: the chain of ids from the root down to a consultant, each id written as a
 * fixed-width base-36 segment, so paths compare byte-wise (COLLATE "C") in tree order and a
 * subtree is the range [path, path + "~"). Same encoding as SQL `tree_segment(id)`.
 */
export const SEGMENT = 7;
const MAX_ID = 36 ** SEGMENT;

export function segment(id: number) {
  if (!Number.isSafeInteger(id) || id < 0 || id >= MAX_ID) throw new RangeError(`tree id out of range: ${id}`);
  return id.toString(36).padStart(SEGMENT, "0");
}

export function childPath(parentPath: string | null, id: number) {
  return (parentPath ?? "") + segment(id);
}

/** The ids on a path, root first, the node itself last. */
export function idsOf(path: string): number[] {
  const ids: number[] = [];
  for (let i = 0; i < path.length; i += SEGMENT) ids.push(parseInt(path.slice(i, i + SEGMENT), 36));
  return ids;
}

export function depthOf(path: string) {
  return path.length / SEGMENT - 1;
}

/** Upper bound of a subtree's range: every descendant's path sorts between `path` and this. */
export function subtreeEnd(path: string) {
  return `${path}~`;
}

export const SLOT_CODES = { L: 1, R: 2 } as const;
export type TreeKind = "sponsor" | "placement";
