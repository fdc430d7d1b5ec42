"use client";

import { localMemo } from "@/server/ledger/memo";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo, useState } from "react";
import { Badge, Alert } from "@/app/_components/ui/card";
import { DataTable } from "@/app/_components/ui/data-table";
import { SelectField } from "@/app/_components/ui/select-field";
import { useLocale, useT } from "@/app/_lib/i18n";
import { useTRPC, type RouterOutputs } from "@/app/_lib/trpc";
import { formatMoney } from "@/server/commerce/money";

type Row = RouterOutputs["ledger"]["entries"]["rows"][number];
const PAGE_SIZE = 25;

export function EntriesTable() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [kind, setKind] = useState("");
  const [page, setPage] = useState(1);
  const kinds = useQuery(trpc.ledger.entryKinds.queryOptions());
  const query = useQuery(trpc.ledger.entries.queryOptions({ page, pageSize: PAGE_SIZE, kind: kind || undefined }, { placeholderData: keepPreviousData }));
  const columns = useMemo<ColumnDef<Row>[]>(
    () => [
      {
        id: "id",
        header: t("ledgerScreens.entries.id"),
        cell: ({ row: { original: e } }) => (
          <Link href={`/admin/ledger/entries/${e.id}`} className="font-medium text-brand-700 hover:underline" aria-label={t("ledgerScreens.entries.open", { id: e.id })} data-testid={`entry-open-${e.id}`}>
            {e.id}
          </Link>
        ),
      },
      { id: "at", header: t("ledgerScreens.entries.at"), cell: ({ row }) => <span className="whitespace-nowrap tabular-nums">{new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short" }).format(new Date(row.original.at))}</span> },
      { id: "kind", header: t("ledgerScreens.entries.kind"), cell: ({ row }) => <code className="text-xs">{row.original.kind}</code> },
      {
        id: "memo",
        header: t("ledgerScreens.entries.memo"),
        cell: ({ row: { original: e } }) => (
          <span>
            {localMemo(e.memo, t)}{" "}
            {e.reversedById ? <Badge tone="amber">{t("ledgerScreens.entries.reversed")}</Badge> : null}
            {e.reversesEntryId ? <Badge tone="slate">{t("ledgerScreens.entries.reversal", { id: e.reversesEntryId })}</Badge> : null}
          </span>
        ),
      },
      { id: "amount", header: t("ledgerScreens.entries.amount"), cell: ({ row }) => <span className="tabular-nums">{formatMoney(row.original.amount, row.original.currency ?? "BRL", locale)}</span> },
    ],
    [t, locale],
  );
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <SelectField
          label={t("ledgerScreens.entries.kind")}
          value={kind}
          onChange={(e) => (setKind(e.target.value), setPage(1))}
          options={[{ value: "", label: t("ledgerScreens.entries.anyKind") }, ...(kinds.data ?? []).map((k) => ({ value: k, label: k }))]}
          data-testid="entries-kind"
        />
      </div>
      {query.error ? <Alert kind="error">{query.error.message}</Alert> : null}
      <DataTable
        caption={t("ledgerScreens.entries.caption")}
        columns={columns}
        rows={query.data?.rows ?? []}
        total={query.data?.total ?? 0}
        totalIsLowerBound={query.data?.totalIsLowerBound}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={setPage}
        loading={query.isFetching}
        emptyText={t("ledgerScreens.entries.empty")}
      />
    </div>
  );
}
