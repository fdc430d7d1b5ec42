import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type postgres from "postgres";
import { segment } from "../tree/path";
import { deferIndexes } from "./deferred-indexes";
import { nameKeyFolder } from "./name-keys";
import { importTrees } from "./trees";
import type { ImportRows } from "./validate";

/** The tables a whole-network import fills. */
const TABLES = ["consultants", "genealogy", "placement_tree"] as const;

export type WriteImportOptions = {
  /** Called as each step ends, with its duration: prepare, copy …, index …, foreign key …, analyze. */
  onPhase?: (phase: string, ms: number) => void;
};

/**
 * Writes a validated whole network (binary placement) into an empty network, in one transaction:
 * nothing is written unless all of it is. Ids are reserved from the sequence in file order; rows
 * without a placement take the first free leg under their sponsor (breadth-first).
 *
 * Built for 1M rows (DESIGN.md: imported, validated and indexed in ≤ 60 s; docs/benchmarks.md has
 * the measured steps): the secondary indexes and the tables' foreign keys are dropped inside the
 * transaction and built again after COPY (`deferIndexes`), both trees are worked out in memory
 * (`importTrees`), the tree tables are truncated first so that COPY FREEZE writes them frozen and
 * all-visible (a downline page's index-only scan needs no VACUUM after the import), and
 * everything is analysed before commit. The tables are locked for the duration; see deferIndexes.
 * Attaching a file under an existing network is not supported: refused before writing.
 */
export async function writeImport(sql: postgres.Sql, rows: ImportRows, order: Int32Array, options: WriteImportOptions = {}) {
  const onPhase = options.onPhase ?? (() => {});
  let clock = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    onPhase(name, now - clock);
    clock = now;
  };
  return sql.begin(async (tx) => {
    // Index builds sort in memory up to maintenance_work_mem, foreign-key checks hash-join in
    // work_mem (at 4MB they spill to disk); a lock the import cannot get soon
    // (someone reading consultants in a long transaction) fails it instead of queueing everyone.
    await tx`select set_config('maintenance_work_mem', '1GB', true), set_config('work_mem', '256MB', true), set_config('lock_timeout', '15s', true)`;
    await tx.unsafe(`lock table ${TABLES.join(", ")} in access exclusive mode`);
    const [{ n }] = (await tx`select count(*)::int as n from consultants`) as unknown as [{ n: number }];
    if (n > 0) throw new Error("the database already has consultants: import a whole network into an empty one");
    const deferred = await deferIndexes(tx, TABLES);
    // Empty (consultants is, and both reference it); truncated in this transaction so COPY may FREEZE.
    await tx`truncate genealogy, placement_tree`;

    const first = await reserveIds(tx, rows.count);
    const trees = importTrees(rows, order);
    const nameKey = await nameKeyFolder(tx, rows.name);
    phase("prepare");

    // Rows go in id (= file) order, so the primary keys are appended to, not inserted into.
    await copy(tx, "consultants (id, code, full_name, email, document_type, document_number, sponsor_id, placement_parent_id, placement_slot, country, state, city, joined_at, status)", "", rows.count, (r) => {
      const s = rows.sponsor[r]!, p = trees.placementParent[r]!;
      return `${first + r}\t${esc(rows.code[r]!)}\t${esc(rows.name[r]!)}\t${esc(rows.email[r]!)}\t${rows.documentType[r]}\t${esc(rows.document[r]!)}\t${s < 0 ? "\\N" : first + s}\t${p < 0 ? "\\N\t\\N" : `${first + p}\t${trees.slot[r]}`}\t${rows.country[r]}\t${esc(rows.state[r] ?? null)}\t${esc(rows.city[r] ?? null)}\t${rows.joinedAt[r]}\t${rows.status[r]}\n`;
    });
    phase("copy consultants");

    const sponsorPath = pathsOf(trees.sponsorOrder, rows.sponsor, first, rows.count);
    await copy(tx, "genealogy (consultant_id, sponsor_path, sponsor_depth, downline_size, status, name_key, joined_at)", " with (freeze)", rows.count, (r) =>
      `${first + r}\t${sponsorPath[r]}\t${trees.sponsorDepth[r]}\t${trees.downlineSize[r]}\t${rows.status[r]}\t${esc(nameKey(rows.name[r]!))}\t${rows.joinedAt[r]}\n`,
    );
    sponsorPath.length = 0;
    phase("copy genealogy");

    const placementPath = pathsOf(trees.placementOrder, trees.placementParent, first, rows.count);
    await copy(tx, "placement_tree (consultant_id, path, depth, size)", " with (freeze)", rows.count, (r) =>
      trees.placementDepth[r]! < 0 ? "" : `${first + r}\t${placementPath[r]}\t${trees.placementDepth[r]}\t${trees.placementSize[r]}\n`,
    );
    phase("copy placement_tree");

    await deferred.restore((step, ms) => {
      onPhase(step, ms);
      clock = performance.now();
    });
    await tx.unsafe(`analyze ${TABLES.join(", ")}`);
    await tx`insert into audit_log (action, entity_type, entity_id, after) values ('network.import', 'network', 'all', ${JSON.stringify({ rows: rows.count })}::jsonb)`;
    phase("analyze");
    return { written: rows.count };
  });
}

