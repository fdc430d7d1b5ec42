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
import { useDebounced } from "../_lib/use-debounced";

type Row = RouterOutputs["ledger"]["consultantAccounts"]["rows"][number];
const PAGE_SIZE = 25;

export function ConsultantAccounts() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [q, setQ] = useState("");
  const [kind, setKind] = useState<"receivable" | "wallet" | "">("");
  const [page, setPage] = useState(1);
  const search = useDebounced(q.trim());
  const query = useQuery(trpc.ledger.consultantAccounts.queryOptions({ page, pageSize: PAGE_SIZE, q: search || undefined, kind: kind || undefined }, { placeholderData: keepPreviousData }));
  const columns = useMemo<ColumnDef<Row>[]>(
    () => [
      { id: "consultant", header: t("ledgerScreens.accounts.consultant"), cell: ({ row }) => `${row.original.name} · ${row.original.code}` },
      { id: "kind", header: t("ledgerScreens.accounts.kind"), cell: ({ row }) => t(`commerce.account.${row.original.kind}`) },
      { id: "balance", header: t("ledgerScreens.accounts.balance"), cell: ({ row }) => <span className="tabular-nums">{formatMoney(row.original.balance, row.original.currency, locale)}</span> },
      {
        id: "statement",
        header: t("ledgerScreens.accounts.statement"),
        cell: ({ row: { original: a } }) => (
          <Link href={`/admin/ledger/statement?consultant=${a.consultantId}&kind=${a.kind}`} className="text-brand-700 hover:underline" aria-label={t("ledgerScreens.accounts.openStatement", { name: a.name })}>
            {t("ledgerScreens.accounts.statement")}
          </Link>
        ),
      },
    ],
    [t, locale],
  );
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <TextField className="min-w-56 flex-1" type="search" label={t("ledgerScreens.accounts.search")} value={q} maxLength={100} onChange={(e) => (setQ(e.target.value), setPage(1))} data-testid="accounts-search" />
        <SelectField
          label={t("ledgerScreens.accounts.kind")}
          value={kind}
          onChange={(e) => (setKind(e.target.value as "receivable" | "wallet" | ""), setPage(1))}
          options={[{ value: "", label: t("ledgerScreens.accounts.anyKind") }, ...(["receivable", "wallet"] as const).map((k) => ({ value: k, label: t(`commerce.account.${k}`) }))]}
        />
      </div>
      {query.error ? <Alert kind="error">{query.error.message}</Alert> : null}
      <DataTable caption={t("ledgerScreens.accounts.caption")} columns={columns} rows={query.data?.rows ?? []} total={query.data?.total ?? 0} page={page} pageSize={PAGE_SIZE} onPageChange={setPage} loading={query.isFetching} emptyText={t("ledgerScreens.accounts.empty")} />
    </div>
  );
}
