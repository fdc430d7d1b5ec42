"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert, Stat } from "@/app/_components/ui/card";
import { DataTable } from "@/app/_components/ui/data-table";
import { TextField } from "@/app/_components/ui/field";
import { SelectField } from "@/app/_components/ui/select-field";
import { useLocale, useT } from "@/app/_lib/i18n";
import { useTRPC, type RouterOutputs } from "@/app/_lib/trpc";
import { formatMoney } from "@/server/commerce/money";
import { DocumentLink } from "@/app/_components/documents/document-link";
import { useDebounced } from "../_lib/use-debounced";
import { PayDialog } from "./pay-dialog";

const BUCKETS = ["notDue", "d0to30", "d31to60", "d61to90", "d90plus"] as const;
type Bucket = (typeof BUCKETS)[number];
type AgingRow = RouterOutputs["collections"]["aging"]["rows"][number];
type OpenRow = RouterOutputs["collections"]["openOrders"]["rows"][number];
const PAGE_SIZE = 20;

/** Receivables by age per consultant (with totals), and below them the open orders and debit notes to collect. */
export function CollectionsScreen() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [q, setQ] = useState("");
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [focus, setFocus] = useState<{ id: number; name: string } | null>(null);
  const [bucket, setBucket] = useState<Bucket | "">("");
  const [openPage, setOpenPage] = useState(1);
  const [paying, setPaying] = useState<OpenRow | null>(null);
  const search = useDebounced(q.trim());
  const aging = useQuery(trpc.collections.aging.queryOptions({ page, pageSize: PAGE_SIZE, q: search || undefined, overdueOnly }, { placeholderData: keepPreviousData }));
  const open = useQuery(
    trpc.collections.openOrders.queryOptions(
      {
        page: openPage,
        pageSize: PAGE_SIZE,
        consultantId: focus?.id,
        bucket: bucket || undefined,
      },
      { placeholderData: keepPreviousData },
    ),
  );
  const money = (minor: number, currency = "BRL") => formatMoney(minor, currency, locale);
  const totals = aging.data?.totals[0];
  const date = (d: string) =>
    new Intl.DateTimeFormat(locale, {
      dateStyle: "short",
      timeZone: "UTC",
    }).format(new Date(`${d}T00:00:00Z`));

  const agingColumns = useMemo<ColumnDef<AgingRow>[]>(
    () => [
      {
        id: "consultant",
        header: t("collections.byConsultant.consultant"),
        cell: ({ row: { original: r } }) => (
          <button
            type="button"
            className="text-left font-medium text-brand-700 hover:underline"
            aria-label={t("collections.byConsultant.show", { name: r.name })}
            onClick={() => {
              setFocus({ id: r.consultantId, name: `${r.name} · ${r.code}` });
              setOpenPage(1);
            }}
            data-testid={`aging-consultant-${r.consultantId}`}
          >
            {r.name} · {r.code}
          </button>
        ),
      },
      {
        id: "orders",
        header: t("collections.byConsultant.orders"),
        cell: ({ row }) => <span className="tabular-nums">{row.original.orders}</span>,
      },
      ...BUCKETS.map((b): ColumnDef<AgingRow> => ({
        id: b,
        header: t(`collections.bucket.${b}`),
        cell: ({ row }) => (
          <span className={`tabular-nums ${row.original.buckets[b] && b !== "notDue" ? "text-red-700" : "text-slate-700"}`}>{row.original.buckets[b] ? money(row.original.buckets[b], row.original.currency) : "—"}</span>
        ),
      })),
      {
        id: "total",
        header: t("collections.byConsultant.total"),
        cell: ({ row }) => <span className="font-medium tabular-nums">{money(row.original.total, row.original.currency)}</span>,
      },
    ],
    [t, locale],
  );

  const openColumns = useMemo<ColumnDef<OpenRow>[]>(
    () => [
      {
        id: "number",
        header: t("collections.open.order"),
        cell: ({ row: { original: o } }) =>
          o.kind === "order" ? (
            <a href={`/admin/orders/${o.id}`} className="font-medium text-brand-700 hover:underline">
              {o.number}
            </a>
          ) : (
            <span className="flex flex-col whitespace-nowrap" data-testid={`open-note-${o.number}`}>
              <DocumentLink id={o.id} label={t("collections.open.debitNote", { number: o.number })} />
              {o.orderId && o.orderNumber ? (
                <a href={`/admin/orders/${o.orderId}`} className="text-xs text-slate-500 hover:underline">
                  {t("collections.open.ofOrder", { number: o.orderNumber })}
                </a>
              ) : null}
            </span>
          ),
      },
      {
        id: "consultant",
        header: t("collections.open.consultant"),
        cell: ({ row }) => `${row.original.name} · ${row.original.code}`,
      },
      {
        id: "customer",
        header: t("collections.open.customer"),
        cell: ({ row }) => row.original.customerName ?? "—",
      },
      {
        id: "placedAt",
        header: t("collections.open.placedAt"),
        cell: ({ row }) => <span className="tabular-nums">{row.original.placedAt ? new Intl.DateTimeFormat(locale, { dateStyle: "short" }).format(new Date(row.original.placedAt)) : "—"}</span>,
      },
      {
        id: "dueOn",
        header: t("collections.open.dueOn"),
        cell: ({ row }) => <span className="tabular-nums">{date(row.original.dueOn)}</span>,
      },
      {
        id: "late",
        header: t("collections.open.daysPastDue"),
        cell: ({ row }) =>
          row.original.daysPastDue < 0 ? (
            <span className="text-slate-500">{t("collections.open.notDue")}</span>
          ) : (
            <span className="tabular-nums text-red-700">{t("collections.open.days", { count: row.original.daysPastDue })}</span>
          ),
      },
      {
        id: "total",
        header: t("collections.open.total"),
        cell: ({ row }) => <span className="tabular-nums">{money(row.original.total, row.original.currency)}</span>,
      },
      {
        id: "pay",
        header: "",
        cell: ({ row: { original: o } }) => (
          <Button
            variant="secondary"
            className="whitespace-nowrap px-2.5 py-1 text-xs"
            aria-label={t("collections.open.payOf", {
              number: o.kind === "order" ? o.number : t("collections.open.debitNote", { number: o.number }),
            })}
            onClick={() => setPaying(o)}
            data-testid={o.kind === "order" ? `pay-${o.number}` : `pay-note-${o.number}`}
          >
            {t("collections.open.pay")}
          </Button>
        ),
      },
    ],
    [t, locale],
  );

  return (
    <div className="space-y-8">
      {aging.data ? <p className="text-sm text-slate-500">{t("collections.asOf", { date: date(aging.data.asOf) })}</p> : null}
      <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="aging-totals">
        {BUCKETS.map((b) => (
          <Stat key={b} label={t(`collections.bucket.${b}`)} value={money(totals?.buckets[b] ?? 0, totals?.currency)} testId={`aging-${b}`} />
        ))}
        <Stat label={t("collections.total")} value={money(totals?.total ?? 0, totals?.currency)} testId="aging-total" />
      </div>

      <section className="space-y-3">
        <div className="flex flex-wrap items-end gap-3">
          <TextField className="min-w-56 flex-1" type="search" label={t("collections.search")} value={q} maxLength={100} onChange={(e) => (setQ(e.target.value), setPage(1))} data-testid="aging-search" />
          <label className="inline-flex items-center gap-2 pb-2 text-sm text-slate-700">
            <input type="checkbox" checked={overdueOnly} onChange={(e) => (setOverdueOnly(e.target.checked), setPage(1))} data-testid="aging-overdue-only" />
            {t("collections.overdueOnly")}
          </label>
        </div>
        {aging.error ? <Alert kind="error">{aging.error.message}</Alert> : null}
        <DataTable
          caption={t("collections.byConsultant.caption")}
          columns={agingColumns}
          rows={aging.data?.rows ?? []}
          total={aging.data?.total ?? 0}
          page={page}
          pageSize={PAGE_SIZE}
          onPageChange={setPage}
          loading={aging.isFetching}
          emptyText={t("collections.byConsultant.empty")}
        />
      </section>

      <section className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 className="text-base font-semibold text-slate-900" data-testid="open-title">
            {focus ? t("collections.open.of", { name: focus.name }) : t("collections.open.title")}
          </h2>
          <div className="flex items-end gap-3">
            {focus ? (
              <Button variant="ghost" onClick={() => (setFocus(null), setOpenPage(1))}>
                {t("collections.open.clear")}
              </Button>
            ) : null}
            <SelectField
              label={t("collections.open.daysPastDue")}
              value={bucket}
              onChange={(e) => (setBucket(e.target.value as Bucket | ""), setOpenPage(1))}
              options={[
                { value: "", label: t("collections.open.anyBucket") },
                ...BUCKETS.map((b) => ({
                  value: b,
                  label: t(`collections.bucket.${b}`),
                })),
              ]}
              data-testid="open-bucket"
            />
          </div>
        </div>
        {open.error ? <Alert kind="error">{open.error.message}</Alert> : null}
        <DataTable
          caption={t("collections.open.caption")}
          columns={openColumns}
          rows={open.data?.rows ?? []}
          total={open.data?.total ?? 0}
          page={openPage}
          pageSize={PAGE_SIZE}
          onPageChange={setOpenPage}
          loading={open.isFetching}
          emptyText={t("collections.open.empty")}
        />
      </section>
      {paying ? (
        <PayDialog
          order={paying}
          onClose={() => setPaying(null)}
          onPaid={() => {
            void aging.refetch();
            void open.refetch();
          }}
        />
      ) : null}
    </div>
  );
}
