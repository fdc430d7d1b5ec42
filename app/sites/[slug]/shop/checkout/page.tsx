import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { translator } from "@/server/i18n/translate";
import { getCachedPublicSite } from "@/server/sites/public";
import { CheckoutForm } from "../_components/checkout-form";
import { ShopFrame, withLang } from "../_components/shop-frame";
import { shopCatalogue, shopLocale } from "../_components/shop-data";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ lang?: string | string[] }> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return { title: translator(await shopLocale((await searchParams).lang))("orders.shop.checkout") };
}

export default async function CheckoutPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const site = await getCachedPublicSite(slug);
  if (!site) notFound();
  const locale = await shopLocale((await searchParams).lang);
  const t = translator(locale);
  return (
    <ShopFrame slug={slug} siteName={site.siteName ?? site.fullName} locale={locale} path="/shop/checkout">
      <h1 className="mb-6 text-2xl font-semibold text-slate-900">{t("orders.shop.checkout")}</h1>
      <CheckoutForm slug={slug} products={await shopCatalogue(locale)} consultantName={site.fullName} shopHref={withLang("/shop", locale)} />
    </ShopFrame>
  );
}
