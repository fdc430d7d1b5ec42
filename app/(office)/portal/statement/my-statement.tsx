"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo, useState } from "react";
import { DocumentLink } from "@/app/_components/documents/document-link";
import { DataTable } from "@/app/_components/ui/data-table";
import { DocumentsTable } from "@/app/_components/documents/documents-table";
import { ReceivableBalance, StatementTable } from "@/app/_components/ledger/statement-table";
import { Stat } from "@/app/_components/ui/card";
import { useLocale, useT } from "@/app/_lib/i18n";
import { useTRPC, type RouterOutputs } from "@/app/_lib/trpc";
import { formatMoney } from "@/server/commerce/money";

/** Her accounts (what she owes, her commissions), the statement of either, and her documents. */
export function MyStatement() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [kind, setKind] = useState<"receivable" | "wallet">("receivable");
  const balances = useQuery(trpc.ledger.myBalances.queryOptions());
  const receivable = balances.data?.receivable;
  const wallet = balances.data?.wallet;
  return (
    <div className="space-y-8">
      <div className="grid gap-4 sm:grid-cols-2">
        <Stat label={t("ledgerScreens.mine.receivable")} value={<ReceivableBalance balance={receivable?.balance ?? 0} currency={receivable?.currency ?? "BRL"} />} testId="my-receivable" />
        <Stat label={t("ledgerScreens.mine.wallet")} value={formatMoney(-(wallet?.balance ?? 0), wallet?.currency ?? "BRL", locale)} testId="my-wallet" />
      </div>
      <MyOpenItems />
      <section className="space-y-3">
        <div role="tablist" aria-label={t("ledgerScreens.statement.account")} className="flex gap-2">
          {(["receivable", "wallet"] as const).map((k) => (
            <button
              key={k}
              role="tab"
              type="button"
              aria-selected={kind === k}
              onClick={() => setKind(k)}
              className={`rounded-md px-3 py-1.5 text-sm ${kind === k ? "bg-brand-50 font-medium text-brand-700 ring-1 ring-brand-200" : "text-slate-700 hover:bg-slate-100"}`}
              data-testid={`statement-tab-${k}`}
            >
              {t(`commerce.account.${k}`)}
            </button>
          ))}
        </div>
        <StatementTable key={kind} consultantId={null} kind={kind} />
      </section>
      <section className="space-y-3">
        <h2 className="text-base font-semibold text-slate-900">{t("invoices.mine.title")}</h2>
        <DocumentsTable mode="portal" pageSize={10} />
      </section>
    </div>
  );
}

type OpenItem = RouterOutputs["collections"]["myOpenItems"]["rows"][number];

/** What she owes and when: unpaid orders and open debit notes (an exchange's difference, an adjustment), oldest due first. */
function MyOpenItems() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const open = useQuery(trpc.collections.myOpenItems.queryOptions({ page, pageSize: 10 }, { placeholderData: keepPreviousData }));
  const date = (d: string) => new Intl.DateTimeFormat(locale, { dateStyle: "short", timeZone: "UTC" }).format(new Date(`${d}T00:00:00Z`));
  const columns = useMemo<ColumnDef<OpenItem>[]>(
    () => [
      {
        id: "document",
        header: t("collections.open.order"),
        cell: ({ row: { original: o } }) =>
          o.kind === "order" ? (
            <Link href={`/portal/orders/${o.id}`} className="font-medium text-brand-700 hover:underline">
              {o.number}
            </Link>
          ) : (
            <span className="whitespace-nowrap">
              <DocumentLink id={o.id} label={t("collections.open.debitNote", { number: o.number })} />
            </span>
          ),
      },
      { id: "dueOn", header: t("collections.open.dueOn"), cell: ({ row }) => <span className="tabular-nums">{date(row.original.dueOn)}</span> },
      {
        id: "late",
        header: t("collections.open.daysPastDue"),
        cell: ({ row }) => (row.original.daysPastDue < 0 ? <span className="text-slate-500">{t("collections.open.notDue")}</span> : <span className="tabular-nums text-red-700">{t("collections.open.days", { count: row.original.daysPastDue })}</span>),
      },
      { id: "total", header: t("collections.open.total"), cell: ({ row }) => <span className="tabular-nums">{formatMoney(row.original.total, row.original.currency, locale)}</span> },
    ],
    [t, locale],
  );
  return (
    <section className="space-y-3" data-testid="my-open-items">
      <h2 className="text-base font-semibold text-slate-900">{t("ledgerScreens.mine.openTitle")}</h2>
      <DataTable caption={t("ledgerScreens.mine.openTitle")} columns={columns} rows={open.data?.rows ?? []} total={open.data?.total ?? 0} page={page} pageSize={10} onPageChange={setPage} loading={open.isFetching} emptyText={t("ledgerScreens.mine.openEmpty")} />
    </section>
  );
}
