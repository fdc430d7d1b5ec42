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
  const indexes = await tx<{ name: string; def: string }[]>`
    select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
      from pg_index i
     where i.indrelid = any(${tables.map((t) => `public.${t}`)}::regclass[])
       and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid and k.conrelid = i.indrelid and k.contype in ('p', 'u', 'x'))
     order by i.indexrelid`;
  const foreignKeys = await tx<{ table: string; name: string; def: string }[]>`
    select k.conrelid::regclass::text as table, k.conname as name, pg_get_constraintdef(k.oid) as def
      from pg_constraint k
     where k.contype = 'f' and k.conrelid = any(${tables.map((t) => `public.${t}`)}::regclass[])
     order by k.oid`;
  for (const k of foreignKeys) await tx.unsafe(`alter table ${k.table} drop constraint ${quoteIdent(k.name)}`);
  for (const i of indexes) await tx.unsafe(`drop index ${i.name}`);

  return {
    indexes: indexes.map((i) => i.name),
    foreignKeys: foreignKeys.map((k) => k.name),
    /** Builds every index, then adds every foreign key back (each checked over all rows). */
    async restore(onStep: (step: string, ms: number) => void = () => {}) {
      for (const i of indexes) {
        const started = performance.now();
        await tx.unsafe(i.def);
        onStep(`index ${i.name}`, performance.now() - started);
      }
      for (const k of foreignKeys) {
        const started = performance.now();
        await tx.unsafe(`alter table ${k.table} add constraint ${quoteIdent(k.name)} ${k.def}`);
        onStep(`foreign key ${k.name}`, performance.now() - started);
      }
    },
  };
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
