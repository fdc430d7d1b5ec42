"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card } from "@/app/_components/ui/card";
import { TextField } from "@/app/_components/ui/field";
import { useLocale, useT } from "@/app/_lib/i18n";
import { fieldErrorsOf, useTRPC } from "@/app/_lib/trpc";
import { localised } from "@/server/commerce/localised";
import { LOCALES, type Locale } from "@/server/i18n/locales";

type Draft = { id?: number; slug: string; name: Record<Locale, string> };
const blank: Draft = { slug: "", name: { "pt-BR": "", es: "", en: "" } };

/** Categories: names per locale (pt-BR required), created, renamed, deleted when empty. */
export function CategoriesPanel() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const categories = useQuery(trpc.knowledge.categories.queryOptions());
  const [draft, setDraft] = useState<Draft | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.knowledge.pathKey() });
  const done = (key: "knowledge.categories.saved" | "knowledge.categories.deleted") => async () => {
    await refresh();
    setDraft(null);
    setNotice(t(key));
  };
  const create = useMutation(trpc.knowledge.createCategory.mutationOptions({ onSuccess: done("knowledge.categories.saved") }));
  const update = useMutation(trpc.knowledge.updateCategory.mutationOptions({ onSuccess: done("knowledge.categories.saved") }));
  const remove = useMutation(trpc.knowledge.deleteCategory.mutationOptions({ onSuccess: done("knowledge.categories.deleted") }));
  const save = draft?.id ? update : create;
  const errors = fieldErrorsOf(save.error);

  const submit = () => {
    if (!draft) return;
    setNotice(null);
    const name = { "pt-BR": draft.name["pt-BR"], ...(draft.name.es.trim() ? { es: draft.name.es } : {}), ...(draft.name.en.trim() ? { en: draft.name.en } : {}) };
    if (draft.id) update.mutate({ id: draft.id, slug: draft.slug, name });
    else create.mutate({ slug: draft.slug, name });
  };

  return (
    <Card title={t("knowledge.categories.title")} actions={draft ? null : <Button variant="secondary" onClick={() => { create.reset(); setDraft(blank); }} data-testid="new-category">{t("knowledge.categories.new")}</Button>}>
      <div className="space-y-3">
        {notice ? <Alert kind="success">{notice}</Alert> : null}
        {remove.error ? <Alert kind="error">{remove.error.message}</Alert> : null}
        {draft ? (
          <form
            className="space-y-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200"
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            {save.error && !Object.keys(errors).length ? <Alert kind="error">{save.error.message}</Alert> : null}
            <TextField label={t("knowledge.form.slug")} value={draft.slug} maxLength={80} onChange={(e) => setDraft({ ...draft, slug: e.target.value })} errors={errors.slug} />
            {LOCALES.map((l) => (
              <TextField key={l} label={t("knowledge.categories.name", { locale: l })} value={draft.name[l]} maxLength={80} onChange={(e) => setDraft({ ...draft, name: { ...draft.name, [l]: e.target.value } })} errors={errors[`name.${l}`]} />
            ))}
            <div className="flex gap-2">
              <Button type="submit" disabled={save.isPending}>
                {t("knowledge.categories.save")}
              </Button>
              <Button variant="ghost" onClick={() => setDraft(null)}>
                {t("knowledge.categories.cancel")}
              </Button>
            </div>
          </form>
        ) : null}
        {categories.data?.length === 0 ? <p className="text-sm text-slate-500">{t("knowledge.categories.empty")}</p> : null}
        <ul className="divide-y divide-slate-200">
          {(categories.data ?? []).map((c) => (
            <li key={c.id} className="flex items-center justify-between gap-2 py-2">
              <div className="min-w-0">
                <p className="truncate text-sm font-medium text-slate-800">{localised(c.name, locale)}</p>
                <p className="text-xs text-slate-500">{t("knowledge.categories.count", { count: c.articles, published: c.published })}</p>
              </div>
              <div className="flex shrink-0 gap-1">
                <Button variant="ghost" onClick={() => { update.reset(); setDraft({ id: c.id, slug: c.slug, name: { "pt-BR": c.name["pt-BR"], es: c.name.es ?? "", en: c.name.en ?? "" } }); }}>
                  {t("knowledge.categories.edit")}
                </Button>
                <Button variant="ghost" disabled={remove.isPending} onClick={() => remove.mutate({ id: c.id })} aria-label={`${t("knowledge.categories.delete")}: ${localised(c.name, locale)}`}>
                  {t("knowledge.categories.delete")}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      </div>
    </Card>
  );
}
