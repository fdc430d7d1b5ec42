import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { siteOrderConfirmation } from "@/server/commerce/checkout";
import { formatMoney } from "@/server/commerce/money";
import { translator } from "@/server/i18n/translate";
import { getCachedPublicSite } from "@/server/sites/public";
import { ShopFrame, withLang } from "../../_components/shop-frame";
import { shopLocale } from "../../_components/shop-data";

type Props = { params: Promise<{ slug: string; number: string }>; searchParams: Promise<{ lang?: string | string[]; k?: string | string[] }> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const t = translator(await shopLocale((await searchParams).lang));
  return { title: `${t("orders.shop.orderNumber")} ${(await params).number}`, robots: { index: false } };
}

/**
 * The confirmation: the order is found by its number and the attempt's key from the buyer's
 * browser (in the link), so sequential numbers cannot be walked to read other people's orders.
 */
export default async function ConfirmationPage({ params, searchParams }: Props) {
  const { slug, number } = await params;
  const site = await getCachedPublicSite(slug);
  if (!site) notFound();
  const query = await searchParams;
  const locale = await shopLocale(query.lang);
  const t = translator(locale);
  const key = typeof query.k === "string" ? query.k : "";
  const order = await siteOrderConfirmation(getDb(), { number, key, locale });
  const money = (minor: number) => formatMoney(minor, order?.currency ?? "BRL", locale);
  return (
    <ShopFrame slug={slug} siteName={site.siteName ?? site.fullName} locale={locale} path={`/shop/orders/${number}`} query={{ k: key }}>
      {!order ? (
        <p className="rounded-lg bg-white p-10 text-center text-slate-600 ring-1 ring-slate-200">{t("orders.shop.confirmationNotFound")}</p>
      ) : (
        <div className="mx-auto max-w-2xl space-y-6">
          <section className="rounded-lg bg-white p-6 text-center ring-1 ring-slate-200">
            <div aria-hidden className="mx-auto mb-3 flex h-12 w-12 items-center justify-center rounded-full bg-emerald-100 text-2xl text-emerald-700">
              ✓
            </div>
            <h1 className="text-2xl font-semibold text-slate-900">{t("orders.shop.confirmedTitle")}</h1>
            <p className="mt-2 text-slate-600">{t("orders.shop.confirmedLead", { number: order.number })}</p>
            <p className="mt-4 text-sm text-slate-500">{t("orders.shop.orderNumber")}</p>
            <p className="text-3xl font-bold tracking-wide text-brand-700" data-testid="confirmation-number">
              {order.number}
            </p>
          </section>
          <section className="rounded-lg bg-white p-6 ring-1 ring-slate-200" data-testid="payment-instructions">
            <h2 className="text-base font-semibold">{t("orders.shop.instructions")}</h2>
            <p className="mt-1 text-sm font-medium text-slate-700">{order.paymentMethod ? t(`commerce.paymentMethod.${order.paymentMethod}`) : null}</p>
            <p className="mt-2 text-slate-700">
              {order.paymentMethod === "pay_on_delivery"
                ? t("orders.shop.payOnDeliveryInstructions", { total: money(order.total) })
                : t("orders.shop.bankSlipInstructions", { total: money(order.total), email: order.email ?? "" })}
            </p>
          </section>
          <section className="rounded-lg bg-white p-6 ring-1 ring-slate-200">
            <h2 className="mb-3 text-base font-semibold">{t("orders.shop.items")}</h2>
            <ul className="space-y-2 text-sm">
              {order.lines.map((l, i) => (
                <li key={i} className="flex justify-between gap-3">
                  <span>
                    {l.quantity} × {l.name}
                  </span>
                  <span className="tabular-nums">{money(l.lineTotal)}</span>
                </li>
              ))}
            </ul>
            <div className="mt-3 flex justify-between border-t border-slate-200 pt-3 font-semibold">
              <span>{t("orders.shop.total")}</span>
              <span className="tabular-nums" data-testid="confirmation-total">
                {money(order.total)}
              </span>
            </div>
          </section>
          <p className="text-center">
            <Link href={withLang("/shop", locale)} className="text-brand-700 hover:underline">
              {t("orders.shop.backToShop")}
            </Link>
          </p>
        </div>
      )}
    </ShopFrame>
  );
}
