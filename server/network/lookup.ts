import { and, asc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { consultants, genealogy } from "@/db/schema";
import { normaliseDocument } from "./documents";
import { likeEscape } from "./tree/queries";
import { subtreeEnd } from "./tree/path";

/** Name matches looked at beyond the name-start ones: enough to fill any page, never the whole set. */
const NAME_CANDIDATES = 100;
/** Up to this many consultants, a scoped lookup reads the downline before the names. */
const SMALL_DOWNLINE = 5000;

/**
 * One search box: internal code (exact; codes are stored upper-case), document number (any type,
 * normalised), or name (accent- and case-insensitive, partial). `withinPath` limits the search to a
 * consultant's own downline and self.
 *
 * Names are compared folded, as `genealogy.name_key` stores them (`immutable_unaccent(lower(…))`),
 * and come in this order:
 * 1. names that start with the query, in name order: a range of the name-key btree, as cheap for
 *    "a" as for a whole name;
 * 2. when those do not fill the page, names that contain every word of the query, anywhere and in
 *    any order ("costa maria" finds "Maria Silva Costa"), a word of one or two letters at the
 *    start of a name word; those where every word starts a name word first, then in name order.
 *    A broad query ("silva": tens of thousands at 1M) is answered from the first NAME_CANDIDATES
 *    matches the trigram index yields rather than by sorting every match, which is what made a
 *    lookup take 0.1–4 s at 1M (docs/benchmarks.md).
 */
export async function lookupConsultants(db: DbOrTx, input: { q: string; limit: number; withinPath?: string }) {
  const q = input.q.trim().replace(/\s+/g, " ");
  if (!q) return [];
  const scope: SQL[] = input.withinPath
    ? [sql`${genealogy.sponsorPath} >= ${input.withinPath}`, lt(genealogy.sponsorPath, subtreeEnd(input.withinPath))]
    : [];
  const columns = {
    id: consultants.id,
    code: consultants.code,
    fullName: consultants.fullName,
    documentType: consultants.documentType,
    documentNumber: consultants.documentNumber,
    status: consultants.status,
    email: consultants.email,
  };
  const find = (match: SQL, limit: number) =>
    db
      .select(columns)
      .from(consultants)
      .innerJoin(genealogy, eq(genealogy.consultantId, consultants.id))
      .where(and(match, ...scope))
      .limit(limit);
  const startingWith = (key: string, smallDownline: boolean) => {
    const end = prefixEnd(key);
    // A range, not LIKE 'key%': a prepared statement may get a plan made for any parameter, and
    // such a plan for LIKE $1 walks the whole index (measured 260 ms at 1M).
    const inRange = (nameKey: typeof genealogy.nameKey) => and(gte(nameKey, key), ...(end === null ? [] : [lt(nameKey, end)]));
    if (smallDownline) {
      // Within a small downline, read the downline first: left to itself the planner walks every
      // name that starts so (thousands for a common first name) to find the few inside. The
      // LIMIT (above the downline's size plus self) keeps the planner from merging the subquery.
      const downline = db.select({ id: genealogy.consultantId, nameKey: genealogy.nameKey }).from(genealogy).where(and(...scope)).limit(SMALL_DOWNLINE + 1).as("downline");
      return db
        .select(columns)
        .from(downline)
        .innerJoin(consultants, eq(consultants.id, downline.id))
        .where(inRange(downline.nameKey as unknown as typeof genealogy.nameKey))
        .orderBy(asc(downline.nameKey), asc(downline.id))
        .limit(input.limit);
    }
    return db
      .select(columns)
      .from(genealogy)
      .innerJoin(consultants, eq(consultants.id, genealogy.consultantId))
      .where(and(inRange(genealogy.nameKey), ...scope))
      .orderBy(asc(genealogy.nameKey), asc(genealogy.consultantId))
      .limit(input.limit);
  };

  const document = normaliseDocument("OTHER", q);
  const simpleKey = foldName(q);
  const folded = simpleKey !== null ? Promise.resolve(simpleKey) : db.execute<{ key: string }>(sql`select immutable_unaccent(lower(${q})) as key`).then((rows) => rows[0]!.key.trim());
  const downlineSize = input.withinPath
    ? db.select({ n: genealogy.downlineSize }).from(genealogy).where(eq(genealogy.sponsorPath, input.withinPath)).then((rows) => rows[0]?.n ?? 0)
    : Promise.resolve(Infinity);
  const [byCode, byDocument, [key, starting]] = await Promise.all([
    find(eq(consultants.code, q.toUpperCase()), 1),
    document.length >= 4 ? find(eq(consultants.documentNumber, document), 5) : Promise.resolve([]),
    Promise.all([folded, downlineSize]).then(async ([key, size]) => [key, key ? await startingWith(key, size <= SMALL_DOWNLINE) : []] as const),
  ]);
  const containing = key && starting.length < input.limit ? await containingWords(key) : [];

  const seen = new Set<number>();
  const exact = [...byCode, ...byDocument].map((c) => ({ ...c, exact: true }));
  const named = [...starting, ...containing].map((c) => ({ ...c, exact: false }));
  return [...exact, ...named].filter((c) => !seen.has(c.id) && seen.add(c.id)).slice(0, input.limit);

  async function containingWords(key: string) {
    const words = key.split(" ").filter(Boolean);
    const nameExpr = sql`immutable_unaccent(lower(${consultants.fullName}))`; // the trigram index's expression
    const wordStart = (w: string) => `(^| )${w.replace(/[.^$|?*+()[\]{}\\]/g, "\\$&")}`;
    // A trigram needs three letters: a longer word is found anywhere; a shorter one must start a
    // name word, which the index also answers (pg_trgm pads word starts) when no longer word
    // narrows the search, and is otherwise checked on the candidates only.
    const long = words.filter((w) => w.length >= 3), short = words.filter((w) => w.length < 3);
    const indexed = long.length ? long.map((w) => sql`${nameExpr} like ${`%${likeEscape(w)}%`}`) : [sql`${nameExpr} ~ ${wordStart(short.shift()!)}`];
    // Names that start with the query may come back here too (deduplicated above): leaving them
    // out would make a common first name read all its matches to find a few others.
    const rows = await db
      .select({ ...columns, nameKey: genealogy.nameKey, atWordStarts: sql<boolean>`${and(...words.map((w) => sql`${genealogy.nameKey} ~ ${wordStart(w)}`))}` })
      .from(consultants)
      .innerJoin(genealogy, eq(genealogy.consultantId, consultants.id))
      .where(and(...indexed, ...short.map((w) => sql`${genealogy.nameKey} ~ ${wordStart(w)}`), ...scope))
      .limit(NAME_CANDIDATES);
    rows.sort((a, b) => Number(b.atWordStarts) - Number(a.atWordStarts) || (a.nameKey < b.nameKey ? -1 : a.nameKey > b.nameKey ? 1 : a.id - b.id));
    return rows.map(({ nameKey: _, atWordStarts: __, ...c }) => c);
  }
}

// Letters that JS folds exactly as the database does (tests/integration/network-lookup.test.ts
// checks each against SQL): printable ASCII, and the Latin-1 letters that decompose into a base
// letter and accents. Anything else ("ø", "ß", "æ", other scripts) is folded by SQL.
const LATIN1_ACCENTED = "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿ";
export const JS_FOLDED_CHARS = Array.from({ length: 95 }, (_, k) => String.fromCharCode(32 + k)).join("") + LATIN1_ACCENTED;
const SIMPLE = new RegExp(`^[ -~${LATIN1_ACCENTED}]*$`);

/** `immutable_unaccent(lower(text))` computed here for text made of JS_FOLDED_CHARS; else null. */
export function foldName(text: string): string | null {
  return SIMPLE.test(text) ? text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "") : null;
}

/**
 * The upper bound of the strings that start with `prefix` in byte order (COLLATE "C"): `prefix`
 * with its last character replaced by the next one; null when there is none (all U+10FFFF).
 */
export function prefixEnd(prefix: string): string | null {
  const chars = [...prefix];
  while (chars.length) {
    const last = chars.pop()!.codePointAt(0)!;
    // The next code point, skipping the surrogate range (not characters); past U+10FFFF, shorten.
    const next = last === 0xd7ff ? 0xe000 : last + 1;
    if (next <= 0x10ffff) return chars.join("") + String.fromCodePoint(next);
  }
  return null;
}
