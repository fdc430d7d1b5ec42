"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card, PageHeader, Stat } from "@/app/_components/ui/card";
import { DataTable } from "@/app/_components/ui/data-table";
import { TextField } from "@/app/_components/ui/field";
import { SelectField } from "@/app/_components/ui/select-field";
import { useLocale, useT } from "@/app/_lib/i18n";
import { useTRPC, type RouterOutputs } from "@/app/_lib/trpc";
import type { CompRunSummary } from "@/db/schema/comp-runs";
import { formatMoney, formatVolume } from "@/server/commerce/money";
import { LINE_BONUSES } from "@/server/compensation/runs/line-bonuses";
import { Dialog } from "../../../_components/dialog";
import { useDebounced } from "../../../_lib/use-debounced";
import { formatDateTime } from "../../../_lib/format";
import { RunProgress, RunStatusBadge } from "../run-bits";

type Line = RouterOutputs["compRuns"]["lines"]["rows"][number];

/** One run: progress while it runs (polled), then its summary, its lines, and close / publish / cancel. */
export function RunScreen({ runId }: { runId: number }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const run = useQuery({
    ...trpc.compRuns.get.queryOptions({ id: runId }),
    refetchInterval: (q) => (q.state.data && (q.state.data.status === "queued" || q.state.data.status === "running") ? 700 : false),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.compRuns.pathKey() });
  const cancel = useMutation(trpc.compRuns.cancel.mutationOptions({ onSuccess: refresh }));
  const publish = useMutation(trpc.compRuns.publish.mutationOptions({ onSuccess: refresh }));
  const close = useMutation(trpc.compRuns.close.mutationOptions({ onSuccess: async (r) => (await refresh(), window.location.assign(`/admin/compensation/runs/${r.id}`)) }));
  const [confirm, setConfirm] = useState<"close" | "publish" | "cancel" | null>(null);

  if (run.isLoading) return <p className="text-sm text-slate-500">{t("compRuns.loading")}</p>;
  if (run.error || !run.data) return <Alert kind="error">{run.error?.message ?? t("compRuns.errors.notFound")}</Alert>;
  const r = run.data;
  const live = r.status === "queued" || r.status === "running";
  const error = cancel.error ?? publish.error ?? close.error;
  const confirmText =
    confirm === "close" ? t("compRuns.confirmClose", { period: r.periodName }) : confirm === "publish" ? t("compRuns.confirmPublish", { id: r.id }) : t("compRuns.confirmCancel", { id: r.id });
  return (
    <div className="space-y-5">
      <PageHeader
        title={`${t(`compRuns.kind.${r.kind}`)} #${r.id} · ${r.periodName}`}
        description={`${r.planName} (v${r.planVersion}) · ${formatDateTime(locale, r.createdAt)}`}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <RunStatusBadge status={r.status} />
            {live ? (
              <Button variant="secondary" onClick={() => setConfirm("cancel")} disabled={r.cancelRequested} data-testid="run-cancel">
                {t("compRuns.actions.cancel")}
              </Button>
            ) : null}
            {r.kind === "preview" && r.status === "done" && !r.periodFinal ? (
              <Button variant="danger" onClick={() => setConfirm("close")} data-testid="run-close">
                {t("compRuns.actions.close")}
              </Button>
            ) : null}
            {r.status === "closed" ? (
              <Button onClick={() => setConfirm("publish")} data-testid="run-publish">
                {t("compRuns.actions.publish")}
              </Button>
            ) : null}
          </div>
        }
      />
      <Link href="/admin/compensation/runs" className="text-sm text-brand-700 hover:underline">
        ← {t("compRuns.actions.back")}
      </Link>
      {error ? <Alert kind="error">{error.message}</Alert> : null}
      {r.status === "failed" && r.error ? <Alert kind="error">{t("compRuns.error", { error: r.error })}</Alert> : null}
      <Card>
        <RunProgress phase={r.phase} percent={r.percent} status={r.status} testId="run-progress" />
      </Card>
      {r.summary ? <Summary summary={r.summary} inputHash={r.inputHash} outputHash={r.outputHash} /> : !live ? null : <p className="text-sm text-slate-500">{t("compRuns.summary.notYet")}</p>}
      {r.summary ? <Lines runId={r.id} currency={r.currency ?? r.summary.currency} rankNames={r.summary.rankNames ?? {}} /> : null}
      <Dialog open={confirm !== null} onClose={() => setConfirm(null)} title={confirm ? t(`compRuns.actions.${confirm}`) : ""} testId="run-confirm">
        <p className="text-sm text-slate-700">{confirmText}</p>
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirm(null)}>
            {t("common.cancel")}
          </Button>
          <Button
            variant={confirm === "publish" ? "primary" : "danger"}
            data-testid="run-confirm-ok"
            onClick={() => {
              const what = confirm;
              setConfirm(null);
              if (what === "close") close.mutate({ periodId: r.periodId });
              if (what === "publish") publish.mutate({ id: r.id });
              if (what === "cancel") cancel.mutate({ id: r.id });
            }}
          >
            {confirm ? t(`compRuns.actions.${confirm}`) : ""}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}

