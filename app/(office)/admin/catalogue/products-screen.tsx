"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert, Badge } from "@/app/_components/ui/card";
import { DataTable } from "@/app/_components/ui/data-table";
import { TextField } from "@/app/_components/ui/field";
import { SelectField } from "@/app/_components/ui/select-field";
import { useLocale, useT } from "@/app/_lib/i18n";
import { useTRPC, type RouterOutputs } from "@/app/_lib/trpc";
import { formatMoney, formatVolume } from "@/server/commerce/money";
import { useDebounced } from "../_lib/use-debounced";

type Row = RouterOutputs["catalogue"]["list"]["rows"][number];
type Status = "all" | "active" | "inactive";
const PAGE_SIZE = 25;

/** The catalogue: search by SKU or name, filter by status, activate or deactivate in place. */
export function ProductsScreen() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [q, setQ] = useState("");
  const [status, setStatus] = useState<Status>("all");
  const [page, setPage] = useState(1);
  const [notice, setNotice] = useState<string | null>(null);
  const search = useDebounced(q.trim());
  const list = useQuery(trpc.catalogue.list.queryOptions({ page, pageSize: PAGE_SIZE, q: search || undefined, status }, { placeholderData: keepPreviousData }));
  const toggle = useMutation(
    trpc.catalogue.setActive.mutationOptions({
      onSuccess: async (result, input) => {
        await queryClient.invalidateQueries({ queryKey: trpc.catalogue.list.queryKey() });
        const sku = list.data?.rows.find((r) => r.id === input.id)?.sku ?? "";
        setNotice(t(result.active ? "catalogue.activated" : "catalogue.deactivated", { sku }));
      },
    }),
  );

  const columns = useMemo<ColumnDef<Row>[]>(
    () => [
      {
        id: "photo",
        header: t("catalogue.columns.photo"),
        cell: ({ row }) =>
          row.original.photoUrl ? (
            <img src={row.original.photoUrl} alt="" className="h-10 w-10 rounded object-cover ring-1 ring-slate-200" loading="lazy" />
          ) : (
            <span className="inline-block h-10 w-10 rounded bg-slate-100" aria-hidden />
          ),
      },
      { id: "sku", header: t("catalogue.columns.sku"), cell: ({ row }) => <span className="whitespace-nowrap font-mono text-xs">{row.original.sku}</span> },
      {
        id: "name",
        header: t("catalogue.columns.name"),
        cell: ({ row }) => (
          <Link href={`/admin/catalogue/${row.original.id}`} className="font-medium text-brand-700 hover:underline" data-testid={`product-${row.original.sku}`}>
            {(locale !== "pt-BR" && row.original.name[locale]) || row.original.name["pt-BR"]}
          </Link>
        ),
      },
      { id: "retail", header: t("catalogue.columns.retail"), cell: ({ row }) => <span className="tabular-nums">{formatMoney(row.original.retailPrice, row.original.currency, locale)}</span> },
      { id: "consultant", header: t("catalogue.columns.consultant"), cell: ({ row }) => <span className="tabular-nums">{formatMoney(row.original.consultantPrice, row.original.currency, locale)}</span> },
      { id: "pv", header: t("catalogue.columns.pv"), cell: ({ row }) => <span className="tabular-nums">{formatVolume(row.original.pv, locale)}</span> },
      { id: "cv", header: t("catalogue.columns.cv"), cell: ({ row }) => <span className="tabular-nums">{formatVolume(row.original.cv, locale)}</span> },
      {
        id: "status",
        header: t("catalogue.columns.status"),
        cell: ({ row }) => <Badge tone={row.original.active ? "green" : "slate"}>{t(row.original.active ? "catalogue.active" : "catalogue.inactive")}</Badge>,
      },
      {
        id: "actions",
        header: t("catalogue.columns.actions"),
        cell: ({ row: { original: p } }) => (
          <div className="flex gap-2 whitespace-nowrap">
            <Link href={`/admin/catalogue/${p.id}`} className="inline-flex items-center rounded-md bg-white px-3.5 py-2 text-sm font-medium text-slate-800 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50">
              {t("catalogue.edit")}
            </Link>
            <Button
              variant={p.active ? "ghost" : "secondary"}
              disabled={toggle.isPending}
              onClick={() => toggle.mutate({ id: p.id, active: !p.active })}
              aria-label={`${t(p.active ? "catalogue.deactivate" : "catalogue.activate")}: ${p.sku}`}
              data-testid={`toggle-${p.sku}`}
            >
              {t(p.active ? "catalogue.deactivate" : "catalogue.activate")}
            </Button>
          </div>
        ),
      },
    ],
    [t, locale, toggle],
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          className="min-w-56 flex-1"
          type="search"
          label={t("catalogue.search")}
          value={q}
          maxLength={200}
          onChange={(e) => {
            setQ(e.target.value);
            setPage(1);
          }}
          data-testid="products-search"
        />
        <SelectField
          label={t("catalogue.status")}
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as Status);
            setPage(1);
          }}
          options={[
            { value: "all", label: t("catalogue.statusAll") },
            { value: "active", label: t("catalogue.active") },
            { value: "inactive", label: t("catalogue.inactive") },
          ]}
          data-testid="products-status"
        />
      </div>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {list.error ? <Alert kind="error">{list.error.message}</Alert> : null}
      {toggle.error ? <Alert kind="error">{toggle.error.message}</Alert> : null}
      <DataTable
        caption={t("catalogue.caption")}
        columns={columns}
        rows={list.data?.rows ?? []}
        total={list.data?.total ?? 0}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={setPage}
        loading={list.isFetching}
        emptyText={t("catalogue.empty")}
      />
    </div>
  );
}
