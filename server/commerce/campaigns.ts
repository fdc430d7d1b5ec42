import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { campaignProducts, orders, periods, products } from "@/db/schema";
import { recordAudit } from "../audit/record";
import { AppError, uniqueViolation } from "../errors";
import type { Locale } from "../i18n/locales";
import { offsetOf, pageInput } from "../pagination";

/**
 * Periods as staff see them: calendar months (created on first use by periodFor) and campaigns
 * (cycles with their own dates and, optionally, their own catalogue). Closing a period stops new
 * orders landing in it; the order service checks that.
 */

const id = z.number().int().positive();
const day = z.iso.date({ error: "errors.invalidValue" });

export const listPeriodsSchema = pageInput.extend({
  kind: z.enum(["month", "campaign"]).optional(),
  status: z.enum(["open", "closed"]).optional(),
});

export async function listPeriods(db: DbOrTx, input: z.output<typeof listPeriodsSchema>) {
  const where: SQL[] = [];
  if (input.kind) where.push(eq(periods.kind, input.kind));
  if (input.status) where.push(eq(periods.status, input.status));
  const filter = where.length ? and(...where) : undefined;
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: periods.id,
        kind: periods.kind,
        code: periods.code,
        name: periods.name,
        startsOn: periods.startsOn,
        endsOn: periods.endsOn,
        status: periods.status,
        orders: sql<number>`(select count(*)::int from ${orders} where ${orders.periodId} = ${periods.id})`,
        products: sql<number>`(select count(*)::int from ${campaignProducts} where ${campaignProducts.periodId} = ${periods.id})`,
      })
      .from(periods)
      .where(filter)
      .orderBy(desc(periods.startsOn))
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    db.select({ n: sql<number>`count(*)::int` }).from(periods).where(filter),
  ]);
  return { rows, total: count?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

/** A period with the ids of its campaign catalogue (empty: the whole active catalogue is sold). */
export async function getPeriod(db: DbOrTx, periodId: number) {
  const [period] = await db.select().from(periods).where(eq(periods.id, periodId));
  if (!period) throw new AppError("NOT_FOUND", "errors.notFound");
  const listed = await db.select({ productId: campaignProducts.productId }).from(campaignProducts).where(eq(campaignProducts.periodId, periodId));
  const [{ n: orderCount }] = (await db.select({ n: sql<number>`count(*)::int` }).from(orders).where(eq(orders.periodId, periodId))) as [{ n: number }];
  return { ...period, productIds: listed.map((r) => r.productId), orderCount };
}

/** Longest campaign accepted: a year (a typo in the year should not swallow a decade of months). */
const MAX_CAMPAIGN_DAYS = 366;

export const createCampaignSchema = z
  .object({
    // Month codes are digits and hyphens ("2026-04"); a campaign's has a letter, so the two never collide.
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^(?=.*[A-Z])[A-Z0-9][A-Z0-9-]{1,23}$/, { error: "periods.errors.codeFormat" }),
    name: z.string().trim().min(2, { error: "errors.tooShort" }).max(80, { error: "errors.tooLong" }),
    startsOn: day,
    endsOn: day,
  })
  .superRefine((v, ctx) => {
    if (v.endsOn < v.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "errors.dateRange" });
    else if ((Date.parse(v.endsOn) - Date.parse(v.startsOn)) / 86_400_000 + 1 > MAX_CAMPAIGN_DAYS) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "periods.errors.tooLong" });
  });

/** Postgres' exclusion-constraint violation (23P01), as the constraint's name. */
function exclusionViolation(error: unknown): string | undefined {
  const e = error as { code?: string; constraint_name?: string; cause?: unknown };
  if (e?.code === "23P01") return e.constraint_name ?? "exclusion";
  if (e?.cause) return exclusionViolation(e.cause);
  return undefined;
}

/** "2026-04-01" as the reader writes a date (01/04/2026), read as a calendar day (UTC). */
export function formatDay(isoDay: string, locale: Locale) {
  return new Intl.DateTimeFormat(locale, { dateStyle: "short", timeZone: "UTC" }).format(new Date(`${isoDay}T00:00:00Z`));
}

/**
 * A new campaign. The database refuses overlapping periods (an exclusion constraint); that
 * refusal becomes a message naming the period in the way, with its dates, so staff know whether
 * to move the campaign or that a month already holds orders on those days.
 */
