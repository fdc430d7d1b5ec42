"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { formatBp, LineExplanation, useBonusLabel } from "@/app/_components/compensation/line-explanation";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card, Stat } from "@/app/_components/ui/card";
import { useLocale, useT } from "@/app/_lib/i18n";
import { useTRPC } from "@/app/_lib/trpc";
import { formatMoney, formatVolume } from "@/server/commerce/money";

const PAGE = 25;

/** Her published commission lines per period, totals by bonus, and each line's explanation on demand. */
export function MyCommissions() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const bonusLabel = useBonusLabel();
  const [runId, setRunId] = useState<number | undefined>(undefined);
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<number | null>(null);
  const data = useQuery({ ...trpc.compExplain.myLines.queryOptions({ runId, offset, limit: PAGE }), placeholderData: keepPreviousData });
  if (data.isPending) return <p className="text-sm text-slate-500">{t("compExplain.lines.loading")}</p>;
  if (data.isError) return <Alert kind="error">{data.error.message}</Alert>;
  const { runs, run, lines, totalLines, byBonus } = data.data;
  if (!run) return <Alert>{t("compExplain.lines.empty")}</Alert>;
  const currency = run.currency ?? "BRL";
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const lineCount = (n: number) => (n === 1 ? t("compExplain.lines.lineCountOne") : t("compExplain.lines.lineCount", { count: n }));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end gap-4">
        <label className="text-sm">
          <span className="block font-medium text-slate-700">{t("compExplain.lines.period")}</span>
          <select
            className="mt-1 rounded-md border border-slate-300 px-3 py-2 text-sm"
            value={run.runId}
            onChange={(e) => {
              setRunId(Number(e.target.value));
              setOffset(0);
              setOpen(null);
            }}
            data-testid="commissions-period"
          >
            {runs.map((r) => (
              <option key={r.runId} value={r.runId}>
                {r.periodName} — {formatMoney(r.total, r.currency ?? currency, locale)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label={t("compExplain.lines.total")} value={money(run.total)} hint={lineCount(totalLines)} testId="commissions-total" />
        <Stat label={t("compExplain.lines.paidAsRank")} value={run.rankName ?? "—"} testId="commissions-rank" />
      </div>
      {byBonus.length ? (
        <Card title={t("compExplain.lines.byBonus")}>
          <table className="w-full max-w-lg text-sm" data-testid="commissions-by-bonus">
            <tbody className="divide-y divide-slate-100">
              {byBonus.map((b) => (
                <tr key={b.bonus}>
                  <td className="py-1.5">{bonusLabel(b.bonus)}</td>
                  <td className="py-1.5 text-slate-500">{lineCount(b.lines)}</td>
                  <td className="py-1.5 text-right tabular-nums">{money(b.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      ) : null}
      <Card>
        {lines.length === 0 ? (
          <p className="text-sm text-slate-600">{t("compExplain.lines.emptyRun")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="commission-lines">
              <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="py-2 pr-3">{t("compExplain.lines.columns.bonus")}</th>
                  <th className="py-2 pr-3">{t("compExplain.lines.columns.source")}</th>
                  <th className="py-2 pr-3">{t("compExplain.lines.columns.level")}</th>
                  <th className="py-2 pr-3 text-right">{t("compExplain.lines.columns.base")}</th>
                  <th className="py-2 pr-3 text-right">{t("compExplain.lines.columns.pct")}</th>
                  <th className="py-2 pr-3 text-right">{t("compExplain.lines.columns.amount")}</th>
                  <th className="py-2" />
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {lines.map((l) => (
                  <Fragment key={l.lineNo}>
                    <tr data-testid={`line-${l.lineNo}`}>
                      <td className="py-2 pr-3">{bonusLabel(l.bonus)}</td>
                      <td className="py-2 pr-3">{l.sourceCode ? `${l.sourceName} (${l.sourceCode})` : "—"}</td>
                      <td className="py-2 pr-3 tabular-nums">{l.level || "—"}</td>
                      <td className="py-2 pr-3 text-right tabular-nums">{l.baseVolume ? formatVolume(l.baseVolume, locale) : "—"}</td>
                      <td className="py-2 pr-3 text-right tabular-nums">{l.pctBp ? formatBp(l.pctBp, locale) : "—"}</td>
                      <td className="py-2 pr-3 text-right font-medium tabular-nums">{money(l.amount)}</td>
                      <td className="py-2 text-right">
                        <Button variant="ghost" className="whitespace-nowrap !px-2 !py-1 text-brand-700" aria-expanded={open === l.lineNo} onClick={() => setOpen(open === l.lineNo ? null : l.lineNo)}>
                          {open === l.lineNo ? t("compExplain.lines.hide") : t("compExplain.lines.why")}
                        </Button>
                      </td>
                    </tr>
                    {open === l.lineNo ? (
                      <tr>
                        <td colSpan={7} className="bg-slate-50 px-4 py-4">
                          <Explain runId={run.runId} lineNo={l.lineNo} />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {totalLines > PAGE ? (
          <div className="mt-4 flex items-center justify-between text-sm text-slate-600">
            <span>{t("compExplain.lines.pageOf", { from: offset + 1, to: Math.min(offset + PAGE, totalLines), total: totalLines })}</span>
            <div className="flex gap-2">
              <Button variant="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                {t("compExplain.lines.previous")}
              </Button>
              <Button variant="secondary" disabled={offset + PAGE >= totalLines} onClick={() => setOffset(offset + PAGE)}>
                {t("compExplain.lines.next")}
              </Button>
            </div>
          </div>
        ) : null}
      </Card>
    </div>
  );
}

function Explain({ runId, lineNo }: { runId: number; lineNo: number }) {
  const t = useT();
  const trpc = useTRPC();
  const e = useQuery(trpc.compExplain.explainLine.queryOptions({ runId, lineNo }));
  if (e.isPending) return <p className="text-sm text-slate-500">{t("compExplain.lines.loading")}</p>;
  if (e.isError) return <Alert kind="error">{e.error.message}</Alert>;
  return <LineExplanation e={e.data} mode="portal" />;
}
