import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PublicFrame } from "@/app/_components/knowledge/public-frame";
import { getDb } from "@/db/client";
import { publicArticle } from "@/server/knowledge/public";
import { translator } from "@/server/i18n/translate";
import { faqLocale } from "../faq-locale";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ lang?: string | string[] }> };

async function load(props: Props) {
  const slug = (await props.params).slug;
  const locale = await faqLocale((await props.searchParams).lang);
  const article = /^[a-z0-9-]{1,80}$/.test(slug) ? await publicArticle(getDb(), slug, locale) : null;
  return { locale, article };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { article, locale } = await load(props);
  return { title: article?.title ?? translator(locale)("knowledge.public.title") };
}

/** One published article in the reader's language (else pt-BR); a draft or unknown address is a 404. */
export default async function FaqArticlePage(props: Props) {
  const { article, locale } = await load(props);
  if (!article) notFound();
  const t = translator(locale);
  const lang = (await props.searchParams).lang === locale ? `?lang=${locale}` : "";
  return (
    <PublicFrame locale={locale} langPath={`/faq/${article.slug}`}>
      <Link href={`/faq${lang}`} className="text-sm text-brand-700 hover:underline">
        ← {t("knowledge.public.back")}
      </Link>
      <p className="mt-6 text-sm font-medium uppercase tracking-wide text-slate-500">{article.categoryName}</p>
      <article lang={article.locale}>
        <h1 className="mt-1 text-3xl font-bold tracking-tight text-slate-900" data-testid="faq-title">
          {article.title}
        </h1>
        {/* Staff-written text, rendered as text (React escapes it); paragraphs kept. */}
        <div className="mt-6 whitespace-pre-line text-lg leading-relaxed text-slate-800">{article.body}</div>
      </article>
      <p className="mt-6 text-xs text-slate-500">{t("knowledge.public.updated", { date: new Intl.DateTimeFormat(locale, { dateStyle: "long" }).format(new Date(article.updatedAt)) })}</p>
      <Link href="/contato" className="mt-10 inline-block font-medium text-brand-700 hover:underline">
        {t("knowledge.public.contact")} →
      </Link>
    </PublicFrame>
  );
}
