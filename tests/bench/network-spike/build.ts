import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Sql } from "postgres";

/**
 * The import's way to build both trees' structures: read the adjacency (an importer already holds it),
 * walk each tree once in memory — which is also the cycle/orphan check an import must do anyway —
 * and COPY paths, depths, downline sizes and binary leg sizes into `calc`.
 * ids are dense here (1..n); a real importer maps its ids to dense indexes first.
 */
export async function buildInMemory(sql: Sql) {
  const n: number = (await sql`select max(id)::int as n from base`)[0]!.n;
  const sponsor = new Int32Array(n + 1), pparent = new Int32Array(n + 1), pside = new Uint8Array(n + 1), active = new Uint8Array(n + 1);
  let rest = "";
  const parse = new Writable({
    write(chunk: Buffer, _enc, done) {
      const lines = (rest + chunk.toString()).split("\n");
      rest = lines.pop()!;
      for (const line of lines) {
        const [id, s, p, side, status] = line.split("\t");
        const i = Number(id);
        sponsor[i] = s === "\\N" ? 0 : Number(s);
        pparent[i] = p === "\\N" ? 0 : Number(p);
        pside[i] = side === "L" ? 1 : side === "R" ? 2 : 0;
        active[i] = status === "active" ? 1 : 0;
      }
      done();
    },
  });
  // (pipeline, not for-await: a for-await over postgres-js's COPY stream leaves the connection hanging)
  await pipeline(await sql`copy (select id, sponsor_id, placement_parent_id, placement_side, status from base) to stdout`.readable(), parse);
  const s = walk(n, sponsor, active), p = walk(n, pparent, active);
  const left = new Int32Array(n + 1), right = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) if (pparent[i]) (pside[i] === 1 ? left : right)[pparent[i]!]! += p.size[i]! + 1;
  await sql`create unlogged table calc (id bigint, spath text, sdepth int, downline_size int, active_size int, ppath text, pdepth int, left_size int, right_size int)`;
  function* lines() {
    for (let start = 1; start <= n; start += 10_000) {
      const rows: string[] = [];
      for (let i = start; i < Math.min(start + 10_000, n + 1); i++)
        rows.push(`${i}\t${s.path[i]}\t${s.depth[i]}\t${s.size[i]}\t${s.active[i]}\t${p.path[i]}\t${p.depth[i]}\t${left[i]}\t${right[i]}\n`);
      yield Buffer.from(rows.join(""));
    }
  }
  await pipeline(Readable.from(lines()), await sql`copy calc from stdin`.writable());
  const max = (xs: Uint16Array) => xs.reduce((a, b) => Math.max(a, b), 0);
  return { n, maxDepth: max(s.depth), maxPlacementDepth: max(p.depth) };
}

const seg = (id: number) => id.toString(36).padStart(6, "0");

/** Breadth-first from the roots: depth and path top-down, sizes (all, active) bottom-up. Throws on a cycle or orphan. */
function walk(n: number, parent: Int32Array, isActive: Uint8Array) {
  const first = new Int32Array(n + 2);
  for (let i = 1; i <= n; i++) if (parent[i]) first[parent[i]! + 1]!++;
  for (let i = 1; i <= n + 1; i++) first[i]! += first[i - 1]!;
  const kids = new Int32Array(n), fill = first.slice();
  for (let i = 1; i <= n; i++) if (parent[i]) kids[fill[parent[i]!]!++] = i;
  const order = new Int32Array(n), depth = new Uint16Array(n + 1), size = new Int32Array(n + 1), active = new Int32Array(n + 1);
  const path: string[] = new Array(n + 1);
  let head = 0, tail = 0;
  for (let i = 1; i <= n; i++) if (!parent[i]) { order[tail++] = i; path[i] = seg(i); }
  while (head < tail) {
    const v = order[head++]!;
    for (let k = first[v]!; k < first[v + 1]!; k++) {
      const c = kids[k]!;
      depth[c] = depth[v]! + 1;
      path[c] = path[v] + seg(c);
      order[tail++] = c;
    }
  }
  if (tail < n) throw new Error(`${n - tail} consultants are in a cycle or under a missing sponsor`);
  for (let k = n - 1; k >= 0; k--) {
    const v = order[k]!, up = parent[v]!;
    if (up) size[up]! += size[v]! + 1, active[up]! += active[v]! + isActive[v]!;
  }
  return { depth, size, active, path };
}