/**
 * `count` consecutive ids from the consultants sequence; returns the first. One nextval per row
 * (as inserts would take them), but only the bounds come back; should another session have taken
 * some in between (the sequence is not locked by the table lock), the range is not consecutive
 * and the import stops rather than guess.
 */
async function reserveIds(tx: postgres.TransactionSql, count: number) {
  const [range] = await tx<{ lo: string; hi: string }[]>`
    select min(v)::text as lo, max(v)::text as hi from (select nextval(pg_get_serial_sequence('consultants', 'id')) as v from generate_series(1, ${count})) s`;
  const lo = Number(range!.lo), hi = Number(range!.hi);
  if (hi - lo + 1 !== count) throw new Error("consultant ids were taken by another session during the import: run it again");
  return lo;
}

/** Each row's path (root … self), built parents first so a path is its parent's plus a segment. */
function pathsOf(parentsFirst: Int32Array, parent: Int32Array, first: number, count: number) {
  const paths: string[] = new Array(count);
  for (const r of parentsFirst) {
    const p = parent[r]!;
    paths[r] = p < 0 ? segment(first + r) : paths[p] + segment(first + r);
  }
  return paths;
}

/** COPY in ~1 MB chunks (one stream write per row costs more than the row). */
async function copy(tx: postgres.TransactionSql, target: string, withClause: string, count: number, line: (row: number) => string) {
  function* chunks() {
    let chunk = "";
    for (let r = 0; r < count; r++) {
      chunk += line(r);
      if (chunk.length >= 1 << 20) {
        yield chunk;
        chunk = "";
      }
    }
    if (chunk) yield chunk;
  }
  const query = tx.unsafe(`copy ${target} from stdin${withClause}`);
  // postgres-js 3.4.9 never finishes the stream when the server rejects the data after the last
  // chunk went out (porsager/postgres#1173): the error only reaches the query's own reject, so
  // it is tapped there, or a bad row would hang the import holding its locks.
  const failed = new Promise<never>((_, reject) => {
    const pending = query as unknown as { reject?: (error: unknown) => void };
    const own = pending.reject;
    if (own) pending.reject = (error) => (reject(error), own(error));
  });
  failed.catch(() => {}); // (settled, and not raced, when the stream itself reports the error)
  await Promise.race([pipeline(Readable.from(chunks()), await query.writable()), failed]);
}

const SPECIAL = /[\\\t\n\r]/;
/** COPY text format: \N is null; backslash, tab and line breaks escaped (validation refuses the last three in most columns). */
const esc = (v: string | null) => (v === null || v === "" ? "\\N" : SPECIAL.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => ({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" })[c]!) : v);
