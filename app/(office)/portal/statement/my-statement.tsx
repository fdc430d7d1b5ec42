"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { DocumentsTable } from "@/app/_components/documents/documents-table";
import { ReceivableBalance, StatementTable } from "@/app/_components/ledger/statement-table";
import { Stat } from "@/app/_components/ui/card";
import { useLocale, useT } from "@/app/_lib/i18n";
import { useTRPC } from "@/app/_lib/trpc";
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
