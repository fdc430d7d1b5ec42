"use client";

import { localMemo } from "@/server/ledger/memo";
import { useQueries } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { useLocale, useT } from "@/app/_lib/i18n";
import { useTRPC } from "@/app/_lib/trpc";
import { formatMoney } from "@/server/commerce/money";
import { DocumentLink, documentNo } from "../documents/document-link";

const LIMIT = 50;

/**
 * A consultant's statement for one account, newest first, with the balance after each line and
 * the document behind it. Pages are keyset ("load more" asks for the lines before the last one),
 * so the thousandth page costs what the first does. Staff pass a consultant; the portal never does.
 */
export function StatementTable({ consultantId, kind, entryLinks }: { consultantId: number | null; kind: "receivable" | "wallet"; entryLinks?: boolean }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  const pages = useQueries({
    queries: cursors.map((beforeId) =>
      consultantId === null ? trpc.ledger.myStatement.queryOptions({ kind, beforeId, limit: LIMIT }) : trpc.ledger.statement.queryOptions({ consultantId, kind, beforeId, limit: LIMIT }),
    ),
  });
  const first = pages[0]?.data;
  const last = pages.at(-1);
  const lines = pages.flatMap((p) => p.data?.lines ?? []);
  const error = pages.find((p) => p.error)?.error;
  const currency = first?.account?.currency ?? "BRL";
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const loading = pages.some((p) => p.isLoading);

  if (error) return <Alert kind="error">{error.message}</Alert>;
  if (first && !first.account) return <p className="rounded-lg bg-white p-5 text-sm text-slate-600 ring-1 ring-slate-200" data-testid="statement-empty">{t("ledgerScreens.statement.noAccount")}</p>;
  return (
    <div className="space-y-3">
      <div className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
        <div className="overflow-x-auto">
          <table className="min-w-full divide-y divide-slate-200 text-sm" aria-busy={loading || undefined} data-testid="statement-table">
            <caption className="sr-only">{t("ledgerScreens.statement.caption")}</caption>
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2.5 font-medium">{t("ledgerScreens.statement.at")}</th>
                <th scope="col" className="px-4 py-2.5 font-medium">{t("ledgerScreens.statement.memo")}</th>
                <th scope="col" className="px-4 py-2.5 font-medium">{t("ledgerScreens.statement.document")}</th>
                <th scope="col" className="px-4 py-2.5 text-right font-medium">{t("ledgerScreens.statement.debit")}</th>
                <th scope="col" className="px-4 py-2.5 text-right font-medium">{t("ledgerScreens.statement.credit")}</th>
                <th scope="col" className="px-4 py-2.5 text-right font-medium">{t("ledgerScreens.statement.running")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {!lines.length ? (
                <tr>
                  <td colSpan={6} className="px-4 py-10 text-center text-slate-500">
                    {loading ? t("common.loading") : t("ledgerScreens.statement.noAccount")}
                  </td>
                </tr>
              ) : (
                lines.map((l) => {
                  const docName = l.document ? `${t(`invoices.kind.${l.document.kind}`)} ${documentNo(l.document.number)}` : null;
                  return (
                    <tr key={l.id} className="hover:bg-slate-50" data-testid={`statement-line-${l.id}`}>
                      <td className="whitespace-nowrap px-4 py-2.5 tabular-nums">{new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short" }).format(new Date(l.at))}</td>
                      <td className="px-4 py-2.5">
                        {entryLinks ? (
                          <a href={`/admin/ledger/entries/${l.entryId}`} className="text-brand-700 hover:underline">
                            {localMemo(l.memo, t)}
                          </a>
                        ) : (
                          localMemo(l.memo, t)
                        )}
                      </td>
                      <td className="px-4 py-2.5">{l.document && docName ? <DocumentLink id={l.document.id} label={docName} title={t("invoices.list.download", { document: docName })} /> : "—"}</td>
                      <td className="px-4 py-2.5 text-right tabular-nums">{l.amount > 0 ? money(l.amount) : ""}</td>
                      <td className="px-4 py-2.5 text-right tabular-nums">{l.amount < 0 ? money(-l.amount) : ""}</td>
                      <td className="px-4 py-2.5 text-right font-medium tabular-nums">{money(l.balance)}</td>
                    </tr>
                  );
                })
              )}
            </tbody>
          </table>
        </div>
      </div>
      {last?.data?.nextBeforeId ? (
        <div className="flex justify-center">
          <Button variant="secondary" disabled={loading} onClick={() => setCursors((c) => [...c, last.data!.nextBeforeId!])} data-testid="statement-more">
            {t("ledgerScreens.statement.more")}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

/** "Owes the company R$ 10,00" / "In their favour R$ 5,00" / "Settled": a receivable's balance in words. */
export function ReceivableBalance({ balance, currency }: { balance: number; currency: string }) {
  const t = useT();
  const locale = useLocale();
  const label = balance > 0 ? t("ledgerScreens.statement.owes") : balance < 0 ? t("ledgerScreens.statement.owed") : t("ledgerScreens.statement.settled");
  return (
    <span data-testid="receivable-balance" data-balance={balance}>
      <span className="text-sm text-slate-500">{label}</span>{" "}
      <span className={`text-xl font-semibold tabular-nums ${balance > 0 ? "text-slate-900" : "text-emerald-700"}`}>{formatMoney(Math.abs(balance), currency, locale)}</span>
    </span>
  );
}
