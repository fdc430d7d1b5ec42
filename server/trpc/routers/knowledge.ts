import { createArticle, deleteArticle, getArticle, listArticles, setArticlePublished, updateArticle } from "../../knowledge/articles";
import { createCategory, deleteCategory, listCategories, updateCategory } from "../../knowledge/categories";
import { linkArticle, linkCandidates, linkedArticles, unlinkArticle } from "../../knowledge/links";
import { suggestArticles } from "../../knowledge/public";
import {
  articleFormSchema,
  articleIdSchema,
  categoryFormSchema,
  categoryIdSchema,
  incidentIdSchema,
  incidentLinkSchema,
  linkSearchSchema,
  listArticlesSchema,
  setPublishedSchema,
  suggestSchema,
  updateArticleSchema,
  updateCategorySchema,
} from "../../knowledge/schemas";
import { publicProcedure, router, withPermission } from "../init";

/** The knowledge base is run by the service desk: the same permission as incidents. */
const staff = withPermission("incidents.manage");

export const knowledgeRouter = router({
  list: staff.input(listArticlesSchema).query(({ ctx, input }) => listArticles(ctx.db, input)),
  get: staff.input(articleIdSchema).query(({ ctx, input }) => getArticle(ctx.db, input.id)),
  create: staff.input(articleFormSchema).mutation(({ ctx, input }) => createArticle(ctx.db, input, ctx.user.id)),
  update: staff.input(updateArticleSchema).mutation(({ ctx, input }) => updateArticle(ctx.db, input, ctx.user.id)),
  setPublished: staff.input(setPublishedSchema).mutation(({ ctx, input }) => setArticlePublished(ctx.db, input.id, input.published, ctx.user.id)),
  delete: staff.input(articleIdSchema).mutation(({ ctx, input }) => deleteArticle(ctx.db, input.id, ctx.user.id)),

  categories: staff.query(({ ctx }) => listCategories(ctx.db)),
  createCategory: staff.input(categoryFormSchema).mutation(({ ctx, input }) => createCategory(ctx.db, input, ctx.user.id)),
  updateCategory: staff.input(updateCategorySchema).mutation(({ ctx, input }) => updateCategory(ctx.db, input, ctx.user.id)),
  deleteCategory: staff.input(categoryIdSchema).mutation(({ ctx, input }) => deleteCategory(ctx.db, input.id, ctx.user.id)),

  linked: staff.input(incidentIdSchema).query(({ ctx, input }) => linkedArticles(ctx.db, input.incidentId, ctx.locale)),
  linkCandidates: staff.input(linkSearchSchema).query(({ ctx, input }) => linkCandidates(ctx.db, input.incidentId, input.q, input.locale)),
  link: staff.input(incidentLinkSchema).mutation(({ ctx, input }) => linkArticle(ctx.db, input.incidentId, input.articleId, ctx.user.id)),
  unlink: staff.input(incidentLinkSchema).mutation(({ ctx, input }) => unlinkArticle(ctx.db, input.incidentId, input.articleId, ctx.user.id)),

  // Published articles only, a handful at most: what anyone typing a subject may be shown.
  suggest: publicProcedure.input(suggestSchema).query(({ ctx, input }) => suggestArticles(ctx.db, input.q, input.locale, input.limit)),
});
