"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { TextField } from "@/app/_components/ui/field";
import { useLocale, useT } from "@/app/_lib/i18n";
import { useTRPC } from "@/app/_lib/trpc";
import { formatMoney } from "@/server/commerce/money";

/**
 * The campaign's catalogue as a checklist of every product (up to 200, the list's page size; a
 * company with more would page or search here). None ticked: the whole active catalogue is sold.
 */
export function CampaignCatalogue({ periodId, initial, readOnly }: { periodId: number; initial: number[]; readOnly: boolean }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState(() => new Set(initial));
  const [filter, setFilter] = useState("");
  const [saved, setSaved] = useState<string | null>(null);
  const all = useQuery(trpc.catalogue.list.queryOptions({ page: 1, pageSize: 200, status: "all" }));
  const save = useMutation(
    trpc.periods.setCatalogue.mutationOptions({
      onSuccess: async (r) => {
        await queryClient.invalidateQueries({ queryKey: trpc.periods.pathKey() });
        setSaved(r.productIds.length ? t("periods.detail.catalogueSaved", { count: r.productIds.length }) : t("periods.detail.catalogueCleared"));
      },
    }),
  );
  const nameOf = (n: { "pt-BR": string; es?: string; en?: string }) => (locale !== "pt-BR" && n[locale]) || n["pt-BR"];
  const q = filter.trim().toLocaleLowerCase(locale);
  const visible = (all.data?.rows ?? []).filter((p) => !q || p.sku.toLocaleLowerCase(locale).includes(q) || nameOf(p.name).toLocaleLowerCase(locale).includes(q));

  const toggle = (id: number, on: boolean) => {
    setSaved(null);
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  };

  if (all.isPending) return <p className="text-sm text-slate-500">{t("common.loading")}</p>;
  if (all.error) return <Alert kind="error">{all.error.message}</Alert>;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">{t("periods.detail.catalogueHelp")}</p>
      {saved ? <Alert kind="success">{saved}</Alert> : null}
      {save.error ? <Alert kind="error">{save.error.message}</Alert> : null}
      <div className="flex flex-wrap items-end gap-3">
        <TextField className="min-w-56 flex-1" type="search" label={t("periods.detail.filter")} value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="campaign-catalogue-filter" />
        <span className="pb-2 text-sm text-slate-600" data-testid="campaign-catalogue-count">
          {t("periods.detail.selected", { count: chosen.size })}
        </span>
      </div>
      <fieldset disabled={readOnly || save.isPending}>
        <legend className="sr-only">{t("periods.detail.catalogueTitle")}</legend>
        <ul className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
          {visible.map((p) => (
            <li key={p.id}>
              <label className="flex cursor-pointer items-center gap-3 px-3 py-2 text-sm hover:bg-slate-50">
                <input type="checkbox" checked={chosen.has(p.id)} onChange={(e) => toggle(p.id, e.target.checked)} data-testid={`campaign-product-${p.sku}`} />
                <span className="w-32 shrink-0 font-mono text-xs text-slate-600">{p.sku}</span>
                <span className="flex-1 text-slate-900">
                  {nameOf(p.name)}
                  {p.active ? null : <span className="ml-2 text-xs text-slate-500">({t("periods.detail.inactiveProduct")})</span>}
                </span>
                <span className="tabular-nums text-slate-600">{formatMoney(p.retailPrice, p.currency, locale)}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {readOnly ? null : (
        <div className="flex flex-wrap gap-2">
          <Button onClick={() => save.mutate({ periodId, productIds: [...chosen] })} disabled={save.isPending} data-testid="campaign-catalogue-save">
            {t("periods.detail.saveCatalogue")}
          </Button>
          <Button variant="secondary" onClick={() => visible.forEach((p) => toggle(p.id, true))}>
            {t("periods.detail.selectAll")}
          </Button>
          <Button variant="ghost" onClick={() => (setChosen(new Set()), setSaved(null))}>
            {t("periods.detail.clear")}
          </Button>
        </div>
      )}
    </div>
  );
}
