import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { consultants, customers, orderLines, orders, products } from "@/db/schema";
import { hit, isLimited, type Limit } from "../auth/rate-limit";
import { AppError, uniqueViolation } from "../errors";
import { LOCALES, type Locale } from "../i18n/locales";
import { localised } from "./catalogue";
import { idempotencyKey, insertOrder, orderByKey, orderLinesInput } from "./orders";

/**
 * A customer's checkout on a consultant's replicated site: public, so every field is checked,
 * attempts are rate-limited per client address and per site (counters in Postgres), and the
 * client's key per checkout attempt makes a double submit one order.
 *
 * Customer protection: a customer is found by e-mail. A new one belongs to the site's consultant;
 * an existing one stays with the consultant who brought them, and the order is credited to that
 * consultant even when it is placed on another consultant's site. An existing customer's record
 * is never changed from this public form (whoever types an e-mail could otherwise rewrite it):
 * the address typed goes on the order only.
 */

export const SITE_PAYMENT_METHODS = ["bank_slip", "pay_on_delivery"] as const;

/** An empty field says "required"; only a filled one is measured (one message per field, not two). */
const filled = () => z.string({ error: "errors.required" }).trim().min(1, { error: "errors.required", abort: true });
const text = (min: number, max: number) => filled().min(min, { error: "errors.tooShort" }).max(max, { error: "errors.tooLong" });

export const checkoutSchema = z.object({
  slug: z.string().trim().toLowerCase().min(1).max(40),
  idempotencyKey,
  locale: z.enum(LOCALES).default("pt-BR"),
  fullName: text(3, 120),
  email: z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : v), z.email({ error: "errors.invalidEmail" }).max(320, { error: "errors.tooLong" })),
  phone: filled().regex(/^\+?[\d\s().-]{8,25}$/, { error: "orders.errors.phone" }),
  addressLine: text(5, 200),
  city: text(2, 80),
  state: text(2, 40),
  postalCode: filled().regex(/^[A-Za-z0-9][A-Za-z0-9 -]{2,11}$/, { error: "orders.errors.postalCode" }),
  paymentMethod: z.enum(SITE_PAYMENT_METHODS, { error: "orders.errors.paymentMethod" }),
  lines: orderLinesInput,
  /** A field people never see: filled in, the request came from a bot. */
  website: z.string().max(0, { error: "errors.invalidValue" }).optional(),
});
export type CheckoutInput = z.output<typeof checkoutSchema>;

export const CHECKOUT_LIMITS = {
  perIp: (ip: string): Limit => ({ scope: "checkout:ip", key: ip, max: 20, windowSeconds: 60 * 60 }),
  perSite: (slug: string): Limit => ({ scope: "checkout:site", key: slug, max: 300, windowSeconds: 60 * 60 }),
};

export type CheckoutResult = { number: string; total: number; currency: string; paymentMethod: (typeof SITE_PAYMENT_METHODS)[number] };

export async function checkout(db: Db, input: CheckoutInput, client: { ip: string }): Promise<CheckoutResult> {
  const [site] = await db
    .select({ id: consultants.id })
    .from(consultants)
    .where(and(eq(consultants.siteSlug, input.slug), eq(consultants.status, "active")));
  if (!site) throw new AppError("NOT_FOUND", "orders.errors.siteNotFound");
  // A resubmitted attempt is answered before the limits: the customer's double click is not abuse.
  const replay = await replayed(db, input);
  if (replay) return replay;
  const limits = [CHECKOUT_LIMITS.perIp(client.ip), CHECKOUT_LIMITS.perSite(input.slug)];
  for (const limit of limits) if (await isLimited(db, limit)) throw new AppError("TOO_MANY_REQUESTS", "errors.tooManyRequests");
  for (const limit of limits) await hit(db, limit);

  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const customer = await customerFor(tx, site.id, input);
        const order = await insertOrder(tx, {
          consultantId: customer.consultantId,
          customerId: customer.id,
          channel: "site",
          lines: input.lines,
          paymentMethod: input.paymentMethod,
          shippingAddress: { fullName: input.fullName, email: input.email, phone: input.phone, addressLine: input.addressLine, city: input.city, state: input.state, postalCode: input.postalCode, site: input.slug },
          idempotencyKey: input.idempotencyKey,
          place: true,
          actorUserId: null,
        });
        return resultOf(order);
      });
    } catch (error) {
      const violated = uniqueViolation(error);
      // A simultaneous submit of the same attempt won the race: answer with its order.
      if (violated === "orders_idempotency_key" || violated === "customers_email_key") {
        const again = await replayed(db, input);
        if (again) return again;
        // Another checkout created this e-mail's customer meanwhile: once more, now finding them.
        if (violated === "customers_email_key" && attempt === 0) continue;
      }
      throw error;
    }
  }
}

