"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card, PageHeader } from "@/app/_components/ui/card";
import { useT } from "@/app/_lib/i18n";
import { useTRPC } from "@/app/_lib/trpc";
import type { MessageKey } from "@/server/i18n/messages";
import { Dialog } from "../../../_components/dialog";
import { PlanStatusBadge } from "../status-badge";
import { PlanForm, type Issue } from "./plan-form";
import { WhatIfPanel } from "./what-if-panel";

type Tab = "form" | "json" | "whatIf";

/** Labels a field path the way the form names it: "Graduações › 1 (consultora) › PV". */
function usePathLabel() {
  const t = useT();
  const words: Record<string, MessageKey> = {
    ranks: "plansForm.ranks",
    bonuses: "plansForm.bonuses",
    pv: "plansForm.pv",
    gv: "plansForm.gv",
    gvMaxLeg: "plansForm.gvMaxLeg",
    maxLegShareBp: "plansForm.maxLegShare",
    activeFrontline: "plansForm.activeFrontline",
    legsWithRank: "plansForm.legsWithRank",
    monthsQualified: "plansForm.monthsQualified",
    code: "plansForm.code",
    name: "plansForm.rankName",
    levelsBp: "plansForm.levelsPct",
    generationsBp: "plansForm.generationsPct",
    levelsByRank: "plansForm.levelsByRank",
    generationsByRank: "plansForm.generationsByRank",
    levelsWithoutRank: "plansForm.levelsWithoutRank",
    pctBp: "plansForm.pct",
    pctByRank: "plansForm.pctByRank",
    carryCap: "plansForm.carryCap",
    payoutCap: "plansForm.payoutCap",
    minRank: "plansForm.minRank",
    breakawayRank: "plansForm.breakawayRank",
    compressBelowRank: "plansForm.compressBelowRank",
    width: "plansForm.width",
    currency: "plansForm.currency",
    minPv: "plansForm.minPv",
    minimum: "plansForm.payoutMinimum",
    rank: "plansForm.generationRank",
    unilevel: "plansForm.bonusNames.unilevel",
    binary: "plansForm.bonusNames.binary",
    matrix: "plansForm.bonusNames.matrix",
    stairStep: "plansForm.bonusNames.stairStep",
    generation: "plansForm.bonusNames.generation",
    fastStart: "plansForm.bonusNames.fastStart",
  };
  return (path: string, def: Record<string, any>) => {
    if (!path) return t("plansForm.general");
    const parts = path.split(".");
    const out: string[] = [];
    parts.forEach((p, k) => {
      if (p === "ladder" || p === "requirements" || p === "activity" || p === "payout") return;
      if (/^\d+$/.test(p) && parts[k - 1] === "ladder") {
        const code = def?.ranks?.ladder?.[Number(p)]?.code;
        out.push(`${Number(p) + 1}${code ? ` (${code})` : ""}`);
      } else if (/^\d+$/.test(p)) out.push(`${Number(p) + 1}`);
      else out.push(words[p] ? t(words[p]!) : p);
    });
    return out.join(" › ");
  };
}

