"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo, useState } from "react";
import { Alert } from "@/app/_components/ui/card";
import { DataTable } from "@/app/_components/ui/data-table";
import { useLocale, useT } from "@/app/_lib/i18n";
import { formatFileSize } from "@/server/network/import/file-size";
import { useTRPC, type RouterOutputs } from "@/app/_lib/trpc";
import { formatDateTime, formatNumber } from "../../_lib/format";
import { ImportStatusBadge, isInProgress } from "./import-status";

type ImportRow = RouterOutputs["networkImport"]["list"]["rows"][number];
const PAGE_SIZE = 20;

export function ImportList() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const query = useQuery(
    trpc.networkImport.list.queryOptions(
      { page, pageSize: PAGE_SIZE },
      // Statuses change in the background: keep the list current while any import is being worked on.
      { placeholderData: keepPreviousData, staleTime: 0, refetchInterval: (q) => (q.state.data?.rows.some((r) => isInProgress(r.status)) ? 2000 : false) },
    ),
  );

  const columns = useMemo<ColumnDef<ImportRow>[]>(
    () => [
      {
        id: "file",
        header: t("networkImport.list.file"),
        cell: ({ row: { original: r } }) => (
          <Link href={`/admin/network/import/${r.id}`} className="break-all font-medium text-brand-700 hover:underline" data-testid={`import-open-${r.id}`}>
            {r.fileName}
          </Link>
        ),
      },
      { id: "status", header: t("networkImport.list.status"), cell: ({ row }) => <ImportStatusBadge status={row.original.status} testId={`import-row-status-${row.original.id}`} /> },
      { id: "size", header: t("networkImport.list.size"), cell: ({ row }) => <span className="whitespace-nowrap tabular-nums">{formatFileSize(locale, row.original.sizeBytes)}</span> },
      { id: "rows", header: t("networkImport.list.rows"), cell: ({ row }) => <span className="tabular-nums">{row.original.rowsTotal === null ? "—" : formatNumber(locale, row.original.rowsTotal)}</span> },
      { id: "errors", header: t("networkImport.list.errors"), cell: ({ row }) => <span className="tabular-nums">{formatNumber(locale, row.original.errorCount)}</span> },
      { id: "by", header: t("networkImport.list.by"), cell: ({ row }) => row.original.createdByName },
      { id: "at", header: t("networkImport.list.at"), cell: ({ row }) => <span className="whitespace-nowrap tabular-nums">{formatDateTime(locale, row.original.createdAt)}</span> },
    ],
    [t, locale],
  );

  if (query.isError) return <Alert kind="error">{t("networkImport.list.loadError")}</Alert>;
  return (
    <div data-testid="import-list">
      <DataTable
        columns={columns}
        rows={query.data?.rows ?? []}
        total={query.data?.total ?? 0}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={setPage}
        loading={query.isFetching && !query.data}
        emptyText={t("networkImport.list.empty")}
        caption={t("networkImport.list.caption")}
      />
    </div>
  );
}
