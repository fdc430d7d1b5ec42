import fs from "node:fs";
import { CITIES, prng } from "@/db/seed-data";
import { generateValidDocument } from "@/server/network/documents";
import { BinaryFiller } from "@/server/network/tree/bulk-placement";
import { HEADER } from "./import-validate";
import { nameOf, rng } from "./network-spike/generate";

/**
 * The synthetic network of `npm run bench:network`: N consultants (ids 1..N, sponsors before
 * children) with power-law fan-out, depth 30+ and consultant #2 heading a downline of N/10, written
 * as a CSV file in the import format (code B<id>).
 */
export function buildTree(N: number) {
  const BIG = Math.round(N / 10);
  const random = prng(42);
  // parent[i] for ids 1..N (index = id); id 1 is the root, id 2 heads the big downline (ids 2..BIG+1).
  const parent = new Int32Array(N + 1);
  const depth = new Int32Array(N + 1);
  const attach = (id: number, p: number) => {
    parent[id] = p;
    depth[id] = depth[p]! + 1;
  };
  const grow = (head: number, from: number, to: number) => {
    // Preferential attachment (a node is picked in proportion to 1 + its children) mixed with a
    // bias to recent nodes, which keeps the tree deep; a 35-long line guarantees depth 30+.
    // Every node of [from, to] ends up below `head`.
    const pool: number[] = [head];
    let id = from;
    for (let k = 0; k < 35 && id <= to; k++, id++) {
      attach(id, k === 0 ? head : id - 1);
      pool.push(id, parent[id]!);
    }
    for (; id <= to; id++) {
      const recent = id - 1 - Math.floor(random() * Math.min(200, id - from));
      const p = random() < 0.3 ? recent : pool[Math.floor(random() * pool.length)]!;
      attach(id, p >= from ? p : head);
      pool.push(id, parent[id]!);
    }
  };
  attach(2, 1);
  grow(2, 3, BIG + 1);
  grow(1, BIG + 2, N);
  return { parent, depth };
}

/** Binary placement of every consultant (the same first-free-leg fill as an import would do). */
function placeTree(N: number, parent: Int32Array) {
  const filler = new BinaryFiller(1);
  const slot = new Int8Array(N + 1);
  const pParent = new Int32Array(N + 1);
  for (let id = 2; id <= N; id++) {
    const spot = filler.place(id, parent[id]!);
    pParent[id] = spot.parentId;
    slot[id] = spot.slot;
  }
  return { pParent, slot };
}

/**
 * The network as a CSV file in the import format, in id order (sponsors first, as an export
 * writes it). Names: first name + two surnames with accents (~2M combinations, as a real base
 * has); every 10th consultant leaves placement_code/leg empty, so the importer places them.
 */
export async function writeNetworkCsv(file: string, N: number, parent: Int32Array) {
  const { pParent, slot } = placeTree(N, parent);
  const names = rng(1234);
  const today = Date.now();
  const out = fs.createWriteStream(file);
  let chunk = HEADER;
  for (let id = 1; id <= N; id++) {
    const joined = new Date(today - ((id * 7919) % 1500) * 86_400_000 - 86_400_000).toISOString().slice(0, 10);
    const status = id % 10 < 8 || id < 40 ? "active" : id % 10 === 8 ? "inactive" : "terminated";
    const placed = id > 1 && id % 10 !== 5;
    const [city, state] = CITIES[id % CITIES.length]!;
    chunk += `B${id},${nameOf(id, names)},c${id}@bench.test,CPF,${generateValidDocument("CPF", id)},${id === 1 ? "" : `B${parent[id]}`},${placed ? `B${pParent[id]},${slot[id] === 1 ? "L" : "R"}` : ","},BR,${state},${city},${joined},${status}\n`;
    if (chunk.length > 1 << 20 || id === N) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()));
      chunk = "";
    }
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return fs.statSync(file).size;
}
