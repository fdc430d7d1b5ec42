"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card } from "@/app/_components/ui/card";
import { DataTable } from "@/app/_components/ui/data-table";
import { TextField } from "@/app/_components/ui/field";
import { SelectField } from "@/app/_components/ui/select-field";
import { useLocale, useT } from "@/app/_lib/i18n";
import { fieldErrorsOf, useTRPC, type RouterOutputs } from "@/app/_lib/trpc";
import { formatMoney, parseMoney } from "@/server/commerce/money";
import { Dialog } from "../../_components/dialog";
import { formatDateTime } from "../../_lib/format";
import { RunProgress, RunStatusBadge } from "./run-bits";

type Row = RouterOutputs["compRuns"]["list"][number];

/** The runs of a period: start a preview, close the period, follow progress (polled), open a run; adjustments. */
export function RunsScreen() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const periods = useQuery(trpc.compRuns.periods.queryOptions());
  const [periodId, setPeriodId] = useState<number | null>(null);
  useEffect(() => {
    if (periodId === null && periods.data?.length) setPeriodId((periods.data.find((p) => !p.final) ?? periods.data[0]!).id);
  }, [periods.data, periodId]);
  const period = periods.data?.find((p) => p.id === periodId) ?? null;
  const runs = useQuery({
    ...trpc.compRuns.list.queryOptions({ periodId }),
    enabled: periodId !== null,
    // Poll while any run of the period is queued or running.
    refetchInterval: (q) => (q.state.data?.some((r) => r.status === "queued" || r.status === "running") ? 1000 : false),
  });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.compRuns.pathKey() });
  };
  const preview = useMutation(trpc.compRuns.preview.mutationOptions({ onSuccess: refresh }));
  const close = useMutation(trpc.compRuns.close.mutationOptions({ onSuccess: async (r) => (await refresh(), router.push(`/admin/compensation/runs/${r.id}`)) }));
  const [confirmClose, setConfirmClose] = useState(false);
  const error = preview.error ?? close.error;

  const columns = useMemo<ColumnDef<Row>[]>(
    () => [
      {
        id: "id",
        header: t("compRuns.columns.id"),
        cell: ({ row }) => (
          <Link href={`/admin/compensation/runs/${row.original.id}`} className="font-medium text-brand-700 hover:underline" data-testid={`run-link-${row.original.id}`}>
            #{row.original.id}
          </Link>
        ),
      },
      { id: "kind", header: t("compRuns.columns.kind"), cell: ({ row }) => t(`compRuns.kind.${row.original.kind}`) },
      { id: "status", header: t("compRuns.columns.status"), cell: ({ row }) => <RunStatusBadge status={row.original.status} /> },
      { id: "progress", header: t("compRuns.columns.progress"), cell: ({ row }) => <RunProgress phase={row.original.phase} percent={row.original.percent} status={row.original.status} testId={`run-progress-${row.original.id}`} /> },
      {
        id: "total",
        header: t("compRuns.columns.total"),
        cell: ({ row }) => <span className="tabular-nums">{row.original.totalPaid !== null && row.original.currency ? formatMoney(row.original.totalPaid, row.original.currency, locale) : "—"}</span>,
      },
      { id: "created", header: t("compRuns.columns.created"), cell: ({ row }) => <span className="whitespace-nowrap text-slate-600">{formatDateTime(locale, row.original.createdAt)}</span> },
    ],
    [t, locale],
  );

  const rows = runs.data ?? [];
  const busy = rows.some((r) => r.status === "queued" || r.status === "running");
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <SelectField
          className="w-64"
          label={t("compRuns.period")}
          value={periodId ?? ""}
          onChange={(e) => setPeriodId(Number(e.target.value))}
          options={(periods.data ?? []).map((p) => ({ value: String(p.id), label: `${p.name}${p.final ? ` · ${t("compRuns.status.closed")}` : ""}` }))}
          data-testid="runs-period"
        />
        <Button onClick={() => periodId && preview.mutate({ periodId })} disabled={!period || period.final || preview.isPending || busy} data-testid="runs-preview">
          {t("compRuns.actions.preview")}
        </Button>
        <Button variant="danger" onClick={() => setConfirmClose(true)} disabled={!period || period.final || busy} data-testid="runs-close">
          {t("compRuns.actions.close")}
        </Button>
      </div>
      {period?.final ? <Alert>{t("compRuns.errors.periodFinal", { period: period.name })}</Alert> : null}
      {error ? <Alert kind="error">{error.message}</Alert> : null}
      <DataTable columns={columns} rows={rows} total={rows.length} page={1} pageSize={Math.max(rows.length, 1)} onPageChange={() => {}} loading={runs.isLoading} emptyText={t("compRuns.empty")} caption={t("compRuns.title")} />
      {period ? <Adjustments periodId={period.id} final={period.final} /> : null}
      <Dialog open={confirmClose} onClose={() => setConfirmClose(false)} title={t("compRuns.actions.close")} testId="runs-close-dialog">
        <p className="text-sm text-slate-700">{t("compRuns.confirmClose", { period: period?.name ?? "" })}</p>
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirmClose(false)}>
            {t("common.cancel")}
          </Button>
          <Button
            variant="danger"
            disabled={close.isPending}
            data-testid="runs-close-confirm"
            onClick={() => {
              setConfirmClose(false);
              if (periodId) close.mutate({ periodId });
            }}
          >
            {t("compRuns.actions.close")}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}