function resultOf(order: typeof orders.$inferSelect): CheckoutResult {
  return { number: order.number, total: order.total, currency: order.currency, paymentMethod: order.paymentMethod as CheckoutResult["paymentMethod"] };
}

/** The order this attempt already made, if any; a key reused for another buyer is refused. */
async function replayed(db: DbOrTx, input: CheckoutInput) {
  const existing = await orderByKey(db, input.idempotencyKey);
  if (!existing) return null;
  const [buyer] = existing.customerId ? await db.select({ email: customers.email }).from(customers).where(eq(customers.id, existing.customerId)) : [];
  if (existing.channel !== "site" || buyer?.email.toLowerCase() !== input.email) throw new AppError("CONFLICT", "commerce.errors.idempotencyReuse");
  return resultOf(existing);
}

async function customerFor(tx: DbOrTx, siteConsultantId: number, input: CheckoutInput) {
  const [existing] = await tx
    .select({ id: customers.id, consultantId: customers.consultantId })
    .from(customers)
    .where(sql`lower(${customers.email}) = ${input.email}`);
  if (existing) return existing;
  const [created] = await tx
    .insert(customers)
    .values({
      consultantId: siteConsultantId,
      fullName: input.fullName,
      email: input.email,
      phone: input.phone,
      addressLine: input.addressLine,
      city: input.city,
      state: input.state,
      postalCode: input.postalCode,
      locale: input.locale,
    })
    .returning({ id: customers.id, consultantId: customers.consultantId });
  return created!;
}

/**
 * The confirmation page's order: found by its number AND the attempt's key, which only the
 * buyer's browser holds, so order numbers (sequential) cannot be walked to read other orders.
 */
export async function siteOrderConfirmation(db: DbOrTx, input: { number: string; key: string; locale: Locale }) {
  if (!/^P\d{7,12}$/.test(input.number) || input.key.length < 8 || input.key.length > 100) return null;
  const [order] = await db
    .select({ id: orders.id, number: orders.number, status: orders.status, currency: orders.currency, total: orders.total, paymentMethod: orders.paymentMethod, createdAt: orders.createdAt, shippingAddress: orders.shippingAddress })
    .from(orders)
    .where(and(eq(orders.number, input.number), eq(orders.idempotencyKey, input.key), eq(orders.channel, "site")));
  if (!order) return null;
  const lines = await db
    .select({ productName: products.name, quantity: orderLines.quantity, unitPrice: orderLines.unitPrice, lineTotal: orderLines.lineTotal })
    .from(orderLines)
    .innerJoin(products, eq(products.id, orderLines.productId))
    .where(inArray(orderLines.orderId, [order.id]))
    .orderBy(orderLines.id);
  return {
    number: order.number,
    status: order.status,
    currency: order.currency,
    total: order.total,
    paymentMethod: order.paymentMethod,
    createdAt: order.createdAt,
    email: order.shippingAddress?.email ?? null,
    lines: lines.map((l) => ({ name: localised(l.productName, input.locale), quantity: l.quantity, unitPrice: l.unitPrice, lineTotal: l.lineTotal })),
  };
}
