import type postgres from "postgres";
import { binaryChunks, copyBinary, dateDays, encodeAhead } from "./copy-binary";
import { deferIndexes } from "./deferred-indexes";
import { nameKeyWriter } from "./name-keys";
import { PathBytes } from "./path-bytes";
import { importTrees } from "./trees";
import type { ImportRows } from "./validate";

/** The tables a whole-network import fills. */
const TABLES = ["consultants", "genealogy", "placement_tree"] as const;

export type WriteImportOptions = {
  /**
   * Called as each step ends, with its own duration: prepare, copy …, encode …, index …, foreign
   * key …, analyze. The encoding of the tree tables runs while consultants' indexes build, so the
   * durations add up to more than the whole.
   */
  onPhase?: (phase: string, ms: number) => void;
};

/**
 * Writes a validated whole network (binary placement) into an empty network, in one transaction:
 * nothing is written unless all of it is. Ids are reserved from the sequence in file order; rows
 * without a placement take the first free leg under their sponsor (breadth-first).
 *
 * Built for 1M rows (DESIGN.md: imported, validated and indexed in ≤ 60 s; docs/benchmarks.md has
 * the measured steps): the secondary indexes and the tables' foreign keys are dropped inside the
 * transaction and built again after COPY (`deferIndexes`); both trees are worked out in memory
 * (`importTrees`); rows go in with binary COPY; the tree tables are truncated first so that COPY
 * FREEZE writes them frozen and all-visible (a downline page's index-only scan needs no VACUUM
 * after the import); their rows are encoded while the server builds consultants' indexes; all is
 * analysed before commit. The tables are locked for the duration (see deferIndexes), and the
 * encoded tree rows (~0.6 GB at 1M) are held in memory until copied.
 * Attaching a file under an existing network is not supported: refused before writing.
 */
export async function writeImport(sql: postgres.Sql, rows: ImportRows, order: Int32Array, options: WriteImportOptions = {}) {
  const onPhase = options.onPhase ?? (() => {});
  const step = async <T>(name: string, work: () => Promise<T>) => {
    const started = performance.now();
    const value = await work();
    onPhase(name, performance.now() - started);
    return value;
  };
  return sql.begin(async (tx) => {
    const { first, trees, nameKey, deferred } = await step("prepare", async () => {
      // Index builds sort in memory up to maintenance_work_mem, foreign-key checks hash-join in
      // work_mem (at 4MB they spill to disk); a lock the import cannot get soon (someone reading
      // consultants in a long transaction) fails it instead of queueing everyone behind it.
      await tx`select set_config('maintenance_work_mem', '1GB', true), set_config('work_mem', '256MB', true), set_config('lock_timeout', '15s', true)`;
      await tx.unsafe(`lock table ${TABLES.join(", ")} in access exclusive mode`);
      const [{ n }] = (await tx`select count(*)::int as n from consultants`) as unknown as [{ n: number }];
      if (n > 0) throw new Error("the database already has consultants: import a whole network into an empty one");
      const deferred = await deferIndexes(tx, TABLES);
      // Empty (consultants is, and both reference it); truncated in this transaction so COPY may FREEZE.
      await tx`truncate genealogy, placement_tree`;
      return { first: await reserveIds(tx, rows.count), trees: importTrees(rows, order), nameKey: await nameKeyWriter(tx, rows.name), deferred };
    });

    // Rows go in id (= file) order, so the primary keys are appended to, not inserted into.
    const consultantColumns = "id, code, full_name, email, document_type, document_number, sponsor_id, placement_parent_id, placement_slot, country, state, city, joined_at, status";
    await step("copy consultants", () =>
      copyBinary(tx, `consultants (${consultantColumns})`, {}, binaryChunks(rows.count, (out, r) => {
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
      })),
    );

    // While the server builds consultants' indexes (the trigram one first, on one core), the tree
    // tables' rows are encoded here, so that their COPY is the server's work alone.
    const building = deferred.buildIndexes("consultants", onPhase);
    building.catch(() => {}); // (awaited below; a failure must not go unhandled meanwhile)
    const idOf = (r: number) => first + r;
    const genealogyChunks = await step("encode genealogy", () => {
      const path = new PathBytes(trees.sponsorOrder, rows.sponsor, trees.sponsorDepth, idOf);
      return encodeAhead(rows.count, (out, r) => {
        out.row(7);
        out.int8(first + r);
        out.bytes(path.length[r]!, (buf, at) => path.write(r, buf, at));
        out.int4(trees.sponsorDepth[r]!);
        out.int4(trees.downlineSize[r]!);
        out.text(rows.status[r]!);
        const name = rows.name[r]!;
        out.bytes(name.length * nameKey.maxBytesPerChar, (buf, at) => nameKey.write(name, buf, at));
        out.date(dateDays(rows.joinedAt[r]!));
      });
    });
    const placementChunks = await step("encode placement_tree", () => {
      const path = new PathBytes(trees.placementOrder, trees.placementParent, trees.placementDepth, idOf);
      return encodeAhead(rows.count, (out, r) => {
        if (trees.placementDepth[r]! < 0) return;
        out.row(4);
        out.int8(first + r);
        out.bytes(path.length[r]!, (buf, at) => path.write(r, buf, at));
        out.int4(trees.placementDepth[r]!);
        out.int4(trees.placementSize[r]!);
      });
    });
    await building;

    await step("copy genealogy", () => copyBinary(tx, "genealogy (consultant_id, sponsor_path, sponsor_depth, downline_size, status, name_key, joined_at)", { freeze: true }, drain(genealogyChunks)));
    await step("copy placement_tree", () => copyBinary(tx, "placement_tree (consultant_id, path, depth, size)", { freeze: true }, drain(placementChunks)));
    await deferred.buildIndexes("genealogy", onPhase);
    await deferred.buildIndexes("placement_tree", onPhase);
    await deferred.addForeignKeys(onPhase);
    await step("analyze", async () => {
      await tx.unsafe(`analyze ${TABLES.join(", ")}`);
      await tx`insert into audit_log (action, entity_type, entity_id, after) values ('network.import', 'network', 'all', ${JSON.stringify({ rows: rows.count })}::jsonb)`;
    });
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

/** The chunks, each let go as soon as it is handed on (0.3 GB need not wait for the last one). */
function* drain(chunks: Buffer[]) {
  for (let k = 0; k < chunks.length; k++) {
    const chunk = chunks[k]!;
    chunks[k] = EMPTY;
    yield chunk;
  }
}
const EMPTY = Buffer.alloc(0);
