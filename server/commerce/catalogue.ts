import { TRPCError } from "@trpc/server";
import { and, eq, gte, lte, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { campaignProducts, periods, products } from "@/db/schema";
import type { Localised } from "@/db/schema/commerce";
import { recordAudit } from "../audit/record";
import { AppError, uniqueViolation } from "../errors";
import type { MessageKey } from "../i18n/messages";
import type { Locale } from "../i18n/locales";
import { offsetOf, pageInput } from "../pagination";
import { containsPattern } from "../text-search";
import { stateThresholds } from "./customers";
import { parseMoney, parseVolume, type ParseError, type Parsed } from "./money";
import { isStoredPhotoUrl } from "./photos";

const id = z.number().int().positive();

export const listProductsSchema = pageInput.extend({
  q: z.string().trim().max(200, { error: "errors.tooLong" }).optional(),
  status: z.enum(["all", "active", "inactive"]).default("all"),
});

/** Staff's product list: SKU or name (in any language) contains the text. */
export async function listProducts(db: DbOrTx, input: z.output<typeof listProductsSchema>) {
  const where: SQL[] = [];
  if (input.q) {
    const p = containsPattern(input.q);
    where.push(sql`(${products.sku} ilike ${p} or ${products.name}->>'pt-BR' ilike ${p} or ${products.name}->>'es' ilike ${p} or ${products.name}->>'en' ilike ${p})`);
  }
  if (input.status !== "all") where.push(eq(products.active, input.status === "active"));
  const filter = where.length ? and(...where) : undefined;
  const [rows, [count]] = await Promise.all([
    db.select().from(products).where(filter).orderBy(sql`upper(${products.sku})`).limit(input.pageSize).offset(offsetOf(input)),
    db.select({ n: sql<number>`count(*)::int` }).from(products).where(filter),
  ]);
  return { rows, total: count?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

export async function getProduct(db: DbOrTx, productId: number) {
  const [row] = await db.select().from(products).where(eq(products.id, productId));
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
  return row;
}

const localisedText = (max: number) => z.string().trim().max(max, { error: "errors.tooLong" }).default("");

/**
 * The product form as typed: prices and volumes are strings in the user's locale ("49,90"),
 * parsed on the server with that locale into integers (never through a float).
 */
export const productFormSchema = z.object({
  sku: z
    .string()
    .trim()
    .min(1, { error: "errors.required" })
    .max(40, { error: "errors.tooLong" })
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: "catalogue.errors.skuFormat" }),
  name: z.object({
    "pt-BR": z.string().trim().min(2, { error: "catalogue.errors.namePtRequired" }).max(120, { error: "errors.tooLong" }),
    es: localisedText(120),
    en: localisedText(120),
  }),
  description: z.object({ "pt-BR": localisedText(2000), es: localisedText(2000), en: localisedText(2000) }).default({ "pt-BR": "", es: "", en: "" }),
  retailPrice: z.string().max(40, { error: "errors.tooLong" }),
  consultantPrice: z.string().max(40, { error: "errors.tooLong" }),
  pv: z.string().max(40, { error: "errors.tooLong" }).default("0"),
  cv: z.string().max(40, { error: "errors.tooLong" }).default("0"),
  photoUrl: z
    .string()
    .trim()
    .max(500, { error: "errors.tooLong" })
    .refine((v) => v === "" || isStoredPhotoUrl(v) || isWebUrl(v), { error: "catalogue.errors.photoUrl" })
    .nullish(),
});
export type ProductForm = z.input<typeof productFormSchema>;

export const updateProductSchema = productFormSchema.extend({ id });
export const setProductActiveSchema = z.object({ id, active: z.boolean() });

/** Only https addresses (no javascript:, data:, or http that a secure page would not load). */
function isWebUrl(v: string) {
  try {
    const u = new URL(v);
    return u.protocol === "https:" && !!u.hostname && !u.username && !u.password;
  } catch {
    return false;
  }
}

const MONEY_ERRORS: Record<ParseError, MessageKey> = {
  required: "errors.required",
  format: "catalogue.errors.moneyFormat",
  decimals: "catalogue.errors.moneyDecimals",
  negative: "catalogue.errors.negative",
  tooLarge: "catalogue.errors.tooLarge",
};
const VOLUME_ERRORS: Record<ParseError, MessageKey> = { ...MONEY_ERRORS, format: "catalogue.errors.volumeFormat", decimals: "catalogue.errors.volumeDecimals" };

/** The four typed amounts of the form, parsed in `locale` into integers. */
function amountsSchema(locale: Locale, currency: string) {
  const amount = (parse: (text: string) => Parsed, messages: Record<ParseError, MessageKey>) =>
    z.string().transform((text, ctx) => {
      const r = parse(text);
      if (r.ok) return r.value;
      ctx.addIssue({ code: "custom", message: messages[r.error] });
      return z.NEVER;
    });
  const money = amount((text) => parseMoney(text, locale, currency), MONEY_ERRORS);
  // An empty volume is zero points (a product may carry no volume).
  const volume = amount((text) => parseVolume(text.trim() === "" ? "0" : text, locale), VOLUME_ERRORS);
  return z.object({ retailPrice: money, consultantPrice: money, pv: volume, cv: volume }).superRefine((v, ctx) => {
    if (v.consultantPrice > v.retailPrice) ctx.addIssue({ code: "custom", path: ["consultantPrice"], message: "catalogue.errors.consultantAboveRetail" });
  });
}

type ProductValues = Pick<typeof products.$inferInsert, "sku" | "name" | "description" | "currency" | "retailPrice" | "consultantPrice" | "pv" | "cv" | "photoUrl">;

/**
 * The form's strings to the row's integers, in `locale`, for the company's currency. Every bad
 * field is reported at once (as a zod error, so the client gets field errors in the user's
 * language); nothing is written when any is wrong.
 */
export function productValues(form: z.output<typeof productFormSchema>, locale: Locale, currency: string): ProductValues {
  const parsed = amountsSchema(locale, currency).safeParse(form);
  // A zod error (made by parsing, so tRPC keeps it as the cause) becomes field errors in the user's language.
  if (!parsed.success) throw new TRPCError({ code: "BAD_REQUEST", cause: parsed.error });
  const { retailPrice, consultantPrice, pv, cv } = parsed.data;
  return {
    sku: form.sku,
    name: compactLocalised(form.name),
    description: compactLocalised(form.description),
    currency,
    retailPrice,
    consultantPrice,
    pv,
    cv,
    photoUrl: form.photoUrl || null,
  };
}

/** Empty translations are left out: a missing language falls back to pt-BR on screen. */
function compactLocalised(v: { "pt-BR": string; es: string; en: string }): Localised {
  return { "pt-BR": v["pt-BR"], ...(v.es ? { es: v.es } : {}), ...(v.en ? { en: v.en } : {}) };
}

export { localised } from "./localised";

/**
 * What can be ordered today, with both prices (the staff and portal order forms): active
 * products, limited to the campaign's catalogue when today's period is a campaign that lists one.
 * Read-only: it does not create today's month period (the first order does).
 */
export async function orderableProducts(db: DbOrTx, day = new Date().toISOString().slice(0, 10)) {
  const [period] = await db
    .select({ id: periods.id })
    .from(periods)
    .where(and(lte(periods.startsOn, day), gte(periods.endsOn, day)));
  const restricted = period
    ? sql`(not exists (select 1 from ${campaignProducts} where ${campaignProducts.periodId} = ${period.id})
           or exists (select 1 from ${campaignProducts} where ${campaignProducts.periodId} = ${period.id} and ${campaignProducts.productId} = ${products.id}))`
    : undefined;
  return db
    .select({
      id: products.id,
      sku: products.sku,
      name: products.name,
      currency: products.currency,
      retailPrice: products.retailPrice,
      consultantPrice: products.consultantPrice,
      pv: products.pv,
      cv: products.cv,
      photoUrl: products.photoUrl,
    })
    .from(products)
    .where(and(eq(products.active, true), restricted))
    .orderBy(sql`upper(${products.sku})`);
}

function skuTaken(error: unknown): never {
  if (uniqueViolation(error) === "products_sku_key") throw new AppError("CONFLICT", "catalogue.errors.skuTaken", {}, "sku");
  throw error;
}

type Actor = { locale: Locale; actorUserId: string };

/** The company's currency: new products are priced in it. */
export async function companyCurrency(db: DbOrTx) {
  return (await stateThresholds(db)).currency;
}

export async function createProduct(db: Db, form: z.output<typeof productFormSchema>, actor: Actor) {
  const currency = await companyCurrency(db);
  const values = productValues(form, actor.locale, currency);
  return db
    .transaction(async (tx) => {
      const [row] = await tx.insert(products).values(values).returning();
      await recordAudit(tx, { actorUserId: actor.actorUserId, action: "product.create", entityType: "product", entityId: row!.id, after: values });
      return row!;
    })
    .catch(skuTaken);
}

/** Edits keep the product's currency; prices of orders already made are on their lines and never change. */
export async function updateProduct(db: Db, input: z.output<typeof updateProductSchema>, actor: Actor) {
  const { id: productId, ...form } = input;
  return db
    .transaction(async (tx) => {
      const [before] = await tx.select().from(products).where(eq(products.id, productId)).for("update");
      if (!before) throw new AppError("NOT_FOUND", "errors.notFound");
      const values = productValues(form, actor.locale, before.currency);
      const [row] = await tx
        .update(products)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(products.id, productId))
        .returning();
      await recordAudit(tx, { actorUserId: actor.actorUserId, action: "product.update", entityType: "product", entityId: productId, before: pick(before, values), after: values });
      return row!;
    })
    .catch(skuTaken);
}

function pick(row: typeof products.$inferSelect, like: ProductValues) {
  return Object.fromEntries(Object.keys(like).map((k) => [k, row[k as keyof typeof row]]));
}

/** Deactivated products stay on past orders and campaigns but cannot be ordered. */
export async function setProductActive(db: Db, input: z.output<typeof setProductActiveSchema>, actorUserId: string) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ active: products.active }).from(products).where(eq(products.id, input.id)).for("update");
    if (!before) throw new AppError("NOT_FOUND", "errors.notFound");
    if (before.active === input.active) return { id: input.id, active: input.active };
    await tx.update(products).set({ active: input.active, updatedAt: new Date() }).where(eq(products.id, input.id));
    await recordAudit(tx, { actorUserId, action: input.active ? "product.activate" : "product.deactivate", entityType: "product", entityId: input.id, before, after: { active: input.active } });
    return { id: input.id, active: input.active };
  });
}
