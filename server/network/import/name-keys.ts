import type postgres from "postgres";

/**
 * `genealogy.name_key` for many names at once, equal to SQL's `immutable_unaccent(lower(name))`
 * (what the sync trigger and single inserts store) without a million calls of it: both functions
 * act one character at a time, so the database is asked once per distinct character of the file
 * (a few hundred), and each key is put together from those answers as UTF-8 bytes, straight into
 * the caller's buffer (1M keys: 0.2 s; as strings through toLowerCase/normalize, 2.8 s).
 *
 * Returns the most bytes one character can become, and `write(name, buf, at)`, which writes the
 * key and returns its length in bytes (room needed: name.length × maxBytesPerChar).
 */
export async function nameKeyWriter(sql: postgres.Sql | postgres.TransactionSql, names: readonly string[]) {
  const seen = new Uint8Array(0x10000);
  for (const name of names) for (let i = 0; i < name.length; i++) seen[name.charCodeAt(i)] = 1;
  const chars: string[] = [];
  let astral = false; // characters beyond the BMP (surrogate pairs): rare, looked up as whole code points
  for (let c = 0; c < 0x10000; c++) {
    if (!seen[c]) continue;
    if (c >= 0xd800 && c <= 0xdfff) astral = true;
    else chars.push(String.fromCharCode(c));
  }
  if (astral) for (const name of names) for (const c of name) if (c.length > 1) chars.push(c);
  const mapped = await sql<{ c: string; k: string }[]>`select c, immutable_unaccent(lower(c)) as k from unnest(${[...new Set(chars)]}::text[]) as c`;

  // Per BMP character, its key as UTF-8: one byte in `single` when the key is one ASCII byte, else
  // in `multi`. Astral characters (emoji…) go through `astralKey`.
  const single = new Int16Array(0x10000).fill(-1);
  const multi = new Map<number, Buffer>();
  const astralKey = new Map<string, Buffer>();
  let maxBytesPerChar = 3;
  for (const { c, k } of mapped) {
    const bytes = Buffer.from(k, "utf8");
    maxBytesPerChar = Math.max(maxBytesPerChar, bytes.length);
    if (c.length > 1) astralKey.set(c, bytes);
    else if (bytes.length === 1) single[c.charCodeAt(0)] = bytes[0]!;
    else multi.set(c.charCodeAt(0), bytes);
  }
  return {
    maxBytesPerChar,
    write(name: string, buf: Buffer, at: number): number {
      let o = at;
      for (let i = 0; i < name.length; i++) {
        const c = name.charCodeAt(i), b = single[c]!;
        if (b >= 0) {
          buf[o++] = b;
          continue;
        }
        let bytes = multi.get(c);
        if (!bytes && c >= 0xd800 && c <= 0xdbff) bytes = astralKey.get(name.slice(i, ++i + 1)); // (the pair's second half skipped)
        if (!bytes) throw new Error(`no name key for character U+${c.toString(16)} of ${JSON.stringify(name)}`);
        o += bytes.copy(buf, o);
      }
      return o - at;
    },
  };
}
