import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { Localised } from "@/db/schema/commerce";
import { localised } from "../commerce/localised";
import type { Locale } from "../i18n/locales";
import { rowConfig } from "./articles";
import { searchWords } from "./search-query";

/**
 * Reading the knowledge base as the public does: published articles only, each in the reader's
 * locale or else in pt-BR. The lateral join picks that one version per article; the search then
 * matches it with its own language's stemming.
 */
export type PublicArticle = { id: number; slug: string; categoryId: number; title: string; body: string; locale: Locale };

const versionJoin = (locale: Locale) => sql`
  join lateral (
    select t.locale, t.title, t.body, t.search from faq_article_translations t
    where t.article_id = a.id and t.locale in (${locale}, 'pt-BR')
    order by (t.locale = ${locale}) desc limit 1
  ) v on true`;

/** Matching published articles, best first. `all` = every word must match (a search box). */
export async function searchPublished(db: DbOrTx, q: string, locale: Locale, opts: { limit: number; all: boolean }): Promise<(PublicArticle & { rank: number })[]> {
  const words = searchWords(q);
  if (!words.length) return [];
  const text = words.map((w) => `${w}:*`).join(opts.all ? " & " : " | ");
  const rows = await db.execute(sql`
    select a.id, a.slug, a.category_id as "categoryId", v.title, v.body, v.locale,
      ts_rank(v.search, q.query) as rank
    from faq_articles a ${versionJoin(locale)}
    cross join lateral (select to_tsquery(${rowConfig("v.locale")}, immutable_unaccent(${text})) as query) q
    where a.published and v.search @@ q.query
    order by rank desc, a.position, a.id
    limit ${opts.limit}`);
  return rows as unknown as (PublicArticle & { rank: number })[];
}

/** An excerpt for a suggestion list: the start of the answer, cut at a word. */
export function excerpt(body: string, max = 240) {
  const flat = body.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max - 40))}…`;
}

/** Suggestions for a subject being typed: at most `limit`, nothing for under 3 letters. */
export async function suggestArticles(db: DbOrTx, q: string, locale: Locale, limit: number) {
  if (q.trim().length < 3) return [];
  const found = await searchPublished(db, q, locale, { limit, all: false });
  return found.map((a) => ({ id: a.id, slug: a.slug, title: a.title, excerpt: excerpt(a.body), locale: a.locale }));
}

/** The public FAQ's index: categories with their published articles' titles. */
export async function publicIndex(db: DbOrTx, locale: Locale) {
  const rows = (await db.execute(sql`
    select c.id as "categoryId", c.slug as "categorySlug", c.name as "categoryName", a.id, a.slug, v.title
    from faq_categories c
    join faq_articles a on a.category_id = c.id and a.published
    ${versionJoin(locale)}
    order by c.position, c.id, a.position, a.id`)) as unknown as { categoryId: number; categorySlug: string; categoryName: Localised; id: number; slug: string; title: string }[];
  const categories: { id: number; slug: string; name: string; articles: { id: number; slug: string; title: string }[] }[] = [];
  for (const r of rows) {
    let c = categories.at(-1);
    if (!c || c.id !== r.categoryId) categories.push((c = { id: r.categoryId, slug: r.categorySlug, name: localised(r.categoryName, locale), articles: [] }));
    c.articles.push({ id: r.id, slug: r.slug, title: r.title });
  }
  return categories;
}

/** One published article by its address, in the reader's locale (else pt-BR); null if none. */
export async function publicArticle(db: DbOrTx, slug: string, locale: Locale) {
  const rows = (await db.execute(sql`
    select a.id, a.slug, a.category_id as "categoryId", v.title, v.body, v.locale, c.name as "categoryName", a.updated_at as "updatedAt"
    from faq_articles a ${versionJoin(locale)}
    join faq_categories c on c.id = a.category_id
    where a.published and a.slug = ${slug}`)) as unknown as (PublicArticle & { categoryName: Localised; updatedAt: string })[];
  const row = rows[0];
  return row ? { ...row, categoryName: localised(row.categoryName, locale) } : null;
}
