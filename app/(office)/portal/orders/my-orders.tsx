"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo, useState } from "react";
import { OrderStatusBadge } from "@/app/_components/orders/status-badge";
import { Alert } from "@/app/_components/ui/card";
import { DataTable } from "@/app/_components/ui/data-table";
import { TextField } from "@/app/_components/ui/field";
import { SelectField } from "@/app/_components/ui/select-field";
import { useLocale, useT } from "@/app/_lib/i18n";
import { useTRPC, type RouterOutputs } from "@/app/_lib/trpc";
import { formatMoney, formatVolume } from "@/server/commerce/money";

type Row = RouterOutputs["orders"]["mine"]["rows"][number];
type Status = Row["status"];
const STATUSES: Status[] = ["placed", "paid", "invoiced", "shipped", "delivered", "cancelled", "cart"];
const PAGE_SIZE = 20;

/** The consultant's own orders (theirs and their customers'); the server scopes the list to them. */
export function MyOrders() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [text, setText] = useState("");
  const [status, setStatus] = useState<Status | "">("");
  const [page, setPage] = useState(1);
  const [settled, setSettled] = useState("");
  const query = useQuery(trpc.orders.mine.queryOptions({ page, pageSize: PAGE_SIZE, status: status || undefined, text: settled || undefined }, { placeholderData: keepPreviousData }));

  const columns = useMemo<ColumnDef<Row>[]>(
    () => [
      {
        id: "number",
        header: t("orders.list.number"),
        cell: ({ row: { original: o } }) => (
          <Link href={`/portal/orders/${o.id}`} className="font-medium text-brand-700 hover:underline" data-testid={`my-order-${o.number}`}>
            {o.number}
          </Link>
        ),
      },
      { id: "date", header: t("orders.list.date"), cell: ({ row }) => <span className="whitespace-nowrap tabular-nums">{new Intl.DateTimeFormat(locale, { dateStyle: "short" }).format(new Date(row.original.createdAt))}</span> },
      { id: "customer", header: t("orders.list.customer"), cell: ({ row }) => row.original.customerName ?? <span className="text-slate-500">{t("orders.list.ownPurchase")}</span> },
      { id: "channel", header: t("orders.list.channel"), cell: ({ row }) => t(`commerce.channel.${row.original.channel}`) },
      { id: "status", header: t("orders.list.status"), cell: ({ row }) => <OrderStatusBadge status={row.original.status} label={t(`commerce.status.${row.original.status}`)} /> },
      { id: "total", header: t("orders.list.total"), cell: ({ row }) => <span className="whitespace-nowrap tabular-nums">{formatMoney(row.original.total, row.original.currency, locale)}</span> },
      { id: "pv", header: t("orders.list.pv"), cell: ({ row }) => <span className="tabular-nums">{formatVolume(row.original.pv, locale)}</span> },
    ],
    [t, locale],
  );

  return (
    <div className="space-y-4">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          setSettled(text.trim());
          setPage(1);
        }}
      >
        <TextField
          className="min-w-56 flex-1"
          type="search"
          label={t("orders.list.text")}
          value={text}
          maxLength={100}
          onChange={(e) => setText(e.target.value)}
          onBlur={() => {
            setSettled(text.trim());
            setPage(1);
          }}
        />
        <SelectField
          label={t("orders.list.status")}
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as Status | "");
            setPage(1);
          }}
          options={[{ value: "", label: t("orders.list.any") }, ...STATUSES.map((s) => ({ value: s, label: t(`commerce.status.${s}`) }))]}
        />
      </form>
      {query.error ? <Alert kind="error">{query.error.message}</Alert> : null}
      <DataTable
        caption={t("orders.nav.myOrders")}
        columns={columns}
        rows={query.data?.rows ?? []}
        total={query.data?.total ?? 0}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={setPage}
        loading={query.isFetching}
        emptyText={status || settled ? t("orders.list.empty") : t("orders.list.myEmpty")}
      />
    </div>
  );
}
