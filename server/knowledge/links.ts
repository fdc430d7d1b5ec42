import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { faqArticles, incidentFaqs, incidents } from "@/db/schema";
import { recordAudit } from "../audit/record";
import { AppError } from "../errors";
import type { Locale } from "../i18n/locales";
import { readerTitle, rowConfig } from "./articles";
import { searchWords } from "./search-query";

async function requireIncident(db: DbOrTx, incidentId: number) {
  const [row] = await db.select({ id: incidents.id }).from(incidents).where(eq(incidents.id, incidentId));
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
}

/** The FAQs linked to an incident, titled in the reader's locale. */
export async function linkedArticles(db: DbOrTx, incidentId: number, locale: Locale) {
  await requireIncident(db, incidentId);
  return db
    .select({ id: faqArticles.id, slug: faqArticles.slug, published: faqArticles.published, title: readerTitle(locale), linkedAt: incidentFaqs.linkedAt })
    .from(incidentFaqs)
    .innerJoin(faqArticles, eq(faqArticles.id, incidentFaqs.articleId))
    .where(eq(incidentFaqs.incidentId, incidentId))
    .orderBy(incidentFaqs.linkedAt);
}

/** Articles staff may link (drafts too: an internal answer is still an answer), not yet linked. */
export async function linkCandidates(db: DbOrTx, incidentId: number, q: string, locale: Locale) {
  const words = searchWords(q);
  const match = words.length
    ? sql`exists (select 1 from faq_article_translations t where t.article_id = "faq_articles"."id" and t.search @@ to_tsquery(${rowConfig("t.locale")}, immutable_unaccent(${words.map((w) => `${w}:*`).join(" & ")})))`
    : sql`true`;
  return db
    .select({ id: faqArticles.id, slug: faqArticles.slug, published: faqArticles.published, title: readerTitle(locale) })
    .from(faqArticles)
    .where(and(match, sql`not exists (select 1 from ${incidentFaqs} l where l.incident_id = ${incidentId} and l.article_id = "faq_articles"."id")`))
    .orderBy(faqArticles.position, faqArticles.id)
    .limit(10);
}

export async function linkArticle(db: DbOrTx, incidentId: number, articleId: number, actorUserId: string) {
  await requireIncident(db, incidentId);
  const [article] = await db.select({ id: faqArticles.id }).from(faqArticles).where(eq(faqArticles.id, articleId));
  if (!article) throw new AppError("NOT_FOUND", "errors.notFound");
  const inserted = await db.insert(incidentFaqs).values({ incidentId, articleId, linkedBy: actorUserId }).onConflictDoNothing().returning();
  if (inserted.length) await recordAudit(db, { actorUserId, action: "knowledge.link", entityType: "incident", entityId: incidentId, after: { articleId } });
  return { linked: inserted.length > 0 };
}

export async function unlinkArticle(db: DbOrTx, incidentId: number, articleId: number, actorUserId: string) {
  const removed = await db
    .delete(incidentFaqs)
    .where(and(eq(incidentFaqs.incidentId, incidentId), eq(incidentFaqs.articleId, articleId)))
    .returning();
  if (!removed.length) throw new AppError("NOT_FOUND", "errors.notFound");
  await recordAudit(db, { actorUserId, action: "knowledge.unlink", entityType: "incident", entityId: incidentId, before: { articleId } });
  return { unlinked: true };
}
