"use client";

import { useEffect, useState } from "react";
import { useLocale, useT } from "@/app/_lib/i18n";
import { suggestFaqs, type FaqSuggestion } from "./suggest-action";

/**
 * Published FAQs that match a subject while it is typed (debounced 400 ms; the server returns at
 * most four). Each answer opens in place; `articleHref` links to the full article when the page
 * has somewhere to send the reader (the corporate FAQ).
 */
export function FaqSuggestions({ subject, articleHref }: { subject: string; articleHref?: (slug: string) => string }) {
  const t = useT();
  const locale = useLocale();
  const [found, setFound] = useState<{ q: string; items: FaqSuggestion[] }>({ q: "", items: [] });
  const [loading, setLoading] = useState(false);
  const q = subject.trim();

  useEffect(() => {
    if (q.length < 3) return;
    let current = true;
    const timer = setTimeout(async () => {
      setLoading(true);
      const items = await suggestFaqs(q, locale);
      if (current) {
        setFound({ q, items });
        setLoading(false);
      }
    }, 400);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [q, locale]);

  const items = q.length >= 3 ? found.items : [];
  if (!items.length) return loading && q.length >= 3 ? <p className="text-xs text-slate-500">{t("knowledge.suggest.loading")}</p> : null;
  return (
    <section className="rounded-md bg-brand-50 p-4 ring-1 ring-brand-100" aria-live="polite" data-testid="faq-suggestions">
      <h3 className="text-sm font-semibold text-brand-800">{t("knowledge.suggest.title")}</h3>
      <ul className="mt-2 space-y-2">
        {items.map((s) => (
          <li key={s.id}>
            <details className="group rounded bg-white px-3 py-2 ring-1 ring-brand-100">
              <summary className="cursor-pointer text-sm font-medium text-slate-800">{s.title}</summary>
              <p className="mt-2 text-sm text-slate-600">{s.excerpt}</p>
              {articleHref ? (
                <a href={articleHref(s.slug)} target="_blank" rel="noopener" className="mt-1 inline-block text-xs font-medium text-brand-700 hover:underline">
                  {t("knowledge.suggest.readMore")} →
                </a>
              ) : null}
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
