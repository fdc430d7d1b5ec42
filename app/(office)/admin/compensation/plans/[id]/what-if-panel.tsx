"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ColumnDef, SortingState } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card } from "@/app/_components/ui/card";
import { DataTable } from "@/app/_components/ui/data-table";
import { useLocale, useT } from "@/app/_lib/i18n";
import { useTRPC, type RouterOutputs } from "@/app/_lib/trpc";
import { formatMoney } from "@/server/commerce/money";
import type { MessageKey } from "@/server/i18n/messages";
import { useDebounced } from "../../../_lib/use-debounced";

type Result = RouterOutputs["plans"]["whatIf"];
type Row = Result["page"]["rows"][number];
const PAGE_SIZE = 25;

/**
 * What-if on this version: choose a period (and optionally the version to compare with), run,
 * then read totals, ranks, bonuses and a sortable, searchable page of consultants.
 */
export function WhatIfPanel({ id, version, valid }: { id: number; version: number; valid: boolean }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const periods = useQuery(trpc.plans.periods.queryOptions());
  const versions = useQuery(trpc.plans.list.queryOptions());
  const [periodId, setPeriodId] = useState<number | null>(null);
  const [baseVersionId, setBaseVersionId] = useState<number | null>(null);
  const [started, setStarted] = useState<{ periodId: number; baseVersionId: number | null } | null>(null);
  const [page, setPage] = useState(1);
  const [sorting, setSorting] = useState<SortingState>([{ id: "delta", desc: true }]);
  const [changedOnly, setChangedOnly] = useState(true);
  const [q, setQ] = useState("");
  const query = useDebounced(q, 300);
  const chosenPeriod = periodId ?? periods.data?.[0]?.id ?? null;
  const sort = (sorting[0]?.id === "delta" ? "delta" : sorting[0]?.id === "base" ? "base" : sorting[0]?.id === "candidate" ? "candidate" : "absDelta") as "delta" | "base" | "candidate" | "absDelta";
  const result = useQuery(
    trpc.plans.whatIf.queryOptions(
      { id, periodId: started?.periodId ?? 0, baseVersionId: started?.baseVersionId ?? null, page, pageSize: PAGE_SIZE, sort, dir: sorting[0]?.desc === false ? "asc" : "desc", changedOnly, q: query || undefined },
      { enabled: Boolean(started), placeholderData: keepPreviousData, retry: false },
    ),
  );
  const data = result.data;
  const money = (minor: number) => formatMoney(minor, data?.currency ?? "BRL", locale);
  const signed = (minor: number) => (minor > 0 ? `+${money(minor)}` : money(minor));
  const pct = (bp: number | null) => (bp === null ? "—" : `${new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(bp / 100)} %`);
  const signedPct = (bp: number | null) => (bp === null ? "—" : `${bp > 0 ? "+" : ""}${pct(bp)}`);
  const num = (n: number) => new Intl.NumberFormat(locale).format(n);

  const columns = useMemo<ColumnDef<Row>[]>(
    () => [
      {
        id: "consultant",
        header: t("plansForm.whatIf.columns.consultant"),
        enableSorting: false,
        cell: ({ row }) => (
          <span>
            <span className="font-mono text-xs text-slate-500">{row.original.code}</span> {row.original.name}
          </span>
        ),
      },
      { id: "rankBase", header: t("plansForm.whatIf.columns.rankBase"), enableSorting: false, cell: ({ row }) => row.original.basePaidAs ?? "—" },
      { id: "rankCandidate", header: t("plansForm.whatIf.columns.rankCandidate"), enableSorting: false, cell: ({ row }) => row.original.candidatePaidAs ?? "—" },
      { id: "base", header: t("plansForm.whatIf.columns.base"), cell: ({ row }) => <span className="tabular-nums">{money(row.original.base)}</span> },
      { id: "candidate", header: t("plansForm.whatIf.columns.candidate"), cell: ({ row }) => <span className="tabular-nums">{money(row.original.candidate)}</span> },
      {
        id: "delta",
        header: t("plansForm.whatIf.columns.delta"),
        cell: ({ row }) => <span className={`tabular-nums font-medium ${row.original.delta > 0 ? "text-green-700" : row.original.delta < 0 ? "text-red-700" : "text-slate-500"}`}>{signed(row.original.delta)}</span>,
      },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, locale, data?.currency],
  );

  if (!valid) return <Alert kind="error">{t("plansForm.whatIf.notRunnable", { version })}</Alert>;
  const periodOptions = periods.data ?? [];
  return (
    <div className="space-y-6">
      <Card>
        <p className="mb-4 text-sm text-slate-600">{t("plansForm.whatIf.description")}</p>
        {periods.isSuccess && periodOptions.length === 0 ? (
          <Alert kind="info">{t("plansForm.whatIf.noPeriods")}</Alert>
        ) : (
          <form
            className="grid items-end gap-4 sm:grid-cols-[1fr_2fr_auto]"
            onSubmit={(e) => {
              e.preventDefault();
              if (chosenPeriod) {
                setPage(1);
                setStarted({ periodId: chosenPeriod, baseVersionId });
              }
            }}
          >
            <div>
              <label htmlFor="whatif-period" className="block text-sm font-medium text-slate-700">
                {t("plansForm.whatIf.period")}
              </label>
              <select id="whatif-period" value={chosenPeriod ?? ""} onChange={(e) => setPeriodId(Number(e.target.value))} data-testid="whatif-period" className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
                {periodOptions.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.code} · {t(`periods.statuses.${p.status}` as MessageKey)}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="whatif-base" className="block text-sm font-medium text-slate-700">
                {t("plansForm.whatIf.base")}
              </label>
              <select id="whatif-base" value={baseVersionId ?? ""} onChange={(e) => setBaseVersionId(e.target.value ? Number(e.target.value) : null)} className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
                <option value="">{t("plansForm.whatIf.baseAuto")}</option>
                {(versions.data ?? [])
                  .filter((v) => v.id !== id)
                  .map((v) => (
                    <option key={v.id} value={v.id}>
                      {v.planKey} v{v.version} · {v.name} ({t(`plans.statuses.${v.status}`)})
                    </option>
                  ))}
              </select>
            </div>
            <Button type="submit" disabled={!chosenPeriod || result.isFetching} data-testid="whatif-run">
              {result.isFetching && !data ? t("plansForm.whatIf.running") : t("plansForm.whatIf.run")}
            </Button>
          </form>
        )}
        <p className="mt-2 text-xs text-slate-500">{t("plansForm.whatIf.limitNote", { max: 250_000 })}</p>
      </Card>

      {result.error ? <Alert kind="error">{result.error.message}</Alert> : null}
      {started && result.isFetching && !data ? <p className="text-sm text-slate-500">{t("plansForm.whatIf.running")}</p> : null}

      {data ? (
        <div className="space-y-6" data-testid="whatif-result">
          <p className="text-sm text-slate-700">
            {t("plansForm.whatIf.compared", {
              candidate: `${data.candidate.planKey} v${data.candidate.version}`,
              base: `${data.base.planKey} v${data.base.version}`,
              period: periodOptions.find((p) => p.id === started?.periodId)?.code ?? "",
              count: data.count,
            })}
          </p>
          {data.closedRun ? <Alert kind={data.closedRun.matches ? "info" : "error"}>{t(data.closedRun.matches ? "plansForm.whatIf.matchesRun" : "plansForm.whatIf.differsRun", { run: data.closedRun.id })}</Alert> : null}
          <Card title={t("plansForm.whatIf.totals")}>
            <table className="w-full text-sm" data-testid="whatif-totals">
              <thead>
                <tr className="text-left text-xs text-slate-500">
                  <th className="py-1">{t("plansForm.whatIf.metric")}</th>
                  <th className="py-1 text-right">{t("plansForm.whatIf.baseCol")}</th>
                  <th className="py-1 text-right">{t("plansForm.whatIf.candidateCol")}</th>
                  <th className="py-1 text-right">{t("plansForm.whatIf.delta")}</th>
                </tr>
              </thead>
              <tbody className="tabular-nums">
                <tr className="border-t border-slate-100">
                  <td className="py-1.5">{t("plansForm.whatIf.paid")}</td>
                  <td className="py-1.5 text-right">{money(data.totals.base.paid)}</td>
                  <td className="py-1.5 text-right">{money(data.totals.candidate.paid)}</td>
                  <td className="py-1.5 text-right font-medium">{signed(data.totals.delta.paid)}</td>
                </tr>
                <tr className="border-t border-slate-100">
                  <td className="py-1.5">{t("plansForm.whatIf.payout")}</td>
                  <td className="py-1.5 text-right">{pct(data.totals.base.payoutBp)}</td>
                  <td className="py-1.5 text-right">{pct(data.totals.candidate.payoutBp)}</td>
                  <td className="py-1.5 text-right font-medium">{signedPct(data.totals.delta.payoutBp)}</td>
                </tr>
                <tr className="border-t border-slate-100">
                  <td className="py-1.5">{t("plansForm.whatIf.lines")}</td>
                  <td className="py-1.5 text-right">{num(data.totals.base.lines)}</td>
                  <td className="py-1.5 text-right">{num(data.totals.candidate.lines)}</td>
                  <td className="py-1.5 text-right">{num(data.totals.candidate.lines - data.totals.base.lines)}</td>
                </tr>
              </tbody>
            </table>
            <p className="mt-3 text-sm text-slate-600">{t("plansForm.whatIf.changed", { changed: data.totals.changed, gainers: data.totals.gainers, losers: data.totals.losers })}</p>
          </Card>
          <div className="grid gap-6 lg:grid-cols-2">
            <Card title={t("plansForm.whatIf.byRank")}>
              <table className="w-full text-sm" data-testid="whatif-ranks">
                <thead>
                  <tr className="text-left text-xs text-slate-500">
                    <th className="py-1">{t("plansForm.whatIf.rank")}</th>
                    <th className="py-1 text-right">{t("plansForm.whatIf.achieved")}</th>
                    <th className="py-1 text-right">{t("plansForm.whatIf.paidAs")}</th>
                  </tr>
                </thead>
                <tbody className="tabular-nums">
                  {data.byRank.map((r) => {
                    const pair = (x: { base: number | null; candidate: number | null }) =>
                      `${x.base === null ? t("plansForm.whatIf.notOnLadder") : num(x.base)} → ${x.candidate === null ? t("plansForm.whatIf.notOnLadder") : num(x.candidate)}`;
                    return (
                      <tr key={r.code} className="border-t border-slate-100">
                        <td className="py-1.5">{r.name}</td>
                        <td className="py-1.5 text-right">{pair(r.achieved)}</td>
                        <td className="py-1.5 text-right">{pair(r.paidAs)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </Card>
            <Card title={t("plansForm.whatIf.byBonus")}>
              <table className="w-full text-sm">
                <thead>
                  <tr className="text-left text-xs text-slate-500">
                    <th className="py-1">{t("plansForm.whatIf.bonus")}</th>
                    <th className="py-1 text-right">{t("plansForm.whatIf.baseCol")}</th>
                    <th className="py-1 text-right">{t("plansForm.whatIf.candidateCol")}</th>
                    <th className="py-1 text-right">{t("plansForm.whatIf.delta")}</th>
                  </tr>
                </thead>
                <tbody className="tabular-nums">
                  {data.byBonus.map((b) => (
                    <tr key={b.bonus} className="border-t border-slate-100">
                      <td className="py-1.5">{t(`plansForm.whatIf.bonusKinds.${b.bonus}` as MessageKey)}</td>
                      <td className="py-1.5 text-right">{money(b.base)}</td>
                      <td className="py-1.5 text-right">{money(b.candidate)}</td>
                      <td className="py-1.5 text-right">{signed(b.delta)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Card>
          </div>
          <Card title={t("plansForm.whatIf.consultants")}>
            <div className="mb-3 flex flex-wrap items-center gap-4">
              <input
                value={q}
                onChange={(e) => {
                  setQ(e.target.value);
                  setPage(1);
                }}
                placeholder={t("plansForm.whatIf.search")}
                aria-label={t("plansForm.whatIf.search")}
                className="w-64 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
              />
              <label className="flex items-center gap-2 text-sm text-slate-700">
                <input
                  type="checkbox"
                  checked={changedOnly}
                  onChange={(e) => {
                    setChangedOnly(e.target.checked);
                    setPage(1);
                  }}
                  className="h-4 w-4"
                />
                {t("plansForm.whatIf.onlyChanged")}
              </label>
            </div>
            <DataTable
              columns={columns}
              rows={data.page.rows}
              total={data.page.total}
              page={page}
              pageSize={PAGE_SIZE}
              onPageChange={setPage}
              sorting={sorting}
              onSortingChange={(s) => {
                setSorting(s);
                setPage(1);
              }}
              loading={result.isFetching}
              emptyText={t("plansForm.whatIf.empty")}
              caption={t("plansForm.whatIf.consultants")}
            />
          </Card>
        </div>
      ) : null}
    </div>
  );
}