function Summary({ summary: s, inputHash, outputHash }: { summary: CompRunSummary; inputHash: string | null; outputHash: string | null }) {
  const t = useT();
  const locale = useLocale();
  const money = (v: string | number) => formatMoney(Number(v), s.currency, locale);
  const pct = (bp: number | null) => (bp === null ? "—" : new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(bp / 10_000));
  const number = (v: number) => new Intl.NumberFormat(locale).format(v);
  const bonusName = (b: string) => ((LINE_BONUSES as readonly string[]).includes(b) ? t(`compRuns.bonus.${b as (typeof LINE_BONUSES)[number]}`) : b);
  const rankName = (code: string | null) => {
    if (!code) return "—";
    const name = s.rankNames?.[code];
    return !name ? code : typeof name === "string" ? name : (name[locale] ?? name["pt-BR"]);
  };
  const unit = (v: number) => new Intl.NumberFormat(locale, { style: "currency", currency: s.currency, maximumFractionDigits: 0 }).format(v);
  const th = "py-2 pr-4 text-left font-medium text-slate-600";
  const td = "py-1.5 pr-4 tabular-nums";
  return (
    <section className="space-y-4" data-testid="run-summary">
      <h2 className="text-lg font-semibold text-slate-900">{t("compRuns.summary.title")}</h2>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label={t("compRuns.summary.totalPaid")} value={money(s.totalPaid)} testId="total-paid" />
        <Stat label={t("compRuns.summary.payout")} value={pct(s.payoutBp)} testId="payout" />
        <Stat label={t("compRuns.summary.consultants")} value={number(s.consultants)} testId="consultants" />
        <Stat label={t("compRuns.summary.lines")} value={number(s.lines)} hint={`${t("compRuns.summary.cv")}: ${formatVolume(Number(s.totalCv), locale)}`} testId="lines" />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t("compRuns.summary.byBonus")}>
          <table className="min-w-full text-sm">
            <thead>
              <tr>
                <th className={th}>{t("compRuns.columns.bonus")}</th>
                <th className={th}>{t("compRuns.columns.lines")}</th>
                <th className={th}>{t("compRuns.columns.amount")}</th>
              </tr>
            </thead>
            <tbody>
              {s.byBonus.map((b) => (
                <tr key={b.bonus} data-testid={`by-bonus-${b.bonus}`}>
                  <td className="py-1.5 pr-4">{bonusName(b.bonus)}</td>
                  <td className={td}>{number(b.lines)}</td>
                  <td className={td}>{money(b.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        <Card title={t("compRuns.summary.byRank")}>
          <table className="min-w-full text-sm">
            <thead>
              <tr>
                <th className={th}>{t("compRuns.columns.rank")}</th>
                <th className={th}>{t("compRuns.columns.consultants")}</th>
                <th className={th}>{t("compRuns.columns.amount")}</th>
              </tr>
            </thead>
            <tbody>
              {s.byRank.map((b) => (
                <tr key={b.rank}>
                  <td className="py-1.5 pr-4">{b.rank ? rankName(b.rank) : t("compRuns.summary.noRank")}</td>
                  <td className={td}>{number(b.consultants)}</td>
                  <td className={td}>{money(b.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        <Card title={t("compRuns.summary.top")}>
          <table className="min-w-full text-sm">
            <tbody>
              {s.top.map((e, i) => (
                <tr key={e.consultantId}>
                  <td className="py-1.5 pr-2 text-slate-500 tabular-nums">{i + 1}.</td>
                  <td className="py-1.5 pr-4">
                    <span className="font-mono text-xs">{e.code}</span> {e.name}
                  </td>
                  <td className={td}>{money(e.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        <Card title={t("compRuns.summary.distribution")}>
          <table className="min-w-full text-sm" data-testid="distribution">
            <thead>
              <tr>
                <th className={th}>{t("compRuns.columns.total")}</th>
                <th className={th}>{t("compRuns.columns.consultants")}</th>
                <th className={th}>{t("compRuns.columns.amount")}</th>
              </tr>
            </thead>
            <tbody>
              {s.distribution.map((d, i) => (
                <tr key={i}>
                  <td className="py-1.5 pr-4">
                    {i === 0 ? t("compRuns.summary.zero") : d.upTo === null ? t("compRuns.summary.andUp", { from: unit(d.from) }) : t("compRuns.summary.range", { from: unit(d.from), upTo: unit(d.upTo) })}
                  </td>
                  <td className={td}>{number(d.consultants)}</td>
                  <td className={td}>{money(d.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      </div>
      {s.promotedCount ? (
        <Card title={t("compRuns.summary.promoted", { count: s.promotedCount })}>
          <ul className="grid gap-1 text-sm sm:grid-cols-2">
            {s.promoted.map((p) => (
              <li key={p.consultantId}>
                <span className="font-mono text-xs">{p.code}</span> {p.name}: {rankName(p.from)} → <strong>{rankName(p.to)}</strong>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {inputHash ? (
        <p className="break-all font-mono text-xs text-slate-500">
          {t("compRuns.summary.hashes")}: {inputHash.slice(0, 16)}… / {outputHash?.slice(0, 16)}…
        </p>
      ) : null}
    </section>
  );
}

function Lines({ runId, currency, rankNames }: { runId: number; currency: string; rankNames: NonNullable<CompRunSummary["rankNames"]> }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const [consultant, setConsultant] = useState("");
  const [bonus, setBonus] = useState<(typeof LINE_BONUSES)[number] | null>(null);
  const query = useDebounced(consultant.trim(), 300);
  const lines = useQuery(trpc.compRuns.lines.queryOptions({ runId, consultant: query, bonus, page, pageSize: 50 }, { placeholderData: (prev) => prev }));
  const columns = useMemo<ColumnDef<Line>[]>(
    () => [
      { id: "no", header: "#", cell: ({ row }) => <span className="tabular-nums text-slate-500">{row.original.lineNo}</span> },
      {
        id: "consultant",
        header: t("compRuns.columns.consultant"),
        cell: ({ row }) => (
          <span>
            <span className="font-mono text-xs">{row.original.code}</span> {row.original.name}
          </span>
        ),
      },
      { id: "bonus", header: t("compRuns.columns.bonus"), cell: ({ row }) => t(`compRuns.bonus.${row.original.bonus as (typeof LINE_BONUSES)[number]}`) },
      { id: "source", header: t("compRuns.columns.source"), cell: ({ row }) => <span className="font-mono text-xs">{row.original.sourceCode ?? "—"}</span> },
      { id: "level", header: t("compRuns.columns.level"), cell: ({ row }) => <span className="tabular-nums">{row.original.level || "—"}</span> },
      {
        id: "rank",
        header: t("compRuns.columns.rank"),
        cell: ({ row }) => {
          const name = row.original.rank ? rankNames[row.original.rank] : undefined;
          return !row.original.rank ? "—" : !name ? row.original.rank : typeof name === "string" ? name : (name[locale] ?? name["pt-BR"]);
        },
      },
      {
        id: "pct",
        header: t("compRuns.columns.pct"),
        cell: ({ row }) => <span className="tabular-nums">{row.original.pctBp ? new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(row.original.pctBp / 10_000) : "—"}</span>,
      },
      { id: "base", header: t("compRuns.columns.base"), cell: ({ row }) => <span className="tabular-nums">{row.original.baseVolume ? formatVolume(row.original.baseVolume, locale) : "—"}</span> },
      {
        id: "amount",
        header: t("compRuns.columns.amount"),
        cell: ({ row }) => <span className={`tabular-nums ${row.original.amount < 0 ? "text-red-700" : ""}`}>{formatMoney(row.original.amount, currency, locale)}</span>,
      },
      {
        id: "why",
        header: "",
        cell: ({ row }) => (
          <Link href={`/admin/compensation/runs/${runId}/lines/${row.original.lineNo}`} className="text-sm text-brand-700 hover:underline" data-testid={`line-explain-${row.original.lineNo}`}>
            {t("compRuns.explain")}
          </Link>
        ),
      },
    ],
    [t, locale, currency, runId, rankNames],
  );
  const data = lines.data;
  return (
    <section className="space-y-3" data-testid="run-lines">
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          className="w-64"
          label={t("compRuns.filters.consultant")}
          value={consultant}
          onChange={(e) => {
            setConsultant(e.target.value);
            setPage(1);
          }}
          data-testid="lines-consultant"
        />
        <SelectField
          className="w-64"
          label={t("compRuns.filters.bonus")}
          value={bonus ?? ""}
          onChange={(e) => {
            setBonus((e.target.value || null) as typeof bonus);
            setPage(1);
          }}
          options={[{ value: "", label: t("compRuns.filters.allBonuses") }, ...LINE_BONUSES.map((b) => ({ value: b, label: t(`compRuns.bonus.${b}`) }))]}
          data-testid="lines-bonus"
        />
      </div>
      <DataTable
        columns={columns}
        rows={data?.rows ?? []}
        total={data?.total ?? 0}
        page={page}
        pageSize={50}
        onPageChange={setPage}
        loading={lines.isFetching}
        emptyText={t("compRuns.noLines")}
        caption={t("compRuns.columns.lines")}
      />
    </section>
  );
}
