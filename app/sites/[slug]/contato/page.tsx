import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { ContactForm } from "@/app/_components/contact/contact-form";
import { I18nProvider } from "@/app/_lib/i18n";
import { appOrigin } from "@/server/contact/app-origin";
import { LOCALES } from "@/server/i18n/locales";
import { messages, type Messages } from "@/server/i18n/messages";
import { translator } from "@/server/i18n/translate";
import { getCachedPublicSite } from "@/server/sites/public";
import { shopLocale } from "../shop/_components/shop-data";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ lang?: string | string[] }> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const site = await getCachedPublicSite((await params).slug);
  const t = translator(await shopLocale((await searchParams).lang));
  return { title: site ? t("contact.siteTitle", { name: site.fullName }) : "Rede" };
}

/**
 * The site's contact form, in the visitor's language (`?lang=` or their browser's; sites set no
 * cookies). A page of its own, so the site's home stays one cached copy.
 */
export default async function SiteContactPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const site = await getCachedPublicSite(slug);
  if (!site) notFound();
  const locale = await shopLocale((await searchParams).lang);
  const t = translator(locale);
  const m = messages[locale];
  // Only what the form's client components read.
  const clientMessages = { contact: m.contact, knowledge: { suggest: m.knowledge.suggest }, errors: m.errors, common: m.common } as unknown as Messages;
  const faq = `${appOrigin(await headers())}/faq`;
  return (
    <div lang={locale} className="flex min-h-screen flex-col bg-slate-50">
      <header className="bg-gradient-to-br from-brand-600 to-brand-700 text-white">
        <div className="mx-auto max-w-3xl px-6 py-6">
          <Link href="/" className="text-xl font-bold tracking-tight hover:underline">
            {site.siteName ?? site.fullName}
          </Link>
          <p className="text-sm text-brand-100">
            {site.fullName} · {t("site.consultant")}
          </p>
        </div>
      </header>
      <main className="mx-auto w-full max-w-3xl flex-1 px-6 py-8">
        <h1 className="text-2xl font-semibold text-slate-900">{t("contact.siteTitle", { name: site.fullName })}</h1>
        <p className="mb-6 mt-2 text-slate-600">{t("contact.siteLead", { name: site.fullName })}</p>
        <I18nProvider locale={locale} messages={clientMessages}>
          <ContactForm slug={slug} faqHref={faq} />
        </I18nProvider>
        <p className="mt-6 text-sm">
          <a href={`${faq}?lang=${locale}`} className="text-brand-700 hover:underline">
            {t("knowledge.public.title")} →
          </a>
        </p>
      </main>
      <footer className="border-t border-slate-200 bg-white py-5">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-3 px-6 text-xs text-slate-500">
          <span>{t("site.poweredBy")}</span>
          <span className="flex items-center gap-2">
            {LOCALES.map((l) => (
              <Link
                key={l}
                href={`/contato?lang=${l}`}
                hrefLang={l}
                lang={l}
                aria-current={l === locale ? "true" : undefined}
                className={l === locale ? "font-semibold text-slate-900" : "hover:underline"}
              >
                {messages[l].common.locales[l]}
              </Link>
            ))}
          </span>
        </div>
      </footer>
    </div>
  );
}
