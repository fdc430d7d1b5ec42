"use client";

import { Badge } from "@/app/_components/ui/card";
import { useT } from "@/app/_lib/i18n";
import type { CompRunPhase, CompRunStatus } from "@/db/schema/comp-runs";

const TONE: Record<CompRunStatus, "slate" | "green" | "amber" | "red" | "blue"> = {
  queued: "slate",
  running: "blue",
  done: "green",
  failed: "red",
  cancelled: "amber",
  closed: "green",
  published: "green",
};

export function RunStatusBadge({ status }: { status: CompRunStatus }) {
  const t = useT();
  return <Badge tone={TONE[status]}>{t(`compRuns.status.${status}`)}</Badge>;
}

/** Phase and percent of a run; a real <progress>-like bar with its numbers for screen readers. */
export function RunProgress({ phase, percent, status, testId }: { phase: CompRunPhase; percent: number; status: CompRunStatus; testId?: string }) {
  const t = useT();
  const live = status === "queued" || status === "running";
  const failed = status === "failed" || status === "cancelled";
  return (
    <div className="min-w-40" data-testid={testId}>
      <div className="flex justify-between gap-2 text-xs text-slate-600">
        <span data-testid={testId ? `${testId}-phase` : undefined}>{live ? t(`compRuns.phase.${phase}`) : t(`compRuns.status.${status}`)}</span>
        <span className="tabular-nums" data-testid={testId ? `${testId}-percent` : undefined}>
          {percent}%
        </span>
      </div>
      <div className="mt-1 h-2 overflow-hidden rounded-full bg-slate-200" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={`${t(`compRuns.phase.${phase}`)} ${percent}%`}>
        <div className={`h-full rounded-full transition-all ${failed ? "bg-amber-500" : live ? "bg-brand-500" : "bg-emerald-500"}`} style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
