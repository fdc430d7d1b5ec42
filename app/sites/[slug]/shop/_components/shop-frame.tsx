import Link from "next/link";
import { I18nProvider } from "@/app/_lib/i18n";
import { LOCALES, type Locale } from "@/server/i18n/locales";
import { messages } from "@/server/i18n/messages";
import { translator } from "@/server/i18n/translate";
import { CartLink } from "./cart-link";
import { shopMessages } from "./shop-data";

export const withLang = (path: string, locale: Locale, query: Record<string, string> = {}) => `${path}?${new URLSearchParams({ ...query, lang: locale })}`;

/**
 * The shop's frame on a consultant's site: their name, the way back to their page, the cart and
 * the language links (the visitor's choice travels in `?lang=`; sites set no cookies).
 */
export function ShopFrame(props: { slug: string; siteName: string; locale: Locale; path: string; query?: Record<string, string>; children: React.ReactNode }) {
  const t = translator(props.locale);
  return (
    <div lang={props.locale} className="flex min-h-screen flex-col bg-slate-50">
      <I18nProvider locale={props.locale} messages={shopMessages(props.locale)}>
        <header className="bg-gradient-to-br from-brand-600 to-brand-700 text-white">
          <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-4 px-6 py-5">
            <div>
              <Link href="/" className="text-xl font-bold tracking-tight hover:underline" data-testid="shop-site-name">
                {props.siteName}
              </Link>
              <p className="text-sm text-brand-100">{t("orders.shop.title")}</p>
            </div>
            <nav className="flex flex-wrap items-center gap-4 text-sm" aria-label={t("orders.shop.title")}>
              <Link href={withLang("/shop", props.locale)} className="hover:underline">
                {t("orders.shop.catalogue")}
              </Link>
              <CartLink slug={props.slug} href={withLang("/shop/cart", props.locale)} />
            </nav>
          </div>
        </header>
        <main className="mx-auto w-full max-w-5xl flex-1 px-6 py-8">{props.children}</main>
        <footer className="border-t border-slate-200 bg-white py-5">
          <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-6 text-xs text-slate-500">
            <span>{t("site.poweredBy")}</span>
            <span className="flex items-center gap-2">
              <span>{t("orders.shop.language")}:</span>
              {LOCALES.map((l) => (
                <Link
                  key={l}
                  href={withLang(props.path, l, props.query)}
                  hrefLang={l}
                  lang={l}
                  aria-current={l === props.locale ? "true" : undefined}
                  className={l === props.locale ? "font-semibold text-slate-900" : "hover:underline"}
                >
                  {messages[l].common.locales[l]}
                </Link>
              ))}
            </span>
          </div>
        </footer>
      </I18nProvider>
    </div>
  );
}
