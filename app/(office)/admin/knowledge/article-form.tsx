"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card } from "@/app/_components/ui/card";
import { TextAreaField, TextField } from "@/app/_components/ui/field";
import { SelectField } from "@/app/_components/ui/select-field";
import { useLocale, useT } from "@/app/_lib/i18n";
import { fieldErrorsOf, useTRPC, type RouterOutputs } from "@/app/_lib/trpc";
import { localised } from "@/server/commerce/localised";
import { LOCALES, type Locale } from "@/server/i18n/locales";

type Article = RouterOutputs["knowledge"]["get"];
type Versions = Record<Locale, { title: string; body: string }>;

/**
 * An article: category, address, published flag, and one tab per language. pt-BR is required;
 * Spanish and English are optional (left blank, readers get the Portuguese version).
 */
export function ArticleForm({ article, notice }: { article?: Article; notice?: string }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const categories = useQuery(trpc.knowledge.categories.queryOptions());
  const [categoryId, setCategoryId] = useState(article ? String(article.categoryId) : "");
  const [slug, setSlug] = useState(article?.slug ?? "");
  const [published, setPublished] = useState(article?.published ?? false);
  const [versions, setVersions] = useState<Versions>(article?.translations ?? { "pt-BR": { title: "", body: "" }, es: { title: "", body: "" }, en: { title: "", body: "" } });
  const [tab, setTab] = useState<Locale>("pt-BR");
  const [saved, setSaved] = useState<string | null>(notice ?? null);
  // Fields edited since the last save attempt: their old errors are no longer shown.
  const [edited, setEdited] = useState<Set<string>>(new Set());
  const touch = (field: string) => setEdited((e) => (e.has(field) ? e : new Set(e).add(field)));

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.knowledge.pathKey() });
  const create = useMutation(trpc.knowledge.create.mutationOptions({ onSuccess: async (r) => { await refresh(); router.push(`/admin/knowledge/${r.id}?created=1`); } }));
  const update = useMutation(trpc.knowledge.update.mutationOptions({ onSuccess: async () => { await refresh(); setSaved(t("knowledge.form.saved")); } }));
  const remove = useMutation(trpc.knowledge.delete.mutationOptions({ onSuccess: async () => { await refresh(); router.push("/admin/knowledge"); } }));
  const save = article ? update : create;
  const errors = Object.fromEntries(Object.entries(fieldErrorsOf(save.error)).filter(([k]) => !edited.has(k)));
  const tabHasError = (l: Locale) => Boolean(errors[`translations.${l}.title`] || errors[`translations.${l}.body`]);

  const submit = () => {
    setSaved(null);
    setEdited(new Set());
    const input = { categoryId: Number(categoryId) || 0, slug, published, translations: versions };
    if (article) update.mutate({ id: article.id, ...input });
    else create.mutate(input);
  };

  if (categories.data && !categories.data.length) return <Alert kind="info">{t("knowledge.form.noCategories")}</Alert>;
  return (
    <form
      noValidate
      className="space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      data-testid="article-form"
    >
      {saved ? <Alert kind="success">{saved}</Alert> : null}
      {save.error ? <Alert kind="error">{save.error.message}</Alert> : null}
      <Card>
        <div className="grid gap-4 sm:grid-cols-3">
          <SelectField
            label={t("knowledge.category")}
            value={categoryId}
            onChange={(e) => (setCategoryId(e.target.value), touch("categoryId"))}
            errors={errors.categoryId}
            options={[{ value: "", label: "—" }, ...(categories.data ?? []).map((c) => ({ value: String(c.id), label: localised(c.name, locale) }))]}
            data-testid="article-category"
          />
          <TextField label={t("knowledge.form.slug")} hint={t("knowledge.form.slugHint")} value={slug} maxLength={80} onChange={(e) => (setSlug(e.target.value), touch("slug"))} errors={errors.slug} data-testid="article-slug" />
          <label className="flex items-center gap-2 self-center text-sm font-medium text-slate-700">
            <input type="checkbox" checked={published} onChange={(e) => setPublished(e.target.checked)} data-testid="article-published" />
            {t("knowledge.form.published")}
          </label>
        </div>
      </Card>
      <Card>
        <div role="tablist" aria-label={t("knowledge.columns.locales")} className="mb-4 flex gap-1 border-b border-slate-200">
          {LOCALES.map((l) => (
            <button
              key={l}
              type="button"
              role="tab"
              aria-selected={tab === l}
              onClick={() => setTab(l)}
              className={`-mb-px rounded-t-md px-3 py-2 text-sm ${tab === l ? "border border-b-white border-slate-200 bg-white font-medium text-brand-700" : "text-slate-600 hover:text-slate-900"} ${tabHasError(l) ? "text-red-700" : ""}`}
              data-testid={`tab-${l}`}
            >
              {t(`common.locales.${l}`)}
              {tabHasError(l) ? " ⚠" : ""}
            </button>
          ))}
        </div>
        <p className="mb-3 text-xs text-slate-500">{tab === "pt-BR" ? t("knowledge.form.requiredLocale") : t("knowledge.form.optionalLocale")}</p>
        <div className="space-y-4" role="tabpanel">
          <TextField
            label={t("knowledge.form.articleTitle")}
            value={versions[tab].title}
            maxLength={200}
            onChange={(e) => (setVersions((v) => ({ ...v, [tab]: { ...v[tab], title: e.target.value } })), touch(`translations.${tab}.title`))}
            errors={errors[`translations.${tab}.title`]}
            data-testid="article-title"
          />
          <TextAreaField
            label={t("knowledge.form.body")}
            rows={10}
            value={versions[tab].body}
            maxLength={20000}
            onChange={(e) => (setVersions((v) => ({ ...v, [tab]: { ...v[tab], body: e.target.value } })), touch(`translations.${tab}.body`))}
            errors={errors[`translations.${tab}.body`]}
            data-testid="article-body"
          />
        </div>
      </Card>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={save.isPending} data-testid="article-save">
          {t("knowledge.form.save")}
        </Button>
        <Link href="/admin/knowledge" className="text-sm text-slate-600 hover:underline">
          {t("knowledge.form.back")}
        </Link>
        {article ? (
          <Button variant="danger" className="ml-auto" disabled={remove.isPending} onClick={() => window.confirm(t("knowledge.form.deleteConfirm")) && remove.mutate({ id: article.id })}>
            {t("knowledge.form.delete")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
