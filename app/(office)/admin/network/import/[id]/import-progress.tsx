"use client";

import { useLocale, useT } from "@/app/_lib/i18n";
import type { RouterOutputs } from "@/app/_lib/trpc";
import { formatNumber } from "../../../_lib/format";
import { ProgressBar } from "../progress-bar";

type Import = RouterOutputs["networkImport"]["get"];

/**
 * Reading is measured in bytes of the file (the row count is only known at the end); the checks
 * after reading and the single-transaction write have no steps to count, so they show as
 * indeterminate with what is happening.
 */
export function ImportProgress({ imp }: { imp: Import }) {
  const t = useT();
  const locale = useLocale();
  const percent = imp.sizeBytes ? (imp.bytesRead / imp.sizeBytes) * 100 : 0;
  const reading = imp.bytesRead < imp.sizeBytes;
  const rows = formatNumber(locale, imp.rowsValidated);
  const whole = { percent: Math.floor(percent) };
  if (imp.status === "uploaded") return <ProgressBar label={t("networkImport.progress.queued")} testId="import-progress" />;
  if (imp.status === "validating")
    return reading ? (
      <ProgressBar percent={percent} label={t("networkImport.progress.reading", { rows, ...whole })} testId="import-progress" />
    ) : (
      <ProgressBar label={t("networkImport.progress.checking", { rows })} testId="import-progress" />
    );
  return reading ? (
    <ProgressBar percent={percent} label={t("networkImport.progress.rereading", whole)} testId="import-progress" />
  ) : (
    <ProgressBar label={t("networkImport.progress.writing", { rows: formatNumber(locale, imp.rowsTotal ?? 0) })} testId="import-progress" />
  );
}