/** Manual adjustments of the period: list, add (signed amount, reason), delete while not applied. */
function Adjustments({ periodId, final }: { periodId: number; final: boolean }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.compRuns.adjustments.queryOptions({ periodId }));
  const [consultant, setConsultant] = useState("");
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [amountError, setAmountError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.compRuns.adjustments.pathKey() });
  const create = useMutation(
    trpc.compRuns.createAdjustment.mutationOptions({
      onSuccess: async () => {
        setConsultant("");
        setAmount("");
        setReason("");
        setSaved(true);
        await refresh();
      },
    }),
  );
  const remove = useMutation(trpc.compRuns.deleteAdjustment.mutationOptions({ onSuccess: refresh }));
  const errors = fieldErrorsOf(create.error);
  const general = create.error && !Object.keys(errors).length ? create.error.message : null;
  const currency = "BRL";
  return (
    <Card title={t("compRuns.adjustments.title")}>
      <p className="mb-3 text-sm text-slate-600">{t("compRuns.adjustments.intro")}</p>
      {!final ? (
        <form
          className="mb-4 grid gap-3 sm:grid-cols-[10rem_10rem_1fr_auto] sm:items-start"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setSaved(false);
            const negative = amount.trim().startsWith("-");
            const parsed = parseMoney(amount.trim().replace(/^-/, ""), locale, currency);
            if (!parsed.ok) {
              setAmountError(t(parsed.error === "required" ? "compRuns.errors.amountZero" : "compRuns.errors.amountFormat"));
              return;
            }
            setAmountError(null);
            create.mutate({ periodId, consultant, amount: negative ? -parsed.value : parsed.value, reason });
          }}
        >
          <TextField label={t("compRuns.adjustments.consultant")} value={consultant} onChange={(e) => setConsultant(e.target.value)} errors={errors.consultant} data-testid="adjust-consultant" />
          <TextField label={t("compRuns.adjustments.amount")} value={amount} inputMode="decimal" onChange={(e) => setAmount(e.target.value)} errors={amountError ? [amountError] : errors.amount} data-testid="adjust-amount" />
          <TextField label={t("compRuns.adjustments.reason")} value={reason} onChange={(e) => setReason(e.target.value)} errors={errors.reason} maxLength={500} data-testid="adjust-reason" />
          <Button type="submit" className="sm:mt-6" disabled={create.isPending} data-testid="adjust-add">
            {t("compRuns.adjustments.add")}
          </Button>
        </form>
      ) : null}
      {general ? <Alert kind="error">{general}</Alert> : null}
      {saved ? <Alert kind="success">{t("compRuns.adjustments.saved")}</Alert> : null}
      {list.data?.length ? (
        <table className="mt-2 min-w-full divide-y divide-slate-200 text-sm" data-testid="adjust-list">
          <thead>
            <tr className="text-left text-slate-600">
              <th className="py-2 pr-4 font-medium">{t("compRuns.columns.consultant")}</th>
              <th className="py-2 pr-4 font-medium">{t("compRuns.columns.amount")}</th>
              <th className="py-2 pr-4 font-medium">{t("compRuns.columns.reason")}</th>
              <th className="py-2 pr-4 font-medium">{t("compRuns.columns.created")}</th>
              <th />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {list.data.map((a) => (
              <tr key={a.id}>
                <td className="py-2 pr-4">
                  <span className="font-mono text-xs">{a.code}</span> {a.name}
                </td>
                <td className={`py-2 pr-4 tabular-nums ${a.amount < 0 ? "text-red-700" : ""}`}>{formatMoney(a.amount, a.currency, locale)}</td>
                <td className="py-2 pr-4">{a.reason}</td>
                <td className="py-2 pr-4 text-slate-600">{formatDateTime(locale, a.createdAt)}</td>
                <td className="py-2 text-right">
                  {a.appliedRunId ? (
                    <span className="text-xs text-slate-500">{t("compRuns.adjustments.applied", { id: a.appliedRunId })}</span>
                  ) : (
                    <button type="button" className="text-sm text-red-700 hover:underline" onClick={() => remove.mutate({ id: a.id })}>
                      {t("compRuns.adjustments.remove")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-sm text-slate-500">{t("compRuns.adjustments.empty")}</p>
      )}
    </Card>
  );
}
