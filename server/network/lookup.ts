import { and, asc, eq, lt, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { consultants, genealogy } from "@/db/schema";
import { normaliseDocument } from "./documents";
import { likeEscape, unaccentLower } from "./tree/queries";
import { subtreeEnd } from "./tree/path";

/**
 * One search box: internal code (exact), document number (any type, normalised), or name
 * (accent- and case-insensitive, partial; trigram index). `withinPath` limits the search to a
 * consultant's own downline and self.
 */
export async function lookupConsultants(db: DbOrTx, input: { q: string; limit: number; withinPath?: string }) {
  const q = input.q.trim();
  if (!q) return [];
  const scope: SQL[] = input.withinPath
    ? [sql`${genealogy.sponsorPath} >= ${input.withinPath}`, lt(genealogy.sponsorPath, subtreeEnd(input.withinPath))]
    : [];
  // Stored documents are normalised (separators gone, upper case): search the same form.
  const digits = normaliseDocument("OTHER", q);
  const exact: SQL[] = [eq(sql`upper(${consultants.code})`, q.toUpperCase())];
  if (digits.length >= 4) exact.push(eq(consultants.documentNumber, digits));
  const name = unaccentLower(q);
  const byName = name.length >= 2 ? sql`immutable_unaccent(lower(${consultants.fullName})) like ${`%${likeEscape(name)}%`}` : undefined;
  const rows = await db
    .select({
      id: consultants.id,
      code: consultants.code,
      fullName: consultants.fullName,
      documentType: consultants.documentType,
      documentNumber: consultants.documentNumber,
      status: consultants.status,
      email: consultants.email,
      exact: sql<boolean>`(${or(...exact)})`,
    })
    .from(consultants)
    .innerJoin(genealogy, eq(genealogy.consultantId, consultants.id))
    .where(and(or(...exact, ...(byName ? [byName] : [])), ...scope))
    .orderBy(sql`(${or(...exact)}) desc`, asc(consultants.fullName), asc(consultants.id))
    .limit(input.limit);
  return rows;
}

