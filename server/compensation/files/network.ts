import type { CsvInput } from "@/server/network/import/csv";
import { STATUS_NAMES } from "../snapshot";
import { sponsorTree } from "../trees";
import { FileErrors, readRows } from "./csv-input";

/**
 * The network file of `npm run comp -- simulate`: the network import format
 * (server/network/import, `npm run network -- export` writes it), of which the simulator reads
 * code, sponsor_code and, when present, placement_code, leg, status and joined_at; name, e-mail,
 * documents and the rest may be there and are ignored, so a real export runs as it is and a
 * designer can also write a two-column file. A consultant without placement is placed as the
 * import places them: the first free position, breadth-first, under their sponsor's position.
 */
export type NetworkFile = {
  codes: string[];
  sponsor: Int32Array;
  placementParent: Int32Array;
  placementSlot: Uint8Array;
  status: Uint8Array;
  /** YYYYMM of joined_at (0 when empty). */
  joinPeriod: Int32Array;
  /** Latest joined_at month in the file (0: none), the default period. */
  latestJoin: number;
};

const CODE = /^[A-Za-z0-9_-]{1,20}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export async function readNetworkFile(input: CsvInput, width: number): Promise<{ ok: true; network: NetworkFile } | { ok: false; errors: FileErrors }> {
  const errors = new FileErrors();
  const codes: string[] = [], sponsorCodes: string[] = [], placementCodes: string[] = [], legs: number[] = [], lines: number[] = [];
  const status: number[] = [], join: number[] = [];
  const rowOf = new Map<string, number>();
  const ok = await readRows(input, ["code", "sponsor_code"], ["placement_code", "leg", "status", "joined_at"], errors, (row) => {
    const code = row.get("code");
    if (!CODE.test(code)) errors.add(row.line, "code", code ? `"${code}" is not a code (1-20 letters, digits, "-" or "_")` : "required");
    else if (rowOf.has(code)) errors.add(row.line, "code", `${code} is already on line ${lines[rowOf.get(code)!]}`);
    else rowOf.set(code, codes.length);
    const placement = row.get("placement_code"), leg = row.get("leg").toUpperCase();
    let slot = 0;
    if (!placement !== !leg) errors.add(row.line, placement ? "leg" : "placement_code", "fill in placement_code and leg together, or leave both empty");
    else if (leg) {
      slot = width === 2 && (leg === "L" || leg === "R") ? (leg === "L" ? 1 : 2) : /^\d{1,3}$/.test(leg) && +leg >= 1 && +leg <= width ? +leg : 0;
      if (!slot) errors.add(row.line, "leg", `"${leg}" is not a position: use ${width === 2 ? "L or R" : `1 to ${width}`}`);
    }
    const st = row.get("status").toLowerCase() || "active", s = STATUS_NAMES.indexOf(st as (typeof STATUS_NAMES)[number]);
    if (s < 0) errors.add(row.line, "status", `"${st}" is not a status: use active, inactive or terminated`);
    const joined = row.get("joined_at"), d = DATE.exec(joined);
    if (joined && (!d || +d[2]! < 1 || +d[2]! > 12 || +d[3]! < 1 || +d[3]! > 31)) errors.add(row.line, "joined_at", `"${joined}" is not a date: write YYYY-MM-DD`);
    codes.push(code), sponsorCodes.push(row.get("sponsor_code")), placementCodes.push(placement), legs.push(slot), lines.push(row.line);
    status.push(Math.max(s, 0)), join.push(d ? +d[1]! * 100 + +d[2]! : 0);
  });
  if (!ok) return { ok: false, errors };
  if (!codes.length && !errors.count) errors.add(1, null, "the file has a header but no consultants");

  const n = codes.length, sponsor = new Int32Array(n).fill(-1), placementParent = new Int32Array(n).fill(-1), placementSlot = new Uint8Array(n);
  const taken = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const s = sponsorCodes[i]!, p = placementCodes[i]!;
    if (s) {
      const at = rowOf.get(s);
      if (at === undefined) errors.add(lines[i]!, "sponsor_code", `sponsor ${s} is not in the file`);
      else if (at === i) errors.add(lines[i]!, "sponsor_code", "a consultant cannot sponsor themselves");
      else sponsor[i] = at;
    }
    if (p && legs[i]) {
      const at = rowOf.get(p), key = `${p}/${legs[i]}`;
      if (at === undefined) errors.add(lines[i]!, "placement_code", `placement parent ${p} is not in the file`);
      else if (at === i) errors.add(lines[i]!, "placement_code", "a consultant cannot be placed under themselves");
      else if (taken.has(key)) errors.add(lines[i]!, "leg", `position ${legs[i]} under ${p} is already taken by line ${lines[taken.get(key)!]}`);
      else (taken.set(key, i), (placementParent[i] = at), (placementSlot[i] = legs[i]!));
    }
  }
  if (errors.count) return { ok: false, errors };
  let order: Int32Array;
  try {
    order = sponsorTree(sponsor).order;
  } catch {
    errors.add(0, "sponsor_code", "the sponsor links form a cycle: someone is their own upline");
    return { ok: false, errors };
  }
  placeUnplaced(sponsor, placementParent, placementSlot, order, width);
  let latestJoin = 0;
  for (const j of join) if (j > latestJoin) latestJoin = j;
  return { ok: true, network: { codes, sponsor, placementParent, placementSlot, status: Uint8Array.from(status), joinPeriod: Int32Array.from(join), latestJoin } };
}

/**
 * First free position breadth-first under the sponsor's position (the import's rule), sponsors
 * first; each sponsor keeps its own search frontier, so a fill stays linear. Roots stay unplaced
 * (the top of the placement tree).
 */
function placeUnplaced(sponsor: Int32Array, parent: Int32Array, slot: Uint8Array, order: Int32Array, width: number) {
  const n = sponsor.length, child = new Int32Array(n * width).fill(-1);
  for (let i = 0; i < n; i++) if (parent[i]! >= 0) child[parent[i]! * width + slot[i]! - 1] = i;
  const frontiers = new Map<number, { queue: number[]; head: number }>();
  for (const v of order) {
    const s = sponsor[v]!;
    if (s < 0 || parent[v]! >= 0) continue;
    let f = frontiers.get(s);
    if (!f) frontiers.set(s, (f = { queue: [s], head: 0 }));
    for (;;) {
      const c = f.queue[f.head]!;
      let k = 0;
      while (k < width && child[c * width + k]! >= 0) k++;
      if (k < width) {
        child[c * width + k] = v;
        parent[v] = c;
        slot[v] = k + 1;
        break;
      }
      for (k = 0; k < width; k++) f.queue.push(child[c * width + k]!);
      f.head++;
    }
  }
}
