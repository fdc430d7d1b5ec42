import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { faqArticles, faqArticleTranslations, faqCategories } from "@/db/schema";
import { recordAudit } from "../audit/record";
import { AppError, uniqueViolation } from "../errors";
import { LOCALES, type Locale } from "../i18n/locales";
import { offsetOf } from "../pagination";
import { containsPattern } from "../text-search";
import type { ArticleForm, listArticlesSchema, updateArticleSchema } from "./schemas";
import { searchWords } from "./search-query";

/** The search configuration of a translation row's own locale, for matching in SQL. */
export const rowConfig = (localeCol: SQL | string) =>
  sql`(CASE ${typeof localeCol === "string" ? sql.raw(localeCol) : localeCol} WHEN 'es' THEN 'spanish'::regconfig WHEN 'en' THEN 'english'::regconfig ELSE 'portuguese'::regconfig END)`;

/** The translation a reader of `locale` gets: theirs, else pt-BR. */
export const readerTitle = (locale: Locale) =>
  sql<string>`(select t.title from ${faqArticleTranslations} t where t.article_id = "faq_articles"."id" and t.locale in (${locale}, 'pt-BR') order by (t.locale = ${locale}) desc limit 1)`;

/** Staff's list: any locale's title or words match, by category and status, paginated. */
export async function listArticles(db: DbOrTx, input: z.output<typeof listArticlesSchema>) {
  const where: SQL[] = [];
  if (input.q) {
    const words = searchWords(input.q);
    const pattern = containsPattern(input.q);
    const fts = words.length
      ? sql`t.search @@ to_tsquery(${rowConfig("t.locale")}, immutable_unaccent(${words.map((w) => `${w}:*`).join(" & ")}))`
      : sql`false`;
    where.push(
      sql`(${faqArticles.slug} ilike ${pattern} or exists (select 1 from ${faqArticleTranslations} t where t.article_id = "faq_articles"."id" and (t.title ilike ${pattern} or ${fts})))`,
    );
  }
  if (input.categoryId) where.push(eq(faqArticles.categoryId, input.categoryId));
  if (input.status !== "all") where.push(eq(faqArticles.published, input.status === "published"));
  const filter = where.length ? and(...where) : undefined;
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: faqArticles.id,
        slug: faqArticles.slug,
        published: faqArticles.published,
        updatedAt: faqArticles.updatedAt,
        categoryId: faqArticles.categoryId,
        categoryName: faqCategories.name,
        title: readerTitle(input.locale),
        locales: sql<Locale[]>`(select array_agg(t.locale::text order by t.locale) from ${faqArticleTranslations} t where t.article_id = "faq_articles"."id")`,
      })
      .from(faqArticles)
      .innerJoin(faqCategories, eq(faqCategories.id, faqArticles.categoryId))
      .where(filter)
      .orderBy(faqCategories.position, faqArticles.position, faqArticles.id)
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    db.select({ n: sql<number>`count(*)::int` }).from(faqArticles).where(filter),
  ]);
  return { rows, total: count?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

export async function getArticle(db: DbOrTx, articleId: number) {
  const [article] = await db.select().from(faqArticles).where(eq(faqArticles.id, articleId));
  if (!article) throw new AppError("NOT_FOUND", "errors.notFound");
  const versions = await db
    .select({ locale: faqArticleTranslations.locale, title: faqArticleTranslations.title, body: faqArticleTranslations.body })
    .from(faqArticleTranslations)
    .where(eq(faqArticleTranslations.articleId, articleId));
  const translations = Object.fromEntries(LOCALES.map((l) => [l, { title: "", body: "" }])) as Record<Locale, { title: string; body: string }>;
  for (const v of versions) translations[v.locale] = { title: v.title, body: v.body };
  return { ...article, translations };
}

async function guarded<T>(work: () => Promise<T>) {
  try {
    return await work();
  } catch (error) {
    const violated = uniqueViolation(error);
    if (violated === "faq_articles_slug_key") throw new AppError("CONFLICT", "knowledge.errors.slugTaken", {}, "slug");
    const fk = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
    if (fk === "23503") throw new AppError("BAD_REQUEST", "knowledge.errors.categoryMissing", {}, "categoryId");
    throw error;
  }
}

async function writeTranslations(tx: DbOrTx, articleId: number, input: ArticleForm) {
  const present = LOCALES.filter((l) => input.translations[l].title || input.translations[l].body);
  const absent = LOCALES.filter((l) => !present.includes(l));
  if (absent.length) await tx.delete(faqArticleTranslations).where(and(eq(faqArticleTranslations.articleId, articleId), inArray(faqArticleTranslations.locale, absent)));
  for (const l of present) {
    const { title, body } = input.translations[l];
    await tx
      .insert(faqArticleTranslations)
      .values({ articleId, locale: l, title, body })
      .onConflictDoUpdate({ target: [faqArticleTranslations.articleId, faqArticleTranslations.locale], set: { title, body, updatedAt: new Date() } });
  }
}

export async function createArticle(db: Db, input: ArticleForm, actorUserId: string) {
  return guarded(() =>
    db.transaction(async (tx) => {
      const [row] = await tx
        .insert(faqArticles)
        .values({ categoryId: input.categoryId, slug: input.slug, published: input.published, position: input.position, createdBy: actorUserId, updatedBy: actorUserId })
        .returning();
      await writeTranslations(tx, row!.id, input);
      await recordAudit(tx, { actorUserId, action: "knowledge.article.create", entityType: "faq_article", entityId: row!.id, after: input });
      return { id: row!.id };
    }),
  );
}

export async function updateArticle(db: Db, input: z.output<typeof updateArticleSchema>, actorUserId: string) {
  return guarded(() =>
    db.transaction(async (tx) => {
      const before = await getArticle(tx, input.id);
      await tx
        .update(faqArticles)
        .set({ categoryId: input.categoryId, slug: input.slug, published: input.published, position: input.position, updatedBy: actorUserId, updatedAt: new Date() })
        .where(eq(faqArticles.id, input.id));
      await writeTranslations(tx, input.id, input);
      await recordAudit(tx, { actorUserId, action: "knowledge.article.update", entityType: "faq_article", entityId: input.id, before, after: input });
      return { id: input.id };
    }),
  );
}

export async function setArticlePublished(db: DbOrTx, articleId: number, published: boolean, actorUserId: string) {
  const [row] = await db
    .update(faqArticles)
    .set({ published, updatedBy: actorUserId, updatedAt: new Date() })
    .where(eq(faqArticles.id, articleId))
    .returning({ id: faqArticles.id, published: faqArticles.published });
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
  await recordAudit(db, { actorUserId, action: published ? "knowledge.article.publish" : "knowledge.article.unpublish", entityType: "faq_article", entityId: articleId });
  return row;
}

/** Deleting also unlinks it from incidents (cascade); the audit keeps what it said. */
export async function deleteArticle(db: Db, articleId: number, actorUserId: string) {
  return db.transaction(async (tx) => {
    const before = await getArticle(tx, articleId);
    await tx.delete(faqArticles).where(eq(faqArticles.id, articleId));
    await recordAudit(tx, { actorUserId, action: "knowledge.article.delete", entityType: "faq_article", entityId: articleId, before });
    return { id: articleId };
  });
}
