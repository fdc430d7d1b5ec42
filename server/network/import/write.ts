import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type postgres from "postgres";
import { BinaryFiller } from "../tree/bulk-placement";
import { buildGenealogy } from "../tree/bulk";
import type { ImportRows } from "./validate";

const esc = (v: string | null) => (v === null || v === "" ? "\\N" : v.replace(/[\\\t\n\r]/g, (c) => ({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" })[c]!));

/**
 * Writes a validated whole network (binary placement) into an empty network, in one transaction:
 * ids are reserved from the sequence, rows without a placement take the first free leg under
 * their sponsor (breadth-first), then consultants and their genealogy go in with COPY.
 * Attaching a file under an existing network is not supported yet: refused before writing.
 */
export async function writeImport(sql: postgres.Sql, rows: ImportRows, order: Int32Array) {
  return sql.begin(async (tx) => {
    const [{ n }] = (await tx`select count(*)::int as n from consultants`) as unknown as [{ n: number }];
    if (n > 0) throw new Error("the database already has consultants: import a whole network into an empty one");
    const ids = (await tx`select nextval(pg_get_serial_sequence('consultants', 'id'))::bigint as id from generate_series(1, ${rows.count})`).map((r) => Number(r.id));
    const idOf = (row: number) => ids[row]!;

    // Placement: rows that name one keep it; the others are filled in under their sponsor.
    const roots = [...order].filter((r) => rows.sponsor[r] === -1);
    const filler = new BinaryFiller(idOf(roots[0]!));
    const parent = new Int32Array(rows.count).fill(-1);
    const slot = new Uint8Array(rows.count);
    for (const r of order) if (rows.leg[r]) filler.occupy(idOf(rows.placement[r]!), rows.leg[r] as 1 | 2, idOf(r));
    for (const r of order) {
      if (rows.leg[r]) {
        parent[r] = idOf(rows.placement[r]!);
        slot[r] = rows.leg[r]!;
      } else if (rows.sponsor[r] !== -1) {
        const spot = filler.place(idOf(r), idOf(rows.sponsor[r]!));
        parent[r] = spot.parentId;
        slot[r] = spot.slot;
      }
    }
    const nodes = [...order].map((r) => ({ id: idOf(r), sponsorId: rows.sponsor[r] === -1 ? null : idOf(rows.sponsor[r]!), placementParentId: parent[r] === -1 ? null : parent[r]! }));
    const g = buildGenealogy(nodes);

    const consultantLines = function* () {
      for (const r of order) {
        yield `${idOf(r)}\t${esc(rows.code[r]!)}\t${esc(rows.name[r]!)}\t${esc(rows.email[r]!)}\t${rows.documentType[r]}\t${esc(rows.document[r]!)}\t${rows.sponsor[r] === -1 ? "\\N" : idOf(rows.sponsor[r]!)}\t${parent[r] === -1 ? "\\N" : parent[r]}\t${parent[r] === -1 ? "\\N" : slot[r]}\t${rows.country[r]}\t${esc(rows.state[r] ?? null)}\t${esc(rows.city[r] ?? null)}\t${rows.joinedAt[r]}\t${rows.status[r]}\n`;
      }
    };
    await pipeline(
      Readable.from(consultantLines()),
      await tx`copy consultants (id, code, full_name, email, document_type, document_number, sponsor_id, placement_parent_id, placement_slot, country, state, city, joined_at, status) from stdin`.writable(),
    );
    const genealogyLines = function* () {
      for (let k = 0; k < nodes.length; k++) {
        const r = order[k]!;
        yield `${nodes[k]!.id}\t${g.sponsorPath[k]}\t${g.sponsorDepth[k]}\t${g.downlineSize[k]}\t${g.placementPath[k] ?? "\\N"}\t${g.placementPath[k] ? g.placementDepth[k] : "\\N"}\t${g.placementSize[k]}\t${rows.status[r]}\t${esc(rows.name[r]!)}\t${rows.joinedAt[r]}\n`;
      }
    };
    await pipeline(
      Readable.from(genealogyLines()),
      await tx`copy genealogy (consultant_id, sponsor_path, sponsor_depth, downline_size, placement_path, placement_depth, placement_size, status, full_name, joined_at) from stdin`.writable(),
    );
    await tx`insert into audit_log (action, entity_type, entity_id, after) values ('network.import', 'network', 'all', ${JSON.stringify({ rows: rows.count })}::jsonb)`;
    return { written: rows.count };
  });
}
