"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo, useState } from "react";
import { Alert } from "@/app/_components/ui/card";
import { DataTable } from "@/app/_components/ui/data-table";
import { TextField } from "@/app/_components/ui/field";
import { SelectField } from "@/app/_components/ui/select-field";
import { useLocale, useT } from "@/app/_lib/i18n";
import { useTRPC, type RouterOutputs } from "@/app/_lib/trpc";
import { formatMoney } from "@/server/commerce/money";
import { ReturnStatusBadge } from "./status-badge";

type Row = RouterOutputs["returns"]["queue"]["rows"][number];
type Status = "pending" | "approved" | "rejected";
const PAGE_SIZE = 25;

/** The staff queue (pending first) or a consultant's own requests: filters, server-side pages. */
export function ReturnsTable({ mode, initialStatus }: { mode: "staff" | "portal"; initialStatus?: Status }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [status, setStatus] = useState<Status | "">(initialStatus ?? "");
  const [kind, setKind] = useState<"return" | "exchange" | "">("");
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const input = { page, pageSize: PAGE_SIZE, status: status || undefined, kind: kind || undefined, q: q.trim() || undefined };
  const staff = useQuery({ ...trpc.returns.queue.queryOptions(input, { placeholderData: keepPreviousData }), enabled: mode === "staff" });
  const mine = useQuery({ ...trpc.returns.mine.queryOptions(input, { placeholderData: keepPreviousData }), enabled: mode === "portal" });
  const query = mode === "staff" ? staff : mine;
  const base = mode === "staff" ? "/admin/returns" : "/portal/returns";

  const columns = useMemo<ColumnDef<Row>[]>(
    () => [
      {
        id: "id",
        header: t("returns.list.id"),
        cell: ({ row: { original: r } }) => (
          <Link href={`${base}/${r.id}`} className="font-medium text-brand-700 hover:underline" aria-label={t("returns.list.open", { id: r.id })} data-testid={`return-open-${r.id}`}>
            {r.id}
          </Link>
        ),
      },
      { id: "requestedAt", header: t("returns.list.requestedAt"), cell: ({ row }) => <span className="whitespace-nowrap tabular-nums">{new Intl.DateTimeFormat(locale, { dateStyle: "short" }).format(new Date(row.original.requestedAt))}</span> },
      { id: "order", header: t("returns.list.order"), cell: ({ row }) => row.original.orderNumber },
      ...(mode === "staff" ? [{ id: "consultant", header: t("returns.list.consultant"), cell: ({ row }: { row: { original: Row } }) => `${row.original.consultantName} · ${row.original.consultantCode}` }] : []),
      { id: "kind", header: t("returns.list.kind"), cell: ({ row }) => t(`returns.kind.${row.original.kind}`) },
      { id: "reason", header: t("returns.list.reason"), cell: ({ row }) => (locale !== "pt-BR" && row.original.reason[locale]) || row.original.reason["pt-BR"] },
      { id: "value", header: t("returns.list.value"), cell: ({ row }) => <span className="tabular-nums">{formatMoney(row.original.value, row.original.currency, locale)}</span> },
      { id: "status", header: t("returns.list.status"), cell: ({ row }) => <ReturnStatusBadge status={row.original.status} label={t(`returns.status.${row.original.status}`)} /> },
    ],
    [t, locale, mode, base],
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        {mode === "staff" ? (
          <TextField className="min-w-56 flex-1" type="search" label={t("returns.list.search")} value={q} maxLength={100} onChange={(e) => (setQ(e.target.value), setPage(1))} data-testid="returns-search" />
        ) : null}
        <SelectField
          label={t("returns.list.status")}
          value={status}
          onChange={(e) => (setStatus(e.target.value as Status | ""), setPage(1))}
          options={[{ value: "", label: t("returns.anyStatus") }, ...(["pending", "approved", "rejected"] as const).map((s) => ({ value: s, label: t(`returns.status.${s}`) }))]}
          data-testid="returns-status-filter"
        />
        <SelectField
          label={t("returns.list.kind")}
          value={kind}
          onChange={(e) => (setKind(e.target.value as "return" | "exchange" | ""), setPage(1))}
          options={[{ value: "", label: t("returns.anyKind") }, ...(["return", "exchange"] as const).map((k) => ({ value: k, label: t(`returns.kind.${k}`) }))]}
          data-testid="returns-kind-filter"
        />
      </div>
      {query.error ? <Alert kind="error">{query.error.message}</Alert> : null}
      <DataTable
        caption={t("returns.list.caption")}
        columns={columns}
        rows={query.data?.rows ?? []}
        total={query.data?.total ?? 0}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={setPage}
        loading={query.isFetching}
        emptyText={mode === "staff" ? t("returns.list.empty") : t("returns.list.mineEmpty")}
      />
    </div>
  );
}
