"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { DataTable } from "@/app/_components/ui/data-table";
import { useLocale, useT } from "@/app/_lib/i18n";
import type { RouterOutputs } from "@/app/_lib/trpc";

type ReportRow = RouterOutputs["networkImport"]["get"]["errors"]["rows"][number];

/** The bad lines of a rejected file: where (file line, header = 1; column), what was there, why. */
export function ErrorReport(props: { rows: ReportRow[]; total: number; page: number; pageSize: number; onPageChange: (page: number) => void; loading: boolean }) {
  const t = useT();
  const locale = useLocale();
  const columns = useMemo<ColumnDef<ReportRow>[]>(
    () => [
      { id: "line", header: t("networkImport.report.line"), cell: ({ row }) => <span className="tabular-nums" data-testid="report-line">{row.original.line}</span> },
      {
        id: "column",
        header: t("networkImport.report.column"),
        cell: ({ row }) =>
          row.original.column ? (
            <code className="text-xs" data-testid="report-column">{row.original.column}</code>
          ) : (
            <span className="text-slate-500 italic" data-testid="report-column">{t("networkImport.report.wholeLine")}</span>
          ),
      },
      { id: "value", header: t("networkImport.report.value"), cell: ({ row }) => <span className="break-all font-mono text-xs" data-testid="report-value">{row.original.value ?? ""}</span> },
      {
        id: "reason",
        header: t("networkImport.report.reason"),
        cell: ({ row }) => <span data-testid="report-reason">{t(`networkImport.reasons.${row.original.reason}`, row.original.params)}</span>,
      },
    ],
    [t, locale],
  );
  return (
    <div data-testid="import-report">
      <DataTable
        columns={columns}
        rows={props.rows}
        total={props.total}
        page={props.page}
        pageSize={props.pageSize}
        onPageChange={props.onPageChange}
        loading={props.loading && !props.rows.length}
        caption={t("networkImport.report.caption")}
      />
    </div>
  );
}
