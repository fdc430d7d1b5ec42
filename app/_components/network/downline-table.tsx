"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ColumnDef, SortingState } from "@tanstack/react-table";
import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { Badge } from "@/app/_components/ui/card";
import { DataTable } from "@/app/_components/ui/data-table";
import { TextField } from "@/app/_components/ui/field";
import { useLocale, useT } from "@/app/_lib/i18n";
import { useTRPC, type RouterOutputs } from "@/app/_lib/trpc";
import { SelectionBar, selectionColumn, useDownlineSelection, type DownlineFilterInput, type DownlineSelection } from "./downline-selection";

type Row = RouterOutputs["network"]["downline"]["rows"][number];
type Sort = "name" | "joinedAt" | "level" | "downline";
const PAGE_SIZE = 50;
const tone = { active: "green", inactive: "amber", terminated: "red" } as const;

/**
 * A downline (or the whole network from the root) with server-side filters, sorting and paging.
 * With `bulkActions`, rows get checkboxes and a bar offers the actions for the ticked rows or for
 * everything matching the filter.
 */
export function DownlineTable({
  rootId,
  profileHref,
  bulkActions,
}: {
  rootId: number;
  profileHref?: (id: number) => string;
  bulkActions?: (selection: DownlineSelection) => React.ReactNode;
}) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const [text, setText] = useState("");
  const [settledText, setSettledText] = useState("");
  const [status, setStatus] = useState<"" | "active" | "inactive" | "terminated">("");
  const [levelMin, setLevelMin] = useState("");
  const [levelMax, setLevelMax] = useState("");
  const [sorting, setSorting] = useState<SortingState>([{ id: "name", desc: false }]);
  useEffect(() => {
    const timer = setTimeout(() => {
      setSettledText(text.trim());
      setPage(1);
    }, 300);
    return () => clearTimeout(timer);
  }, [text]);
  const sort = (sorting[0]?.id ?? "name") as Sort;
  const input = {
    rootId,
    page,
    pageSize: PAGE_SIZE,
    sort,
    dir: sorting[0]?.desc ? ("desc" as const) : ("asc" as const),
    text: settledText || undefined,
    statuses: status ? [status] : undefined,
    levelMin: levelMin ? Number(levelMin) : undefined,
    levelMax: levelMax ? Number(levelMax) : undefined,
  };
  const query = useQuery(trpc.network.downline.queryOptions(input, { placeholderData: keepPreviousData }));
  // A big match set comes back with a lower-bound total (fast page); the exact count follows.
  const { page: _page, pageSize: _size, sort: _sort, dir: _dir, ...filters } = input;
  const needsCount = query.data !== undefined && !query.data.totalExact;
  const count = useQuery(trpc.network.downlineCount.queryOptions({ ...filters, page: 1 }, { enabled: needsCount, staleTime: 60_000 }));
  const exactTotal = query.data?.totalExact ? query.data.total : count.data?.total;
  // The same filter for a bulk action; levelMin 1 leaves out the root, as this list does.
  const filter: DownlineFilterInput = { rootId, text: input.text, statuses: input.statuses, levelMin: input.levelMin ?? 1, levelMax: input.levelMax };
  const selection = useDownlineSelection(JSON.stringify(filter));
  const pageRows = useMemo(() => query.data?.rows ?? [], [query.data]);
  const date = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }), [locale]);
  const columns = useMemo<ColumnDef<Row>[]>(
    () => [
      {
        id: "name",
        header: t("network.list.name"),
        cell: ({ row }) =>
          profileHref ? (
            <Link href={profileHref(row.original.id)} className="font-medium text-brand-700 hover:underline" data-testid={`consultant-${row.original.code}`}>
              {row.original.fullName}
            </Link>
          ) : (
            <span className="font-medium">{row.original.fullName}</span>
          ),
      },
      { id: "code", header: t("network.list.code"), enableSorting: false, cell: ({ row }) => <span className="text-slate-600">{row.original.code}</span> },
      { id: "status", header: t("network.list.status"), enableSorting: false, cell: ({ row }) => <Badge tone={tone[row.original.status]}>{t(`common.status.${row.original.status}`)}</Badge> },
      { id: "level", header: t("network.list.level"), cell: ({ row }) => row.original.level },
      { id: "joinedAt", header: t("network.list.joinedAt"), cell: ({ row }) => date.format(new Date(`${row.original.joinedAt}T00:00:00Z`)) },
      { id: "downline", header: t("network.list.downline"), cell: ({ row }) => new Intl.NumberFormat(locale).format(row.original.downlineSize) },
      { id: "city", header: t("network.list.city"), enableSorting: false, cell: ({ row }) => [row.original.city, row.original.state].filter(Boolean).join(" – ") },
    ],
    [t, date, locale, profileHref],
  );
  const shownColumns = bulkActions ? [selectionColumn(selection, pageRows, t), ...columns] : columns;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <TextField className="min-w-56 flex-1" type="search" label={t("network.list.text")} value={text} onChange={(e) => setText(e.target.value)} maxLength={100} data-testid="downline-text" />
        <div>
          <label className="block text-sm font-medium text-slate-700" htmlFor="downline-status">
            {t("network.list.status")}
          </label>
          <select
            id="downline-status"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as typeof status);
              setPage(1);
            }}
            className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-2 text-sm"
          >
            <option value="">{t("network.list.anyStatus")}</option>
            {(["active", "inactive", "terminated"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`common.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <TextField className="w-28" type="number" min={1} label={t("network.list.levelMin")} value={levelMin} onChange={(e) => { setLevelMin(e.target.value); setPage(1); }} />
        <TextField className="w-28" type="number" min={1} label={t("network.list.levelMax")} value={levelMax} onChange={(e) => { setLevelMax(e.target.value); setPage(1); }} />
      </div>
      {bulkActions ? (
        <SelectionBar state={selection} pageRows={pageRows} filter={filter} total={exactTotal ?? query.data?.total ?? 0} totalExact={exactTotal !== undefined} actions={bulkActions} />
      ) : null}
      <DataTable
        caption={t("network.list.caption")}
        columns={shownColumns}
        rows={query.data?.rows ?? []}
        total={exactTotal ?? query.data?.total ?? 0}
        totalIsLowerBound={exactTotal === undefined && needsCount}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={setPage}
        sorting={sorting}
        onSortingChange={(s) => {
          setSorting(s.length ? s : [{ id: "name", desc: false }]);
          setPage(1);
        }}
        loading={query.isFetching}
        emptyText={t("network.list.empty")}
      />
    </div>
  );
}
