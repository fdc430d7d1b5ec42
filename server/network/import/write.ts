import type postgres from "postgres";
import { segment } from "../tree/path";
import { copyBinary, dateDays } from "./copy-binary";
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
    const consultantColumns = "id, code, full_name, email, document_type, document_number, sponsor_id, placement_parent_id, placement_slot, country, state, city, joined_at, status";
    await copyBinary(tx, `consultants (${consultantColumns})`, {}, rows.count, (out, r) => {
      const s = rows.sponsor[r]!, p = trees.placementParent[r]!;
      out.row(14);
      out.int8(first + r);
      out.text(rows.code[r]!);
      out.text(rows.name[r]!);
      out.text(rows.email[r]!);
      out.text(rows.documentType[r]!);
      out.text(rows.document[r]!);
      if (s < 0) out.null();
      else out.int8(first + s);
      if (p < 0) out.null(), out.null();
      else out.int8(first + p), out.int2(trees.slot[r]!);
      out.text(rows.country[r]!);
      out.text(rows.state[r] || null);
      out.text(rows.city[r] || null);
      out.date(dateDays(rows.joinedAt[r]!));
      out.text(rows.status[r]!);
    });
    phase("copy consultants");

    const sponsorPath = pathsOf(trees.sponsorOrder, rows.sponsor, first, rows.count);
    await copyBinary(tx, "genealogy (consultant_id, sponsor_path, sponsor_depth, downline_size, status, name_key, joined_at)", { freeze: true }, rows.count, (out, r) => {
      out.row(7);
      out.int8(first + r);
      out.text(sponsorPath[r]!);
      out.int4(trees.sponsorDepth[r]!);
      out.int4(trees.downlineSize[r]!);
      out.text(rows.status[r]!);
      out.text(nameKey(rows.name[r]!));
      out.date(dateDays(rows.joinedAt[r]!));
    });
    sponsorPath.length = 0;
    phase("copy genealogy");

    const placementPath = pathsOf(trees.placementOrder, trees.placementParent, first, rows.count);
    await copyBinary(tx, "placement_tree (consultant_id, path, depth, size)", { freeze: true }, rows.count, (out, r) => {
      if (trees.placementDepth[r]! < 0) return;
      out.row(4);
      out.int8(first + r);
      out.text(placementPath[r]!);
      out.int4(trees.placementDepth[r]!);
      out.int4(trees.placementSize[r]!);
    });
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
 * `count` consecutive ids from the consultants sequence; returns the first. One nextval and one
 * setval (a nextval per row took 1.7 s at 1M). Nothing of the app's can take an id in between:
 * ids are taken by inserts into consultants, which the caller has locked.
 */
async function reserveIds(tx: postgres.TransactionSql, count: number) {
  const [row] = await tx<{ last: string }[]>`
    select setval(pg_get_serial_sequence('consultants', 'id'), nextval(pg_get_serial_sequence('consultants', 'id')) + ${count} - 1)::text as last`;
  return Number(row!.last) - count + 1;
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
