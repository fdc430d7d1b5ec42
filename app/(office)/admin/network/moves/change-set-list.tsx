"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert, Badge } from "@/app/_components/ui/card";
import { useLocale, useT } from "@/app/_lib/i18n";
import { useTRPC, type RouterOutputs } from "@/app/_lib/trpc";
import { formatDateTime } from "../../_lib/format";

type ChangeSetRow = RouterOutputs["network"]["changeSets"][number];
const PAGE_SIZE = 20;
const STATUS_TONE = { draft: "amber", committed: "green", discarded: "slate" } as const;

export function ChangeSetStatusBadge({ status }: { status: ChangeSetRow["status"] }) {
  const t = useT();
  return <Badge tone={STATUS_TONE[status]}>{t(`network.moves.status.${status}`)}</Badge>;
}

/**
 * Change-sets newest first. The procedure returns a page without a total, so "next" is offered
 * while a page comes back full.
 */
export function ChangeSetList({ openId, onOpen }: { openId: number | null; onOpen: (id: number) => void }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const query = useQuery(trpc.network.changeSets.queryOptions({ page, pageSize: PAGE_SIZE }, { placeholderData: keepPreviousData }));
  const rows = query.data ?? [];
  const headers = [
    t("network.moves.id", { id: "" }),
    t("network.moves.kindColumn"),
    t("network.moves.statusColumn"),
    t("network.moves.note"),
    t("network.moves.createdAt"),
    t("network.moves.committedAt"),
  ];

  return (
    <div className="space-y-3">
      {query.error ? <Alert kind="error">{query.error.message}</Alert> : null}
      <div className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
        <div className="overflow-x-auto">
          <table className="min-w-full divide-y divide-slate-200 text-sm" aria-busy={query.isFetching || undefined} data-testid="change-sets">
            <caption className="sr-only">{t("network.moves.caption")}</caption>
            <thead className="bg-slate-50">
              <tr>
                {headers.map((label) => (
                  <th key={label} scope="col" className="px-4 py-2.5 text-left font-medium text-slate-600">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className={`divide-y divide-slate-100 ${query.isFetching && query.data ? "opacity-60" : ""}`}>
              {rows.length === 0 ? (
                <tr>
                  <td colSpan={headers.length} className="px-4 py-10 text-center text-slate-500">
                    {query.isPending ? t("common.loading") : t("network.moves.empty")}
                  </td>
                </tr>
              ) : (
                rows.map((row) => (
                  <tr key={row.id} data-testid={`change-set-row-${row.id}`} // The whole row answers a click; the "#id" button is the keyboard's way in.
                    onClick={() => onOpen(row.id)}
                    className={`cursor-pointer ${row.id === openId ? "bg-brand-50" : "hover:bg-slate-50"}`}>
                    <td className="px-4 py-2.5">
                      <button
                        type="button"
                        onClick={() => onOpen(row.id)}
                        aria-current={row.id === openId ? "true" : undefined}
                        aria-label={t("network.moves.open", { id: row.id })}
                        className="font-medium text-brand-700 hover:underline"
                      >
                        {t("network.moves.id", { id: row.id })}
                      </button>
                    </td>
                    <td className="px-4 py-2.5 text-slate-800">{t(`network.moves.kind.${row.kind}`)}</td>
                    <td className="px-4 py-2.5">
                      <ChangeSetStatusBadge status={row.status} />
                    </td>
                    <td className="max-w-xs truncate px-4 py-2.5 text-slate-700" title={row.note || undefined}>
                      {row.note || t("common.none")}
                    </td>
                    <td className="whitespace-nowrap px-4 py-2.5 tabular-nums text-slate-700">{formatDateTime(locale, row.createdAt)}</td>
                    <td className="whitespace-nowrap px-4 py-2.5 tabular-nums text-slate-700">{formatDateTime(locale, row.committedAt)}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
        <div className="flex items-center justify-end gap-2 border-t border-slate-200 px-4 py-2.5 text-sm">
          <Button variant="secondary" disabled={page <= 1 || query.isFetching} onClick={() => setPage(page - 1)}>
            {t("common.previous")}
          </Button>
          <Button variant="secondary" disabled={rows.length < PAGE_SIZE || query.isFetching} onClick={() => setPage(page + 1)}>
            {t("common.next")}
          </Button>
        </div>
      </div>
    </div>
  );
}
