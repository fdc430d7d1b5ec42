"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert, Badge } from "@/app/_components/ui/card";
import { DataTable } from "@/app/_components/ui/data-table";
import { SelectField } from "@/app/_components/ui/select-field";
import { useLocale, useT } from "@/app/_lib/i18n";
import { useTRPC, type RouterOutputs } from "@/app/_lib/trpc";
import { Dialog } from "../_components/dialog";
import { formatNumber } from "../_lib/format";
import { ClosePeriodConfirm } from "./close-period";
import { formatDay } from "./format-day";
import { NewCampaignForm } from "./new-campaign-form";

type Row = RouterOutputs["periods"]["list"]["rows"][number];
const PAGE_SIZE = 25;

/** Months and campaigns, newest first; campaigns are created here and any open period closed. */
export function PeriodsScreen() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [kind, setKind] = useState<"" | "month" | "campaign">("");
  const [status, setStatus] = useState<"" | "open" | "closed">("");
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [closing, setClosing] = useState<Row | null>(null);
  const [notice, setNotice] = useState<React.ReactNode>(null);
  const list = useQuery(trpc.periods.list.queryOptions({ page, pageSize: PAGE_SIZE, kind: kind || undefined, status: status || undefined }, { placeholderData: keepPreviousData }));

  const columns = useMemo<ColumnDef<Row>[]>(
    () => [
      { id: "code", header: t("periods.columns.code"), cell: ({ row }) => <span className="whitespace-nowrap font-mono text-xs">{row.original.code}</span> },
      {
        id: "name",
        header: t("periods.columns.name"),
        cell: ({ row }) => (
          <Link href={`/admin/periods/${row.original.id}`} className="font-medium text-brand-700 hover:underline" data-testid={`period-${row.original.code}`}>
            {row.original.name}
          </Link>
        ),
      },
      { id: "kind", header: t("periods.columns.kind"), cell: ({ row }) => <Badge tone={row.original.kind === "campaign" ? "blue" : "slate"}>{t(`periods.kinds.${row.original.kind}`)}</Badge> },
      {
        id: "dates",
        header: t("periods.columns.dates"),
        cell: ({ row }) => <span className="whitespace-nowrap tabular-nums">{t("periods.datesRange", { from: formatDay(locale, row.original.startsOn), to: formatDay(locale, row.original.endsOn) })}</span>,
      },
      {
        id: "status",
        header: t("periods.columns.status"),
        cell: ({ row }) => <Badge tone={row.original.status === "open" ? "green" : "amber"}>{t(`periods.statuses.${row.original.status}`)}</Badge>,
      },
      { id: "orders", header: t("periods.columns.orders"), cell: ({ row }) => <span className="tabular-nums">{formatNumber(locale, row.original.orders)}</span> },
      {
        id: "catalogue",
        header: t("periods.columns.catalogue"),
        cell: ({ row }) =>
          row.original.kind === "month" ? <span className="text-slate-400">{t("common.none")}</span> : row.original.products ? t("periods.productCount", { count: row.original.products }) : t("periods.wholeCatalogue"),
      },
      {
        id: "actions",
        header: t("periods.columns.actions"),
        cell: ({ row: { original: p } }) => (
          <div className="flex gap-2 whitespace-nowrap">
            <Link href={`/admin/periods/${p.id}`} className="inline-flex items-center rounded-md bg-white px-3.5 py-2 text-sm font-medium text-slate-800 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50">
              {t("periods.open")}
            </Link>
            {p.status === "open" ? (
              <Button variant="ghost" onClick={() => setClosing(p)} aria-label={`${t("periods.close")}: ${p.name}`} data-testid={`close-${p.code}`}>
                {t("periods.close")}
              </Button>
            ) : null}
          </div>
        ),
      },
    ],
    [t, locale],
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <SelectField
          label={t("periods.kind")}
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as typeof kind);
            setPage(1);
          }}
          options={[{ value: "", label: t("periods.any") }, { value: "month", label: t("periods.kinds.month") }, { value: "campaign", label: t("periods.kinds.campaign") }]}
          data-testid="periods-kind"
        />
        <SelectField
          label={t("periods.status")}
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as typeof status);
            setPage(1);
          }}
          options={[{ value: "", label: t("periods.any") }, { value: "open", label: t("periods.statuses.open") }, { value: "closed", label: t("periods.statuses.closed") }]}
          data-testid="periods-status"
        />
        <div className="flex-1" />
        <Button onClick={() => setCreating(true)} data-testid="new-campaign">
          {t("periods.newCampaign")}
        </Button>
      </div>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {list.error ? <Alert kind="error">{list.error.message}</Alert> : null}
      <DataTable
        caption={t("periods.caption")}
        columns={columns}
        rows={list.data?.rows ?? []}
        total={list.data?.total ?? 0}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={setPage}
        loading={list.isFetching}
        emptyText={t("periods.empty")}
      />

      <Dialog open={creating} onClose={() => setCreating(false)} title={t("periods.newCampaignTitle")} testId="new-campaign-dialog">
        {creating ? (
          <NewCampaignForm
            onCancel={() => setCreating(false)}
            onCreated={(code, id) => {
              setCreating(false);
              setNotice(
                <>
                  {t("periods.form.created", { code })}{" "}
                  <Link href={`/admin/periods/${id}`} className="font-medium underline">
                    {t("periods.detail.catalogueTitle")}
                  </Link>
                </>,
              );
            }}
          />
        ) : null}
      </Dialog>
      <Dialog open={closing !== null} onClose={() => setClosing(null)} title={closing ? t("periods.closeDialog.title", { name: closing.name }) : ""} testId="close-period-dialog">
        {closing ? (
          <ClosePeriodConfirm
            period={closing}
            onCancel={() => setClosing(null)}
            onDone={(message) => {
              setClosing(null);
              setNotice(message);
            }}
          />
        ) : null}
      </Dialog>
    </div>
  );
}
