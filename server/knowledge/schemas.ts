import { z } from "zod";
import { LOCALES } from "../i18n/locales";
import { pageInput } from "../pagination";

const id = z.number().int().positive();
const slug = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, { error: "errors.tooShort" })
  .max(80, { error: "errors.tooLong" })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "knowledge.errors.slug" });

/** A locale's version of an article; es/en may be left blank (readers then get pt-BR). */
const version = z.object({
  title: z.string().trim().max(200, { error: "errors.tooLong" }).default(""),
  body: z.string().trim().max(20_000, { error: "errors.tooLong" }).default(""),
});

/** pt-BR is required; another locale is either blank (no version) or complete. */
export const articleFormSchema = z
  .object({
    categoryId: id,
    slug,
    published: z.boolean().default(false),
    position: z.number().int().min(0).max(10_000).default(0),
    translations: z.object({ "pt-BR": version, es: version.default({ title: "", body: "" }), en: version.default({ title: "", body: "" }) }),
  })
  .superRefine((v, ctx) => {
    for (const loc of LOCALES) {
      const tr = v.translations[loc];
      const blank = !tr.title && !tr.body;
      if (blank && loc !== "pt-BR") continue;
      if (tr.title.length < 3) ctx.addIssue({ code: "custom", path: ["translations", loc, "title"], message: "knowledge.errors.titleLength" });
      if (tr.body.length < 10) ctx.addIssue({ code: "custom", path: ["translations", loc, "body"], message: "knowledge.errors.bodyLength" });
    }
  });
export type ArticleForm = z.output<typeof articleFormSchema>;

export const updateArticleSchema = z.object({ id }).and(articleFormSchema);
export const articleIdSchema = z.object({ id });
export const setPublishedSchema = z.object({ id, published: z.boolean() });

export const listArticlesSchema = pageInput.extend({
  q: z.string().trim().max(200, { error: "errors.tooLong" }).optional(),
  categoryId: id.optional(),
  status: z.enum(["all", "published", "draft"]).default("all"),
  locale: z.enum(LOCALES).default("pt-BR"),
});

const localisedName = z.object({
  "pt-BR": z.string().trim().min(2, { error: "errors.tooShort" }).max(80, { error: "errors.tooLong" }),
  es: z.string().trim().max(80, { error: "errors.tooLong" }).optional(),
  en: z.string().trim().max(80, { error: "errors.tooLong" }).optional(),
});
export const categoryFormSchema = z.object({ slug, name: localisedName, position: z.number().int().min(0).max(10_000).default(0) });
export const updateCategorySchema = z.object({ id }).and(categoryFormSchema);
export const categoryIdSchema = z.object({ id });

/** What someone is typing (a subject): bounded in length, and so is the answer. */
export const suggestSchema = z.object({
  q: z.string().max(200, { error: "errors.tooLong" }),
  locale: z.enum(LOCALES).default("pt-BR"),
  limit: z.number().int().min(1).max(8).default(5),
});

export const incidentLinkSchema = z.object({ incidentId: id, articleId: id });
export const incidentIdSchema = z.object({ incidentId: id });
export const linkSearchSchema = z.object({ incidentId: id, q: z.string().trim().max(200, { error: "errors.tooLong" }).default(""), locale: z.enum(LOCALES).default("pt-BR") });
