import { and, asc, eq, lt, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { consultants, genealogy } from "@/db/schema";
import { normaliseDocument } from "./documents";
import { likeEscape, unaccentLower } from "./tree/queries";
import { subtreeEnd } from "./tree/path";

/**
 * One search box: internal code (exact; codes are stored upper-case), document number (any type, normalised), or name
 * (accent- and case-insensitive, partial; trigram index). `withinPath` limits the search to a
 * consultant's own downline and self.
 */
export async function lookupConsultants(db: DbOrTx, input: { q: string; limit: number; withinPath?: string }) {
  const q = input.q.trim();
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
      .orderBy(asc(consultants.fullName), asc(consultants.id))
      .limit(limit);
  // Three index lookups rather than one OR, which the planner can only answer with a full scan:
  // code (unique index), document number (btree), name (trigram GIN on the unaccented name).
  const document = normaliseDocument("OTHER", q);
  const name = unaccentLower(q);
  const [byCode, byDocument, byName] = await Promise.all([
    find(eq(consultants.code, q.toUpperCase()), 1),
    document.length >= 4 ? find(eq(consultants.documentNumber, document), 5) : Promise.resolve([]),
    name.length >= 2 ? find(sql`immutable_unaccent(lower(${consultants.fullName})) like ${`%${likeEscape(name)}%`}`, input.limit) : Promise.resolve([]),
  ]);
  const seen = new Set<number>();
  const exact = [...byCode, ...byDocument].map((c) => ({ ...c, exact: true }));
  return [...exact, ...byName.map((c) => ({ ...c, exact: false }))].filter((c) => !seen.has(c.id) && seen.add(c.id)).slice(0, input.limit);
}