export function VersionScreen({ id, canEdit }: { id: number; canEdit: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const version = useQuery(trpc.plans.get.queryOptions({ id }));
  const [tab, setTab] = useState<Tab>("form");
  const [def, setDef] = useState<Record<string, unknown> | null>(null);
  const [name, setName] = useState("");
  const [issues, setIssues] = useState<Issue[]>([]);
  const [dirty, setDirty] = useState(false);
  const [notice, setNotice] = useState<{ kind: "success" | "error" | "info"; text: string } | null>(null);
  const [activating, setActivating] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const pathLabel = usePathLabel();

  useEffect(() => {
    if (version.data && !dirty) {
      setDef(version.data.definition as Record<string, unknown>);
      setName(version.data.name);
      setIssues(version.data.issues);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version.data]);

  // Leaving with unsaved edits asks first (the browser's own prompt).
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.plans.pathKey() });
  const save = useMutation(
    trpc.plans.updateDraft.mutationOptions({
      onSuccess: async (r) => {
        setIssues(r.issues);
        setDirty(false);
        setNotice(r.issues.length ? { kind: "error", text: t("plans.detail.savedWithIssues", { count: r.issues.length }) } : { kind: "success", text: t("plans.detail.saved") });
        await refresh();
      },
    }),
  );
  const clone = useMutation(trpc.plans.clone.mutationOptions({ onSuccess: async (r) => (await refresh(), router.push(`/admin/compensation/plans/${r.id}`)) }));
  const archive = useMutation(
    trpc.plans.archive.mutationOptions({
      onSuccess: async () => {
        setArchiving(false);
        setNotice({ kind: "success", text: t("plans.detail.archived") });
        await refresh();
      },
    }),
  );

  if (version.isLoading || !def) return <p className="text-sm text-slate-500">…</p>;
  if (version.error) return <Alert kind="error">{version.error.message}</Alert>;
  const v = version.data!;
  const editable = canEdit && v.status === "draft";

  const download = async () => {
    const file = await queryClient.fetchQuery(trpc.plans.exportJson.queryOptions({ id }));
    const url = URL.createObjectURL(new Blob([file.json], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = file.fileName;
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <>
      <PageHeader
        title={v.name}
        description={t("plans.detail.subtitle", { key: v.planKey, version: v.version })}
        actions={
          <div className="flex flex-wrap gap-2">
            {canEdit ? (
              <Button variant="secondary" onClick={() => clone.mutate({ id })} disabled={clone.isPending} data-testid="plan-clone">
                {t("plans.detail.clone")}
              </Button>
            ) : null}
            {editable ? (
              <Button onClick={() => setActivating(true)} disabled={dirty} data-testid="plan-activate">
                {t("plans.detail.activate")}
              </Button>
            ) : null}
            {canEdit && v.status !== "archived" ? (
              <Button variant="danger" onClick={() => setArchiving(true)} data-testid="plan-archive">
                {t("plans.detail.archive")}
              </Button>
            ) : null}
          </div>
        }
      />
      <div className="mb-4 flex flex-wrap items-center gap-3 text-sm text-slate-600">
        <PlanStatusBadge status={v.status} />
        <span>
          {t("plans.detail.effectiveFrom")}: <strong>{v.effectiveFrom?.code ?? t("plans.detail.none")}</strong>
        </span>
        <Link href="/admin/compensation/plans" className="ml-auto text-brand-700 hover:underline">
          {t("plans.detail.back")}
        </Link>
      </div>
      {notice ? (
        <div className="mb-4" data-testid="plan-notice">
          <Alert kind={notice.kind}>{notice.text}</Alert>
        </div>
      ) : null}
      {clone.error ? <Alert kind="error">{clone.error.message}</Alert> : null}

      <div role="tablist" className="mb-4 flex gap-1 border-b border-slate-200">
        {(canEdit ? (["form", "json", "whatIf"] as Tab[]) : (["form", "json"] as Tab[])).map((k) => (
          <button
            key={k}
            role="tab"
            type="button"
            aria-selected={tab === k}
            onClick={() => setTab(k)}
            data-testid={`plan-tab-${k}`}
            className={`-mb-px border-b-2 px-4 py-2 text-sm ${tab === k ? "border-brand-600 font-medium text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {t(`plans.detail.tabs.${k}`)}
          </button>
        ))}
      </div>

      {tab === "form" ? (
        <div className="space-y-4">
          {!editable ? <Alert kind="info">{t("plans.detail.readOnly")}</Alert> : null}
          {issues.length ? (
            <div data-testid="plan-issues">
              <Alert kind="error">
                <p className="font-medium">{t("plans.detail.issuesTitle", { count: issues.length })}</p>
                <ul className="mt-1 list-disc pl-5">
                  {issues.map((i, k) => (
                    <li key={k}>
                      <span className="font-medium">{pathLabel(i.path, def)}</span>: {i.message}
                    </li>
                  ))}
                </ul>
              </Alert>
            </div>
          ) : (
            <p className="text-sm text-green-700" data-testid="plan-valid">
              {t("plans.detail.valid")}
            </p>
          )}
          <PlanForm
            def={def}
            name={name}
            issues={issues}
            readOnly={!editable}
            onChange={(d) => {
              setDef(d);
              setDirty(true);
              setNotice(null);
            }}
            onName={(n) => {
              setName(n);
              setDirty(true);
            }}
          />
          {editable ? (
            <div className="sticky bottom-0 flex items-center justify-end gap-3 border-t border-slate-200 bg-slate-50/95 py-3">
              {dirty ? <span className="text-sm text-amber-700">{t("plans.detail.unsaved")}</span> : null}
              {save.error ? <span className="text-sm text-red-600">{save.error.message}</span> : null}
              <Button onClick={() => save.mutate({ id, name, effectiveFromPeriodId: v.effectiveFrom?.id ?? null, definition: def })} disabled={save.isPending} data-testid="plan-save">
                {save.isPending ? t("plans.detail.saving") : t("plans.detail.save")}
              </Button>
            </div>
          ) : null}
        </div>
      ) : null}

      {tab === "json" ? (
        <Card
          actions={
            <Button variant="secondary" onClick={download} data-testid="plan-download">
              {t("plans.json.download")}
            </Button>
          }
        >
          {v.issues.length ? <p className="mb-2 text-sm text-amber-700">{t("plans.json.invalidNote")}</p> : null}
          <JsonView id={id} />
        </Card>
      ) : null}

      {tab === "whatIf" && canEdit ? <WhatIfPanel id={id} version={v.version} valid={v.issues.length === 0} /> : null}

      <Dialog open={activating} onClose={() => setActivating(false)} title={t("plans.activateDialog.title", { version: v.version })} testId="plan-activate-dialog">
        {activating ? (
          <ActivateForm
            id={id}
            onCancel={() => setActivating(false)}
            onDone={async (period) => {
              setActivating(false);
              setNotice({ kind: "success", text: t("plans.detail.activated", { period }) });
              await refresh();
            }}
          />
        ) : null}
      </Dialog>
      <Dialog open={archiving} onClose={() => setArchiving(false)} title={t("plans.archiveDialog.title", { version: v.version })} testId="plan-archive-dialog">
        <div className="space-y-4">
          <p className="text-sm text-slate-700">{t("plans.archiveDialog.body")}</p>
          {archive.error ? <Alert kind="error">{archive.error.message}</Alert> : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setArchiving(false)}>
              {t("common.cancel")}
            </Button>
            <Button variant="danger" onClick={() => archive.mutate({ id })} disabled={archive.isPending} data-testid="plan-archive-confirm">
              {t("plans.archiveDialog.confirm")}
            </Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}

/** The definition as the export gives it: canonical (defaults filled in, keys sorted) when valid. */
function JsonView({ id }: { id: number }) {
  const trpc = useTRPC();
  const file = useQuery(trpc.plans.exportJson.queryOptions({ id }));
  if (file.error) return <Alert kind="error">{file.error.message}</Alert>;
  return (
    <pre className="max-h-[70vh] overflow-auto rounded-md bg-slate-900 p-4 text-xs text-slate-100" data-testid="plan-json">
      {file.data?.json ?? "…"}
    </pre>
  );
}

function ActivateForm(props: { id: number; onCancel: () => void; onDone: (period: string) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const periods = useQuery(trpc.plans.periods.queryOptions());
  const open = (periods.data ?? []).filter((p) => p.status === "open").reverse(); // oldest open first
  const [periodId, setPeriodId] = useState<number | null>(null);
  const chosen = periodId ?? open[open.length - 1]?.id ?? null; // default: the newest open period (usually the current one)
  const activate = useMutation(trpc.plans.activate.mutationOptions({ onSuccess: () => props.onDone(open.find((p) => p.id === chosen)?.code ?? "") }));
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">{t("plans.activateDialog.body")}</p>
      {periods.isLoading ? null : open.length ? (
        <div>
          <label htmlFor="activate-period" className="block text-sm font-medium text-slate-700">
            {t("plans.activateDialog.period")}
          </label>
          <select id="activate-period" value={chosen ?? ""} onChange={(e) => setPeriodId(Number(e.target.value))} data-testid="plan-activate-period" className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
            {open.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name === p.code ? p.code : `${p.code} · ${p.name}`}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <Alert kind="info">{t("plans.activateDialog.noOpenPeriods")}</Alert>
      )}
      {activate.error ? (
        <div data-testid="plan-activate-error">
          <Alert kind="error">{activate.error.message}</Alert>
        </div>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={props.onCancel}>
          {t("common.cancel")}
        </Button>
        <Button onClick={() => chosen && activate.mutate({ id: props.id, effectiveFromPeriodId: chosen })} disabled={!chosen || activate.isPending} data-testid="plan-activate-confirm">
          {activate.isPending ? t("plans.activateDialog.activating") : t("plans.activateDialog.confirm")}
        </Button>
      </div>
    </div>
  );
}
