import type postgres from "postgres";

/**
 * `genealogy.name_key` for many names at once, equal to SQL's `immutable_unaccent(lower(name))`
 * (what the sync trigger and single inserts store) without a million calls of it: both functions
 * act one character at a time, so the database is asked once per distinct character of the file
 * (a few hundred) and the keys are put together here, by the function returned (for the names
 * given, or any made of the same characters).
 *
 * Per name, the cheapest form that is exact for all its characters: `toLowerCase()` when the
 * database folds each of them like that (plain letters), else `toLowerCase()` + dropping combining
 * marks (accented Latin letters: "É" → "e"), else character by character from the map ("ø", "ß",
 * "Œ" and the like, which unaccent spells out and decomposition does not).
 */
export async function nameKeyFolder(sql: postgres.Sql | postgres.TransactionSql, names: readonly string[]): Promise<(name: string) => string> {
  const seen = new Uint8Array(0x10000);
  let astral = false; // characters beyond the BMP (surrogate pairs): rare, always mapped one by one
  for (const name of names) {
    for (let i = 0; i < name.length; i++) seen[name.charCodeAt(i)] = 1;
  }
  const chars: string[] = [];
  for (let c = 0; c < 0x10000; c++) {
    if (!seen[c]) continue;
    if (c >= 0xd800 && c <= 0xdfff) astral = true;
    else chars.push(String.fromCharCode(c));
  }
  if (astral) for (const name of names) for (const c of name) if (c.length > 1) chars.push(c);
  const mapped = await sql<{ c: string; k: string }[]>`select c, immutable_unaccent(lower(c)) as k from unnest(${[...new Set(chars)]}::text[]) as c`;
  const key = new Map(mapped.map((m) => [m.c, m.k]));

  const LOWER = 1, STRIP = 2; // per BMP character: which fast form gives the database's answer
  const form = new Uint8Array(0x10000);
  for (const [c, k] of key) {
    if (c.length > 1) continue;
    const lower = c.toLowerCase();
    form[c.charCodeAt(0)] = lower === k ? LOWER | STRIP : stripMarks(lower) === k ? STRIP : 0;
  }
  form[0x3a3] = 0; // "Σ": a whole-string toLowerCase() writes a final sigma, one character at a time does not
  return (name) => {
    let all = LOWER | STRIP;
    for (let i = 0; i < name.length && all; i++) all &= form[name.charCodeAt(i)]!;
    if (all & LOWER) return name.toLowerCase();
    if (all & STRIP) return stripMarks(name.toLowerCase());
    let out = "";
    for (const c of name) out += key.get(c) ?? c;
    return out;
  };
}

const stripMarks = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
