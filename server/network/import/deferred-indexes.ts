import type postgres from "postgres";

type Tx = postgres.TransactionSql;

/**
 * For a bulk load inside the caller's transaction: drops the secondary indexes of `tables` and the
 * foreign keys going out of them, and gives back `restore`, which builds them again from their own
 * definitions (read from the catalog, so a migration that adds an index is covered without
 * touching this file). Building an index once over the loaded rows is several times cheaper than
 * inserting a million rows into it one by one, and one anti-join checks a foreign key faster than a
 * million per-row checks (each of which also locks the referenced row).
 *
 * Primary keys and constraint-backed indexes stay: other tables' foreign keys depend on them, and a
 * load in key order appends to them cheaply. Unique indexes are rebuilt as unique, so a duplicate
 * fails the build and rolls the transaction back. Triggers are left alone: the ones on these tables
 * fire on UPDATE only (genealogy_sync), not on COPY.
 *
 * DROP INDEX takes an ACCESS EXCLUSIVE lock, held to commit: readers of these tables wait for the
 * load. The writer only loads into an empty network, so there is nothing for them to read yet.
 */
export async function deferIndexes(tx: Tx, tables: readonly string[]) {
  // Per table, GIN and the like before btrees: they build on one core (btrees use parallel
  // workers), which leaves the other free for whatever the caller does meanwhile.
  const indexes = await tx<{ table: string; name: string; def: string }[]>`
    select i.indrelid::regclass::text as table, i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
      from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
     where i.indrelid = any(${tables.map((t) => `public.${t}`)}::regclass[])
       and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid and k.conrelid = i.indrelid and k.contype in ('p', 'u', 'x'))
     order by a.amname = 'btree', i.indexrelid`;
  const foreignKeys = await tx<{ table: string; name: string; def: string }[]>`
    select k.conrelid::regclass::text as table, k.conname as name, pg_get_constraintdef(k.oid) as def
      from pg_constraint k
     where k.contype = 'f' and k.conrelid = any(${tables.map((t) => `public.${t}`)}::regclass[])
     order by k.oid`;
  for (const k of foreignKeys) await tx.unsafe(`alter table ${k.table} drop constraint ${quoteIdent(k.name)}`);
  for (const i of indexes) await tx.unsafe(`drop index ${i.name}`);

  const timed = async (step: string, statement: string, onStep: (step: string, ms: number) => void) => {
    const started = performance.now();
    await tx.unsafe(statement);
    onStep(step, performance.now() - started);
  };
  return {
    indexes: indexes.map((i) => i.name),
    foreignKeys: foreignKeys.map((k) => k.name),
    /** Builds the indexes of `table` again. */
    async buildIndexes(table: string, onStep: (step: string, ms: number) => void = () => {}) {
      for (const i of indexes) if (i.table === table) await timed(`index ${i.name}`, i.def, onStep);
    },
    /** Adds every foreign key back, each checked over all rows: after the indexes, which the checks use. */
    async addForeignKeys(onStep: (step: string, ms: number) => void = () => {}) {
      for (const k of foreignKeys) await timed(`foreign key ${k.name}`, `alter table ${k.table} add constraint ${quoteIdent(k.name)} ${k.def}`, onStep);
    },
  };
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
