"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConsultantPicker } from "@/app/_components/network/consultant-picker";
import { ReceivableBalance, StatementTable } from "@/app/_components/ledger/statement-table";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { useLocale, useT } from "@/app/_lib/i18n";
import { useTRPC } from "@/app/_lib/trpc";
import { formatMoney } from "@/server/commerce/money";
import { AdjustDialog } from "./adjust-dialog";

export function StatementScreen({ initialConsultantId, initialKind }: { initialConsultantId: number | null; initialKind: "receivable" | "wallet" }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [consultantId, setConsultantId] = useState(initialConsultantId);
  const [kind, setKind] = useState(initialKind);
  const [adjusting, setAdjusting] = useState(false);
  const card = useQuery({ ...trpc.consultants.card.queryOptions({ id: consultantId ?? 0 }), enabled: consultantId !== null });
  const balances = useQuery({ ...trpc.ledger.balances.queryOptions({ consultantId: consultantId ?? 0 }), enabled: consultantId !== null });
  const name = card.data ? `${card.data.fullName} · ${card.data.code}` : "";
  const receivable = balances.data?.receivable;
  const wallet = balances.data?.wallet;
  return (
    <div className="space-y-6">
      <Card>
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div className="min-w-72 flex-1">
            <ConsultantPicker
              label={t("ledgerScreens.statement.pick")}
              testId="statement-consultant"
              onPick={(c) => {
                setConsultantId(c.id);
                router.replace(`/admin/ledger/statement?consultant=${c.id}&kind=${kind}`);
              }}
            />
          </div>
          {consultantId !== null ? (
            <Button onClick={() => setAdjusting(true)} data-testid="adjust-open">
              {t("ledgerScreens.adjust.open")}
            </Button>
          ) : null}
        </div>
        {consultantId !== null && card.data ? (
          <div className="mt-4 flex flex-wrap items-baseline gap-x-8 gap-y-2">
            <h2 className="text-base font-semibold text-slate-900" data-testid="statement-name">
              {name}
            </h2>
            <span>
              <span className="text-sm text-slate-500">{t("commerce.account.receivable")}: </span>
              <ReceivableBalance balance={receivable?.balance ?? 0} currency={receivable?.currency ?? "BRL"} />
            </span>
            <span className="text-sm text-slate-600">
              {t("commerce.account.wallet")}: <span className="font-medium tabular-nums">{formatMoney(-(wallet?.balance ?? 0), wallet?.currency ?? "BRL", locale)}</span>
            </span>
          </div>
        ) : null}
      </Card>
      {consultantId === null ? (
        <p className="text-sm text-slate-600">{t("ledgerScreens.statement.pickFirst")}</p>
      ) : (
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
              >
                {t(`commerce.account.${k}`)}
              </button>
            ))}
          </div>
          <StatementTable key={`${consultantId}-${kind}`} consultantId={consultantId} kind={kind} entryLinks />
        </section>
      )}
      {consultantId !== null && adjusting ? (
        <AdjustDialog
          consultantId={consultantId}
          name={name}
          onClose={() => setAdjusting(false)}
          onDone={() => {
            // Every ledger read (balances, statement pages, entries) may show the new note.
            void queryClient.invalidateQueries({ queryKey: trpc.ledger.pathKey() });
          }}
        />
      ) : null}
    </div>
  );
}
