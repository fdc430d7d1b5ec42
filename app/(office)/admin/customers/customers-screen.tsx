"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo, useState } from "react";
import { RfmCode, SegmentBadge, StateBadge } from "@/app/_components/customers/customer-badges";
import { ConsultantPicker, type PickedConsultant } from "@/app/_components/network/consultant-picker";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { DataTable } from "@/app/_components/ui/data-table";
import { TextField } from "@/app/_components/ui/field";
import { SelectField } from "@/app/_components/ui/select-field";
import { useLocale, useT } from "@/app/_lib/i18n";
import { useTRPC, type RouterOutputs } from "@/app/_lib/trpc";
import { COMMERCIAL_STATES, CUSTOMER_SORTS, SEGMENTS, type CommercialState, type Segment } from "@/server/commerce/customer-segments";
import { formatMoney } from "@/server/commerce/money";
import { formatDate, formatNumber } from "../_lib/format";
import { useDebounced } from "../_lib/use-debounced";

type Row = RouterOutputs["customers"]["list"]["rows"][number];
type Sort = (typeof CUSTOMER_SORTS)[number];
const PAGE_SIZE = 25;

/** Every customer, filtered by consultant, state, segment and text, with a CSV of the same filter. */
export function CustomersScreen() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [q, setQ] = useState("");
  const [consultant, setConsultant] = useState<PickedConsultant | null>(null);
  const [pickerKey, setPickerKey] = useState(0);
  const [state, setState] = useState<CommercialState | "">("");
  const [segment, setSegment] = useState<Segment | "">("");
  const [sort, setSort] = useState<Sort>("recent");
  const [page, setPage] = useState(1);
  const text = useDebounced(q.trim());
  const filter = { q: text || undefined, consultantId: consultant?.id, state: state || undefined, segment: segment || undefined };
  const list = useQuery(trpc.customers.list.queryOptions({ ...filter, sort, page, pageSize: PAGE_SIZE }, { placeholderData: keepPreviousData }));
  const currency = list.data?.currency ?? "BRL";
  const exportHref = `/api/customers/export?${new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]))}`;
  const reset = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };

  const columns = useMemo<ColumnDef<Row>[]>(
    () => [
      {
        id: "name",
        header: t("customers.columns.name"),
        cell: ({ row: { original: c } }) => (
          <div>
            <Link href={`/admin/customers/${c.id}`} className="font-medium text-brand-700 hover:underline" data-testid={`customer-${c.email}`}>
              {c.fullName}
            </Link>
            <div className="text-xs text-slate-500">{c.email}</div>
          </div>
        ),
      },
      {
        id: "consultant",
        header: t("customers.columns.consultant"),
        cell: ({ row: { original: c } }) => (
          <Link href={`/admin/network/${c.consultantId}`} className="hover:underline">
            {c.consultantName} <span className="text-xs text-slate-500">{c.consultantCode}</span>
          </Link>
        ),
      },
      { id: "state", header: t("customers.columns.state"), cell: ({ row }) => <StateBadge state={row.original.commercialState} /> },
      { id: "segment", header: t("customers.columns.segment"), cell: ({ row }) => <SegmentBadge segment={row.original.segment} /> },
      { id: "rfm", header: t("customers.columns.rfm"), cell: ({ row }) => <RfmCode rfm={row.original.rfm} /> },
      { id: "orders", header: t("customers.columns.orders"), cell: ({ row }) => <span className="tabular-nums">{formatNumber(locale, row.original.ordersCount)}</span> },
      { id: "spent", header: t("customers.columns.spent"), cell: ({ row }) => <span className="whitespace-nowrap tabular-nums">{formatMoney(row.original.totalSpent, currency, locale)}</span> },
      { id: "last", header: t("customers.columns.lastOrder"), cell: ({ row }) => (row.original.lastOrderAt ? formatDate(locale, row.original.lastOrderAt) : <span className="text-slate-400">{t("common.none")}</span>) },
    ],
    [t, locale, currency],
  );

  return (
    <div className="space-y-4">
      <div className="grid gap-3 md:grid-cols-3 lg:grid-cols-6 lg:items-end">
        <TextField className="lg:col-span-2" type="search" label={t("customers.search")} value={q} maxLength={200} onChange={(e) => reset(setQ)(e.target.value)} data-testid="customers-search" />
        <div className="lg:col-span-2">
          <div className="flex items-end gap-2">
            <div className="flex-1">
              <ConsultantPicker key={pickerKey} label={t("customers.consultant")} onPick={(c) => reset(setConsultant)(c)} testId="customers-consultant" />
            </div>
            {consultant ? (
              <Button
                variant="ghost"
                onClick={() => {
                  reset(setConsultant)(null);
                  setPickerKey((k) => k + 1);
                }}
              >
                {t("customers.clearConsultant")}
              </Button>
            ) : null}
          </div>
        </div>
        <SelectField
          label={t("customers.stateFilter")}
          value={state}
          onChange={(e) => reset(setState)(e.target.value as CommercialState | "")}
          options={[{ value: "", label: t("customers.any") }, ...COMMERCIAL_STATES.map((s) => ({ value: s, label: t(`customers.states.${s}`) }))]}
          data-testid="customers-state"
        />
        <SelectField
          label={t("customers.segmentFilter")}
          value={segment}
          onChange={(e) => reset(setSegment)(e.target.value as Segment | "")}
          options={[{ value: "", label: t("customers.any") }, ...SEGMENTS.map((s) => ({ value: s, label: t(`customers.segments.${s}`) }))]}
          data-testid="customers-segment"
        />
      </div>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <SelectField label={t("customers.sort")} value={sort} onChange={(e) => reset(setSort)(e.target.value as Sort)} options={CUSTOMER_SORTS.map((s) => ({ value: s, label: t(`customers.sorts.${s}`) }))} data-testid="customers-sort" />
        <a href={exportHref} className="inline-flex items-center rounded-md bg-white px-3.5 py-2 text-sm font-medium text-slate-800 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50" data-testid="customers-export">
          {t("customers.exportCsv")}
        </a>
      </div>
      {list.error ? <Alert kind="error">{list.error.message}</Alert> : null}
      <DataTable
        caption={t("customers.caption")}
        columns={columns}
        rows={list.data?.rows ?? []}
        total={list.data?.total ?? 0}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={setPage}
        loading={list.isFetching}
        emptyText={t("customers.empty")}
      />
    </div>
  );
}
