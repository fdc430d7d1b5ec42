import "server-only";
import { headers } from "next/headers";
import { unstable_cache } from "next/cache";
import { getDb } from "@/db/client";
import { localised, orderableProducts } from "@/server/commerce/catalogue";
import { isLocale, localeFromAcceptLanguage, type Locale } from "@/server/i18n/locales";
import { messages, type Messages } from "@/server/i18n/messages";

/** Cache tag of the shop catalogue, for whoever edits products and wants the shops fresh at once. */
export const SHOP_CATALOGUE_TAG = "shop-catalogue";

/**
 * Today's orderable products, shared by every site and kept a minute: the catalogue is the same
 * for all consultants, and a price or status change shows within that minute at most. The
 * checkout prices the order again on the server, so a stale minute never sells at a stale price.
 */
const cachedCatalogue = unstable_cache(
  async () => (await orderableProducts(getDb())).map((p) => ({ id: p.id, sku: p.sku, name: p.name, currency: p.currency, retailPrice: p.retailPrice, photoUrl: p.photoUrl })),
  ["shop-catalogue"],
  { revalidate: 60, tags: [SHOP_CATALOGUE_TAG] },
);

export type ShopProduct = { id: number; sku: string; name: string; currency: string; retailPrice: number; photoUrl: string | null };

export async function shopCatalogue(locale: Locale): Promise<ShopProduct[]> {
  return (await cachedCatalogue()).map((p) => ({ ...p, name: localised(p.name, locale) }));
}

/**
 * The visitor's language: `?lang=` when they chose one, else their browser's. Sites set no cookies
 * (they never see a session), so the choice travels in the links.
 */
export async function shopLocale(lang: string | string[] | undefined): Promise<Locale> {
  if (isLocale(lang)) return lang;
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
}

/** Only the strings the shop's client components read, not the whole back office's. */
export function shopMessages(locale: Locale) {
  const m = messages[locale];
  return { orders: { shop: m.orders.shop, errors: m.orders.errors }, commerce: { paymentMethod: m.commerce.paymentMethod, errors: m.commerce.errors }, common: m.common } as unknown as Messages;
}
