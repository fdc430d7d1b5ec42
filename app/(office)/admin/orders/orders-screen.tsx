"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import type { ColumnDef, SortingState } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo, useState } from "react";
import { ConsultantPicker } from "@/app/_components/network/consultant-picker";
import { OrderStatusBadge } from "@/app/_components/orders/status-badge";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { DataTable } from "@/app/_components/ui/data-table";
import { TextField } from "@/app/_components/ui/field";
import { SelectField } from "@/app/_components/ui/select-field";
import { useLocale, useT } from "@/app/_lib/i18n";
import { fieldErrorsOf, useTRPC, type RouterOutputs } from "@/app/_lib/trpc";
import { formatMoney, formatVolume } from "@/server/commerce/money";
import type { OrderSort } from "@/server/commerce/order-schemas";
import type { MessageKey } from "@/server/i18n/messages";
import { useDebounced } from "../_lib/use-debounced";

type OrderRow = RouterOutputs["orders"]["list"]["rows"][number];
type Status = OrderRow["status"];
type Channel = OrderRow["channel"];
const STATUSES: Status[] = ["cart", "placed", "paid", "invoiced", "shipped", "delivered", "cancelled"];
const CHANNELS: Channel[] = ["staff", "portal", "site"];
const SORTABLE = new Set<string>(["createdAt", "number", "total", "status"]);
const PAGE_SIZE = 25;

const dateTime = (locale: string, at: Date | string) => new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short" }).format(new Date(at));

