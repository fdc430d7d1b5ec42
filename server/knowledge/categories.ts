import { asc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { faqArticles, faqCategories } from "@/db/schema";
import { recordAudit } from "../audit/record";
import { AppError, uniqueViolation } from "../errors";
import type { categoryFormSchema, updateCategorySchema } from "./schemas";

/**
 * Every category with how many articles it has (and how many are published). The outer id is
 * written qualified: Drizzle renders a column unqualified here, which the subquery's own table would capture.
 */
export async function listCategories(db: DbOrTx) {
  return db
    .select({
      id: faqCategories.id,
      slug: faqCategories.slug,
      name: faqCategories.name,
      position: faqCategories.position,
      articles: sql<number>`(select count(*)::int from ${faqArticles} a where a.category_id = "faq_categories"."id")`,
      published: sql<number>`(select count(*)::int from ${faqArticles} a where a.category_id = "faq_categories"."id" and a.published)`,
    })
    .from(faqCategories)
    .orderBy(asc(faqCategories.position), asc(faqCategories.id));
}

function clean(name: z.output<typeof categoryFormSchema>["name"]) {
  return { "pt-BR": name["pt-BR"], ...(name.es ? { es: name.es } : {}), ...(name.en ? { en: name.en } : {}) };
}

async function guarded<T>(work: () => Promise<T>) {
  try {
    return await work();
  } catch (error) {
    if (uniqueViolation(error) === "faq_categories_slug_key") throw new AppError("CONFLICT", "knowledge.errors.slugTaken", {}, "slug");
    throw error;
  }
}

export async function createCategory(db: DbOrTx, input: z.output<typeof categoryFormSchema>, actorUserId: string) {
  return guarded(async () => {
    const [row] = await db.insert(faqCategories).values({ slug: input.slug, name: clean(input.name), position: input.position }).returning();
    await recordAudit(db, { actorUserId, action: "knowledge.category.create", entityType: "faq_category", entityId: row!.id, after: row });
    return row!;
  });
}

export async function updateCategory(db: DbOrTx, input: z.output<typeof updateCategorySchema>, actorUserId: string) {
  return guarded(async () => {
    const [row] = await db
      .update(faqCategories)
      .set({ slug: input.slug, name: clean(input.name), position: input.position })
      .where(eq(faqCategories.id, input.id))
      .returning();
    if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
    await recordAudit(db, { actorUserId, action: "knowledge.category.update", entityType: "faq_category", entityId: row.id, after: row });
    return row;
  });
}

/** Only an empty category goes: its articles would otherwise lose their place. */
export async function deleteCategory(db: DbOrTx, categoryId: number, actorUserId: string) {
  const [used] = await db.select({ n: sql<number>`count(*)::int` }).from(faqArticles).where(eq(faqArticles.categoryId, categoryId));
  if ((used?.n ?? 0) > 0) throw new AppError("CONFLICT", "knowledge.errors.categoryInUse", { count: used!.n });
  const [row] = await db.delete(faqCategories).where(eq(faqCategories.id, categoryId)).returning();
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
  await recordAudit(db, { actorUserId, action: "knowledge.category.delete", entityType: "faq_category", entityId: row.id, before: row });
  return { id: row.id };
}
