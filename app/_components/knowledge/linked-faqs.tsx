"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert, Badge } from "@/app/_components/ui/card";
import { useLocale, useT } from "@/app/_lib/i18n";
import { useTRPC } from "@/app/_lib/trpc";

function useDebouncedText(value: string, ms = 300) {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * The FAQs linked to an incident (staff with incidents.manage): each opens the article's edit
 * page, can be unlinked, and a search finds articles to link (drafts too, marked as such).
 */
export function LinkedFaqs({ incidentId }: { incidentId: number }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [q, setQ] = useState("");
  const search = useDebouncedText(q.trim());
  const linked = useQuery(trpc.knowledge.linked.queryOptions({ incidentId }));
  const candidates = useQuery({ ...trpc.knowledge.linkCandidates.queryOptions({ incidentId, q: search, locale }), enabled: search.length >= 2 });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.knowledge.pathKey() });
  const link = useMutation(trpc.knowledge.link.mutationOptions({ onSuccess: async () => { await refresh(); setQ(""); } }));
  const unlink = useMutation(trpc.knowledge.unlink.mutationOptions({ onSuccess: refresh }));
  const error = linked.error ?? link.error ?? unlink.error;

  return (
    <section className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200" data-testid="linked-faqs" aria-labelledby={`linked-faqs-${incidentId}`}>
      <h2 id={`linked-faqs-${incidentId}`} className="text-base font-semibold text-slate-900">
        {t("knowledge.linked.title")}
      </h2>
      {error ? <div className="mt-3"><Alert kind="error">{error.message}</Alert></div> : null}
      {linked.data?.length ? (
        <ul className="mt-3 divide-y divide-slate-200">
          {linked.data.map((a) => (
            <li key={a.id} className="flex items-center justify-between gap-3 py-2">
              <a href={`/admin/knowledge/${a.id}`} className="min-w-0 text-sm text-brand-700 hover:underline">
                {a.title}
              </a>
              <span className="flex shrink-0 items-center gap-2">
                {a.published ? null : <Badge tone="amber">{t("knowledge.linked.draftBadge")}</Badge>}
                <Button variant="ghost" disabled={unlink.isPending} onClick={() => unlink.mutate({ incidentId, articleId: a.id })} aria-label={`${t("knowledge.linked.unlink")}: ${a.title}`}>
                  {t("knowledge.linked.unlink")}
                </Button>
              </span>
            </li>
          ))}
        </ul>
      ) : linked.data ? (
        <p className="mt-3 text-sm text-slate-500">{t("knowledge.linked.empty")}</p>
      ) : null}
      <div className="mt-4">
        <label htmlFor={`faq-search-${incidentId}`} className="block text-sm font-medium text-slate-700">
          {t("knowledge.linked.search")}
        </label>
        <input
          id={`faq-search-${incidentId}`}
          type="search"
          value={q}
          maxLength={200}
          onChange={(e) => setQ(e.target.value)}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-1 focus:ring-brand-500"
          data-testid="faq-link-search"
        />
        {q.trim().length >= 2 && search.length >= 2 && candidates.data ? (
          candidates.data.length ? (
            <ul className="mt-2 space-y-1">
              {candidates.data.map((a) => (
                <li key={a.id} className="flex items-center justify-between gap-3 rounded-md px-2 py-1 hover:bg-slate-50">
                  <span className="min-w-0 text-sm text-slate-800">
                    {a.title} {a.published ? null : <Badge tone="amber">{t("knowledge.linked.draftBadge")}</Badge>}
                  </span>
                  <Button variant="secondary" disabled={link.isPending} onClick={() => link.mutate({ incidentId, articleId: a.id })} aria-label={`${t("knowledge.linked.link")}: ${a.title}`}>
                    {t("knowledge.linked.link")}
                  </Button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-slate-500">{t("knowledge.linked.noMatches")}</p>
          )
        ) : null}
      </div>
    </section>
  );
}