/** The staff order list: every filter and the sort run on the server; paid rows can be invoiced in a batch. */
export function OrdersScreen() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [text, setText] = useState("");
  const [status, setStatus] = useState<Status | "">("");
  const [channel, setChannel] = useState<Channel | "">("");
  const [periodId, setPeriodId] = useState("");
  const [consultant, setConsultant] = useState<{ id: number; label: string } | null>(null);
  const [pickerKey, setPickerKey] = useState(0);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [page, setPage] = useState(1);
  const [sorting, setSorting] = useState<SortingState>([{ id: "createdAt", desc: true }]);
  const [selected, setSelected] = useState<Map<number, OrderRow>>(new Map());
  const [notice, setNotice] = useState<{ kind: "success" | "error"; text: string } | null>(null);
  const debouncedText = useDebounced(text.trim());

  const sort = (sorting[0]?.id ?? "createdAt") as OrderSort;
  const input = {
    page,
    pageSize: PAGE_SIZE,
    text: debouncedText || undefined,
    status: status || undefined,
    channel: channel || undefined,
    periodId: periodId ? Number(periodId) : undefined,
    consultantId: consultant?.id,
    from: from || undefined,
    to: to || undefined,
    sort,
    dir: sorting[0]?.desc === false ? ("asc" as const) : ("desc" as const),
  };
  const query = useQuery(trpc.orders.list.queryOptions(input, { placeholderData: keepPreviousData }));
  const periods = useQuery(trpc.orders.periods.queryOptions());
  const issue = useMutation(trpc.orders.issueInvoices.mutationOptions());

  const changed = <T,>(set: (v: T) => void) => (value: T) => {
    set(value);
    setPage(1);
    setSelected(new Map());
  };

  const rows = query.data?.rows ?? [];
  const paidOnPage = rows.filter((r) => r.status === "paid");
  const toggle = (row: OrderRow, on: boolean) =>
    setSelected((prev) => {
      const next = new Map(prev);
      if (on) next.set(row.id, row);
      else next.delete(row.id);
      return next;
    });

  const issueSelected = async () => {
    setNotice(null);
    const chosen = [...selected.values()];
    const results = await issue.mutateAsync({ orderIds: chosen.map((r) => r.id) });
    const failed = results.filter((r) => r.error);
    const ok = results.length - failed.length;
    const reasons = failed
      .map((f) => {
        const row = selected.get(f.orderId);
        const why =
          f.error === "commerce.errors.badTransition" && row
            ? t("commerce.errors.badTransition", { from: t(`commerce.status.${row.status}`), to: t("commerce.status.invoiced") })
            : t(f.error as MessageKey);
        return `${row?.number ?? f.orderId} — ${why}`;
      })
      .join("; ");
    setNotice(failed.length ? { kind: "error", text: t("orders.list.issuedSome", { ok, failed: failed.length, reasons }) } : { kind: "success", text: t("orders.list.issued", { ok }) });
    setSelected(new Map());
    await query.refetch();
  };

  const columns = useMemo<ColumnDef<OrderRow>[]>(
    () => [
      {
        id: "select",
        enableSorting: false,
        header: () => (
          <input
            type="checkbox"
            className="h-4 w-4"
            aria-label={t("orders.list.selectAllPaid")}
            disabled={paidOnPage.length === 0}
            checked={paidOnPage.length > 0 && paidOnPage.every((r) => selected.has(r.id))}
            onChange={(e) => paidOnPage.forEach((r) => toggle(r, e.target.checked))}
          />
        ),
        cell: ({ row: { original: o } }) => (
          <input
            type="checkbox"
            className="h-4 w-4"
            aria-label={t("orders.list.select", { number: o.number })}
            disabled={o.status !== "paid"}
            checked={selected.has(o.id)}
            onChange={(e) => toggle(o, e.target.checked)}
            data-testid={`select-${o.number}`}
          />
        ),
      },
      {
        id: "number",
        header: t("orders.list.number"),
        cell: ({ row: { original: o } }) => (
          <Link href={`/admin/orders/${o.id}`} className="font-medium text-brand-700 hover:underline" aria-label={t("orders.list.open", { number: o.number })} data-testid={`order-link-${o.number}`}>
            {o.number}
          </Link>
        ),
      },
      { id: "createdAt", header: t("orders.list.date"), cell: ({ row }) => <span className="whitespace-nowrap tabular-nums">{dateTime(locale, row.original.createdAt)}</span> },
      {
        id: "consultant",
        enableSorting: false,
        header: t("orders.list.consultant"),
        cell: ({ row: { original: o } }) => (
          <span>
            {o.consultantName} <span className="text-xs text-slate-500">· {o.consultantCode}</span>
          </span>
        ),
      },
      {
        id: "customer",
        enableSorting: false,
        header: t("orders.list.customer"),
        cell: ({ row: { original: o } }) => (o.customerName ? <span>{o.customerName}</span> : <span className="text-slate-500">{t("orders.list.ownPurchase")}</span>),
      },
      { id: "channel", enableSorting: false, header: t("orders.list.channel"), cell: ({ row }) => t(`commerce.channel.${row.original.channel}`) },
      { id: "status", header: t("orders.list.status"), cell: ({ row }) => <OrderStatusBadge status={row.original.status} label={t(`commerce.status.${row.original.status}`)} /> },
      { id: "total", header: t("orders.list.total"), cell: ({ row }) => <span className="whitespace-nowrap tabular-nums">{formatMoney(row.original.total, row.original.currency, locale)}</span> },
      { id: "pv", enableSorting: false, header: t("orders.list.pv"), cell: ({ row }) => <span className="tabular-nums">{formatVolume(row.original.pv, locale)}</span> },
      { id: "invoice", enableSorting: false, header: t("orders.list.invoice"), cell: ({ row }) => (row.original.invoiceNumber ? <span className="tabular-nums">{row.original.invoiceNumber}</span> : t("common.none")) },
    ],
    [t, locale, selected, rows],
  );

  const errors = fieldErrorsOf(query.error);
  const anyFilter = text || status || channel || periodId || consultant || from || to;
  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <TextField type="search" label={t("orders.list.text")} value={text} maxLength={100} onChange={(e) => changed(setText)(e.target.value)} data-testid="orders-text" />
        <SelectField
          label={t("orders.list.status")}
          value={status}
          onChange={(e) => changed(setStatus)(e.target.value as Status | "")}
          options={[{ value: "", label: t("orders.list.any") }, ...STATUSES.map((s) => ({ value: s, label: t(`commerce.status.${s}`) }))]}
          data-testid="orders-status"
        />
        <SelectField
          label={t("orders.list.channel")}
          value={channel}
          onChange={(e) => changed(setChannel)(e.target.value as Channel | "")}
          options={[{ value: "", label: t("orders.list.any") }, ...CHANNELS.map((c) => ({ value: c, label: t(`commerce.channel.${c}`) }))]}
        />
        <SelectField
          label={t("orders.list.period")}
          value={periodId}
          onChange={(e) => changed(setPeriodId)(e.target.value)}
          options={[{ value: "", label: t("orders.list.any") }, ...(periods.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))]}
        />
        <div className="sm:col-span-2">
          {consultant ? (
            <div>
              <span className="block text-sm font-medium text-slate-700">{t("orders.list.consultant")}</span>
              <div className="mt-1 flex items-center gap-2">
                <span className="rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-800">{consultant.label}</span>
                <Button
                  variant="ghost"
                  onClick={() => {
                    changed(setConsultant)(null);
                    setPickerKey((k) => k + 1);
                  }}
                >
                  {t("orders.list.clearConsultant")}
                </Button>
              </div>
            </div>
          ) : (
            <ConsultantPicker key={pickerKey} label={t("orders.list.consultant")} onPick={(c) => changed(setConsultant)({ id: c.id, label: `${c.fullName} · ${c.code}` })} testId="orders-consultant" />
          )}
        </div>
        <TextField type="date" label={t("orders.list.from")} value={from} onChange={(e) => changed(setFrom)(e.target.value)} errors={errors.from} />
        <TextField type="date" label={t("orders.list.to")} value={to} onChange={(e) => changed(setTo)(e.target.value)} errors={errors.to} />
      </div>

      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-3 text-sm text-slate-600">
          {selected.size ? <span data-testid="orders-selected">{t("orders.list.selected", { count: selected.size })}</span> : null}
          <Button disabled={!selected.size || issue.isPending} onClick={() => void issueSelected().catch(() => {})} data-testid="orders-issue">
            {t("orders.list.issueSelected")}
          </Button>
        </div>
        {anyFilter ? (
          <Button
            variant="ghost"
            onClick={() => {
              [setText, setStatus, setChannel, setPeriodId, setFrom, setTo].forEach((set) => (set as (v: string) => void)(""));
              setConsultant(null);
              setPickerKey((k) => k + 1);
              setPage(1);
              setSelected(new Map());
            }}
          >
            {t("orders.list.clearFilters")}
          </Button>
        ) : null}
      </div>

      {notice ? <Alert kind={notice.kind}>{notice.text}</Alert> : null}
      {issue.error ? <Alert kind="error">{issue.error.message}</Alert> : null}
      {query.error ? <Alert kind="error">{query.error.message}</Alert> : null}

      <DataTable
        caption={t("orders.list.caption")}
        columns={columns.map((c) => ({ ...c, enableSorting: c.id ? SORTABLE.has(c.id) : false }))}
        rows={rows}
        total={query.data?.total ?? 0}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={setPage}
        sorting={sorting}
        onSortingChange={(s) => {
          setSorting(s.length ? s : [{ id: "createdAt", desc: true }]);
          setPage(1);
        }}
        loading={query.isFetching}
        emptyText={t("orders.list.empty")}
      />
    </div>
  );
}
