import type { Metadata } from "next";
import Link from "next/link";
import { PublicFrame } from "@/app/_components/knowledge/public-frame";
import { getDb } from "@/db/client";
import { publicIndex, searchPublished } from "@/server/knowledge/public";
import { translator } from "@/server/i18n/translate";
import { faqLocale } from "./faq-locale";

type Props = { searchParams: Promise<{ q?: string | string[]; lang?: string | string[] }> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return { title: translator(await faqLocale((await searchParams).lang))("knowledge.public.title") };
}

/** The public FAQ: published articles by category in the reader's language, with a search. */
export default async function FaqPage({ searchParams }: Props) {
  const sp = await searchParams;
  const locale = await faqLocale(sp.lang);
  const t = translator(locale);
  const q = typeof sp.q === "string" ? sp.q.trim().slice(0, 200) : "";
  const lang = typeof sp.lang === "string" && sp.lang === locale ? `?lang=${locale}` : "";
  const db = getDb();
  const [results, categories] = await Promise.all([q ? searchPublished(db, q, locale, { limit: 20, all: true }) : null, q ? null : publicIndex(db, locale)]);
  return (
    <PublicFrame locale={locale} langPath={q ? `/faq?q=${encodeURIComponent(q)}` : "/faq"}>
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("knowledge.public.title")}</h1>
      <p className="mt-2 text-slate-600">{t("knowledge.public.lead")}</p>
      <form method="get" role="search" className="mt-6 flex gap-2">
        {lang ? <input type="hidden" name="lang" value={locale} /> : null}
        <label htmlFor="faq-q" className="sr-only">
          {t("knowledge.public.search")}
        </label>
        <input
          id="faq-q"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={200}
          placeholder={t("knowledge.public.search")}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-1 focus:ring-brand-500"
        />
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          {t("knowledge.public.searchButton")}
        </button>
      </form>

      {results ? (
        <section className="mt-8" data-testid="faq-results">
          <h2 className="text-lg font-semibold">{t("knowledge.public.results", { q })}</h2>
          {results.length ? (
            <ul className="mt-4 space-y-3">
              {results.map((a) => (
                <li key={a.id} className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
                  <Link href={`/faq/${a.slug}${lang}`} className="font-medium text-brand-700 hover:underline">
                    {a.title}
                  </Link>
                  <p className="mt-1 line-clamp-2 text-sm text-slate-600">{a.body}</p>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-4 text-slate-600">{t("knowledge.public.noResults", { q })}</p>
          )}
          <Link href={`/faq${lang}`} className="mt-6 inline-block text-sm text-brand-700 hover:underline">
            ← {t("knowledge.public.back")}
          </Link>
        </section>
      ) : categories?.length ? (
        <div className="mt-8 space-y-8" data-testid="faq-index">
          {categories.map((c) => (
            <section key={c.id}>
              <h2 className="text-lg font-semibold text-slate-900">{c.name}</h2>
              <ul className="mt-3 divide-y divide-slate-200 rounded-lg bg-white ring-1 ring-slate-200">
                {c.articles.map((a) => (
                  <li key={a.id}>
                    <Link href={`/faq/${a.slug}${lang}`} className="block px-4 py-3 text-slate-800 hover:bg-slate-50 hover:text-brand-700">
                      {a.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      ) : (
        <p className="mt-8 text-slate-600">{t("knowledge.public.empty")}</p>
      )}
      <Link href="/contato" className="mt-10 inline-block font-medium text-brand-700 hover:underline">
        {t("knowledge.public.contact")} →
      </Link>
    </PublicFrame>
  );
}
