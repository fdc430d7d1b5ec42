"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { Alert } from "@/app/_components/ui/card";
import { DataTable } from "@/app/_components/ui/data-table";
import { TextField } from "@/app/_components/ui/field";
import { SelectField } from "@/app/_components/ui/select-field";
import { useLocale, useT } from "@/app/_lib/i18n";
import { useTRPC, type RouterOutputs } from "@/app/_lib/trpc";
import { formatMoney } from "@/server/commerce/money";
import { DocumentLink, documentNo } from "./document-link";

type Row = RouterOutputs["invoices"]["list"]["rows"][number];
type Kind = Row["kind"];
const KINDS: Kind[] = ["invoice", "credit_note", "debit_note"];

/** Invoices and notes, newest first, each with its PDF: every document (staff) or the consultant's own. */
export function DocumentsTable({ mode, pageSize = 25 }: { mode: "staff" | "portal"; pageSize?: number }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [kind, setKind] = useState<Kind | "">("");
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const input = { page, pageSize, kind: kind || undefined, q: q.trim() || undefined };
  const staff = useQuery({ ...trpc.invoices.list.queryOptions(input, { placeholderData: keepPreviousData }), enabled: mode === "staff" });
  const mine = useQuery({ ...trpc.invoices.mine.queryOptions(input, { placeholderData: keepPreviousData }), enabled: mode === "portal" });
  const query = mode === "staff" ? staff : mine;

  const columns = useMemo<ColumnDef<Row>[]>(
    () => [
      { id: "kind", header: t("invoices.list.kind"), cell: ({ row }) => t(`invoices.kind.${row.original.kind}`) },
      { id: "number", header: t("invoices.list.number"), cell: ({ row }) => <span className="tabular-nums">{documentNo(row.original.number)}</span> },
      { id: "issuedAt", header: t("invoices.list.issuedAt"), cell: ({ row }) => <span className="whitespace-nowrap tabular-nums">{new Intl.DateTimeFormat(locale, { dateStyle: "short" }).format(new Date(row.original.issuedAt))}</span> },
      { id: "order", header: t("invoices.list.order"), cell: ({ row }) => row.original.orderNumber ?? "—" },
      ...(mode === "staff" ? [{ id: "consultant", header: t("invoices.list.consultant"), cell: ({ row }: { row: { original: Row } }) => `${row.original.consultantName} · ${row.original.consultantCode}` }] : []),
      { id: "total", header: t("invoices.list.total"), cell: ({ row }) => <span className="tabular-nums">{formatMoney(row.original.total, row.original.currency, locale)}</span> },
      {
        id: "pdf",
        header: t("invoices.list.pdf"),
        cell: ({ row: { original: d } }) => {
          const name = `${t(`invoices.kind.${d.kind}`)} ${documentNo(d.number)}`;
          return <DocumentLink id={d.id} label="PDF" title={t("invoices.list.download", { document: name })} />;
        },
      },
    ],
    [t, locale, mode],
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <TextField className="min-w-56 flex-1" type="search" label={t("invoices.list.search")} value={q} maxLength={100} onChange={(e) => (setQ(e.target.value), setPage(1))} data-testid="documents-search" />
        <SelectField
          label={t("invoices.list.kind")}
          value={kind}
          onChange={(e) => (setKind(e.target.value as Kind | ""), setPage(1))}
          options={[{ value: "", label: t("invoices.list.anyKind") }, ...KINDS.map((k) => ({ value: k, label: t(`invoices.kind.${k}`) }))]}
          data-testid="documents-kind"
        />
      </div>
      {query.error ? <Alert kind="error">{query.error.message}</Alert> : null}
      <DataTable
        caption={t("invoices.list.caption")}
        columns={columns}
        rows={query.data?.rows ?? []}
        total={query.data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        loading={query.isFetching}
        emptyText={mode === "staff" ? t("invoices.list.empty") : t("invoices.mine.empty")}
      />
    </div>
  );
}
