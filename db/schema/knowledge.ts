import { sql } from "drizzle-orm";
import { bigint, boolean, check, customType, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import type { Localised } from "./commerce";
import { locale } from "./enums";
import { incidents } from "./incidents";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** FAQ categories: a name per locale (pt-BR required), ordered by `position`. */
export const faqCategories = pgTable(
  "faq_categories",
  {
    id: serial().primaryKey(),
    slug: text().notNull(),
    name: jsonb().$type<Localised>().notNull(),
    position: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("faq_categories_slug_key").on(t.slug), check("faq_categories_slug_shape", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)],
);

/**
 * One article, written in one or more locales (faq_article_translations). Published is per
 * article: an article is shown in the reader's locale, or in pt-BR when it has no such version.
 */
export const faqArticles = pgTable(
  "faq_articles",
  {
    id: serial().primaryKey(),
    categoryId: integer()
      .notNull()
      .references(() => faqCategories.id, { onDelete: "restrict" }),
    slug: text().notNull(),
    published: boolean().notNull().default(false),
    position: integer().notNull().default(0),
    createdBy: uuid().references(() => users.id),
    updatedBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("faq_articles_slug_key").on(t.slug),
    index("faq_articles_category_idx").on(t.categoryId, t.position),
    check("faq_articles_slug_shape", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
  ],
);

/**
 * A locale's version of an article. `search` is the article's words for Postgres full-text
 * search, stemmed by the locale's language and with accents folded (immutable_unaccent, from the
 * network migration), so "cadastro" finds "Cadástro" and "senhas" finds "senha".
 */
export const faqArticleTranslations = pgTable(
  "faq_article_translations",
  {
    articleId: integer()
      .notNull()
      .references(() => faqArticles.id, { onDelete: "cascade" }),
    locale: locale().notNull(),
    title: text().notNull(),
    body: text().notNull(),
    search: tsvector()
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector(CASE "locale" WHEN 'es' THEN 'spanish'::regconfig WHEN 'en' THEN 'english'::regconfig ELSE 'portuguese'::regconfig END, immutable_unaccent("title")), 'A') || setweight(to_tsvector(CASE "locale" WHEN 'es' THEN 'spanish'::regconfig WHEN 'en' THEN 'english'::regconfig ELSE 'portuguese'::regconfig END, immutable_unaccent("body")), 'B')`,
      ),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.locale] }),
    index("faq_article_translations_search_idx").using("gin", t.search),
    check("faq_article_translations_title_len", sql`char_length(${t.title}) between 3 and 200`),
    check("faq_article_translations_body_len", sql`char_length(${t.body}) between 10 and 20000`),
  ],
);

/** FAQs linked to an incident by staff (the answer given, or the article that covers the case). */
export const incidentFaqs = pgTable(
  "incident_faqs",
  {
    incidentId: bigint({ mode: "number" })
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    articleId: integer()
      .notNull()
      .references(() => faqArticles.id, { onDelete: "cascade" }),
    linkedBy: uuid().references(() => users.id),
    linkedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.articleId] }), index("incident_faqs_article_idx").on(t.articleId)],
);

export type FaqArticle = typeof faqArticles.$inferSelect;
export type FaqCategory = typeof faqCategories.$inferSelect;