export async function createCampaign(db: Db, input: z.output<typeof createCampaignSchema>, actor: { actorUserId: string; locale: Locale }) {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(periods).values({ kind: "campaign", code: input.code, name: input.name, startsOn: input.startsOn, endsOn: input.endsOn }).returning();
      await recordAudit(tx, { actorUserId: actor.actorUserId, action: "period.create", entityType: "period", entityId: row!.id, after: input });
      return row!;
    });
  } catch (error) {
    if (uniqueViolation(error) === "periods_code_key") throw new AppError("CONFLICT", "periods.errors.codeTaken", { code: input.code }, "code");
    if (exclusionViolation(error) === "periods_no_overlap") {
      const [other] = await db
        .select()
        .from(periods)
        .where(sql`daterange(${periods.startsOn}, ${periods.endsOn}, '[]') && daterange(${input.startsOn}::date, ${input.endsOn}::date, '[]')`)
        .orderBy(asc(periods.startsOn))
        .limit(1);
      if (other) {
        throw new AppError(
          "CONFLICT",
          other.kind === "month" ? "periods.errors.overlapMonth" : "periods.errors.overlapCampaign",
          { period: other.kind === "month" ? other.code : `${other.name} (${other.code})`, from: formatDay(other.startsOn, actor.locale), to: formatDay(other.endsOn, actor.locale) },
          "startsOn",
        );
      }
    }
    throw error;
  }
}

export const setCatalogueSchema = z.object({
  periodId: id,
  productIds: z
    .array(id)
    .max(2000, { error: "errors.invalidValue" })
    .refine((ids) => new Set(ids).size === ids.length, { error: "errors.invalidValue" }),
});

/**
 * Chooses a campaign's catalogue: exactly these products are sold in it (none: the whole active
 * catalogue). Only an open campaign's; orders already made keep their lines.
 */
export async function setCampaignCatalogue(db: Db, input: z.output<typeof setCatalogueSchema>, actorUserId: string) {
  return db.transaction(async (tx) => {
    const [period] = await tx.select().from(periods).where(eq(periods.id, input.periodId)).for("update");
    if (!period) throw new AppError("NOT_FOUND", "errors.notFound");
    if (period.kind !== "campaign") throw new AppError("BAD_REQUEST", "periods.errors.notCampaign");
    if (period.status === "closed") throw new AppError("CONFLICT", "periods.errors.closedCatalogue", { period: period.name });
    if (input.productIds.length) {
      const found = await tx.select({ id: products.id }).from(products).where(inArray(products.id, input.productIds));
      if (found.length !== input.productIds.length) throw new AppError("BAD_REQUEST", "periods.errors.unknownProduct", {}, "productIds");
    }
    const before = (await tx.select({ productId: campaignProducts.productId }).from(campaignProducts).where(eq(campaignProducts.periodId, period.id))).map((r) => r.productId).sort((a, b) => a - b);
    await tx.delete(campaignProducts).where(eq(campaignProducts.periodId, period.id));
    if (input.productIds.length) await tx.insert(campaignProducts).values(input.productIds.map((productId) => ({ periodId: period.id, productId })));
    const after = [...input.productIds].sort((a, b) => a - b);
    await recordAudit(tx, { actorUserId, action: "period.catalogue", entityType: "period", entityId: period.id, before: { productIds: before }, after: { productIds: after } });
    return { periodId: period.id, productIds: after };
  });
}

export const closePeriodSchema = z.object({ id });

/**
 * Closes a period: no order can be placed into it any more, and nothing is written into its
 * volumes again (orders already in it keep moving through payment and delivery, but a payment
 * made after the close credits its volume to the current open period, and a cart started in it is
 * placed into today's period: see payOrder and placeCart). There is no reopening from the screens: a closed period is what
 * the commission run of that period reads.
 */
export async function closePeriod(db: Db, periodId: number, actorUserId: string) {
  return db.transaction(async (tx) => {
    const [period] = await tx.select().from(periods).where(eq(periods.id, periodId)).for("update");
    if (!period) throw new AppError("NOT_FOUND", "errors.notFound");
    if (period.status === "closed") return period;
    const [row] = await tx.update(periods).set({ status: "closed" }).where(eq(periods.id, periodId)).returning();
    await recordAudit(tx, { actorUserId, action: "period.close", entityType: "period", entityId: periodId, before: { status: "open" }, after: { status: "closed" } });
    return row!;
  });
}
