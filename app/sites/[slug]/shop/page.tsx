import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { formatMoney } from "@/server/commerce/money";
import { translator } from "@/server/i18n/translate";
import { getCachedPublicSite } from "@/server/sites/public";
import { AddToCart } from "./_components/add-to-cart";
import { ShopFrame } from "./_components/shop-frame";
import { shopCatalogue, shopLocale } from "./_components/shop-data";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ lang?: string | string[] }> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const site = await getCachedPublicSite((await params).slug);
  const t = translator(await shopLocale((await searchParams).lang));
  return { title: site ? `${t("orders.shop.title")} · ${site.siteName ?? site.fullName}` : "Rede" };
}

/** The catalogue in the visitor's language and money format; the data is cached, the page per request. */
export default async function ShopPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const site = await getCachedPublicSite(slug);
  if (!site) notFound();
  const locale = await shopLocale((await searchParams).lang);
  const t = translator(locale);
  const products = await shopCatalogue(locale);
  return (
    <ShopFrame slug={slug} siteName={site.siteName ?? site.fullName} locale={locale} path="/shop">
      <h1 className="text-2xl font-semibold text-slate-900">{t("orders.shop.catalogue")}</h1>
      <p className="mt-1 text-slate-600">{t("orders.shop.intro")}</p>
      {products.length === 0 ? (
        <p className="mt-10 rounded-lg bg-white p-10 text-center text-slate-500 ring-1 ring-slate-200">{t("orders.shop.noProducts")}</p>
      ) : (
        <ul className="mt-6 grid gap-5 sm:grid-cols-2 lg:grid-cols-3" data-testid="shop-products">
          {products.map((p) => (
            <li key={p.id} className="flex flex-col overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200" data-testid={`product-${p.sku}`}>
              {p.photoUrl ? (
                // A plain img: stored photos or https URLs of any size, with no image optimiser set up for either.
                <img src={p.photoUrl} alt="" className="aspect-[4/3] w-full bg-slate-100 object-cover" loading="lazy" />
              ) : (
                <div aria-hidden className="flex aspect-[4/3] items-center justify-center bg-gradient-to-br from-brand-50 to-brand-100 text-3xl font-semibold text-brand-700">
                  {p.name
                    .split(/\s+/)
                    .slice(0, 2)
                    .map((w) => w[0])
                    .join("")}
                </div>
              )}
              <div className="flex flex-1 flex-col gap-3 p-4">
                <h2 className="font-medium text-slate-900">{p.name}</h2>
                <p className="text-lg font-semibold tabular-nums text-slate-900" data-testid={`price-${p.sku}`}>
                  {formatMoney(p.retailPrice, p.currency, locale)}
                </p>
                <div className="mt-auto">
                  <AddToCart slug={slug} productId={p.id} name={p.name} />
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </ShopFrame>
  );
}
