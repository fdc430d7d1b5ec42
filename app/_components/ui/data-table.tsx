"use client";

import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from "@tanstack/react-table";
import { useT } from "@/app/_lib/i18n";
import { Button } from "./button";

type Props<T> = {
  columns: ColumnDef<T, any>[];
  rows: T[];
  total: number;
  /** `total` is only a lower bound (the exact count is still on its way): paging goes by full pages. */
  totalIsLowerBound?: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  sorting?: SortingState;
  onSortingChange?: (sorting: SortingState) => void;
  loading?: boolean;
  emptyText?: string;
  caption: string;
};

/** A table whose pagination and sorting happen on the server; it only renders one page. */
export function DataTable<T>({ columns, rows, total, totalIsLowerBound, page, pageSize, onPageChange, sorting, onSortingChange, loading, emptyText, caption }: Props<T>) {
  const t = useT();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const hasNext = totalIsLowerBound ? rows.length === pageSize : page < pages;
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    pageCount: pages,
    state: { sorting: sorting ?? [] },
    onSortingChange: (updater) => {
      if (!onSortingChange) return;
      onSortingChange(typeof updater === "function" ? updater(sorting ?? []) : updater);
    },
    enableSorting: Boolean(onSortingChange),
  });

  return (
    <div className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <div className="overflow-x-auto">
        <table className="min-w-full divide-y divide-slate-200 text-sm" aria-busy={loading || undefined}>
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-50">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const canSort = header.column.getCanSort();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                      className="px-4 py-2.5 text-left font-medium text-slate-600"
                    >
                      {canSort ? (
                        <button type="button" className="inline-flex items-center gap-1 hover:text-slate-900" onClick={header.column.getToggleSortingHandler()}>
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          <span aria-hidden>{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>
                        </button>
                      ) : (
                        flexRender(header.column.columnDef.header, header.getContext())
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className={`divide-y divide-slate-100 ${loading ? "opacity-60" : ""}`}>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="px-4 py-10 text-center text-slate-500">
                  {loading ? t("common.loading") : (emptyText ?? t("common.empty"))}
                </td>
              </tr>
            ) : (
              table.getRowModel().rows.map((row) => (
                <tr key={row.id} className="hover:bg-slate-50">
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className="px-4 py-2.5 align-top text-slate-800">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <div className="flex items-center justify-between gap-4 border-t border-slate-200 px-4 py-2.5 text-sm text-slate-600">
        <span>{t(totalIsLowerBound ? "common.totalAtLeast" : "common.total", { count: total })}</span>
        <div className="flex items-center gap-2">
          <Button variant="secondary" disabled={page <= 1 || loading} onClick={() => onPageChange(page - 1)}>
            {t("common.previous")}
          </Button>
          <span className="tabular-nums">{totalIsLowerBound ? t("common.page", { page }) : t("common.pageOf", { page, pages })}</span>
          <Button variant="secondary" disabled={!hasNext || loading} onClick={() => onPageChange(page + 1)}>
            {t("common.next")}
          </Button>
        </div>
      </div>
    </div>
  );
}
