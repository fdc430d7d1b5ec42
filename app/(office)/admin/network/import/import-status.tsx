"use client";

import { Badge } from "@/app/_components/ui/card";
import { useT } from "@/app/_lib/i18n";
import type { RouterOutputs } from "@/app/_lib/trpc";

export type ImportStatus = RouterOutputs["networkImport"]["get"]["status"];

const TONE = { uploaded: "slate", validating: "blue", rejected: "red", valid: "green", writing: "blue", done: "green", failed: "red", discarded: "slate" } as const;

/** Statuses a job is still working on: the screens poll while an import is in one of them. */
export const isInProgress = (status: ImportStatus | undefined) => status === "uploaded" || status === "validating" || status === "writing";

export function ImportStatusBadge({ status, testId = "import-status" }: { status: ImportStatus; testId?: string }) {
  const t = useT();
  return (
    <span data-testid={testId} data-status={status}>
      <Badge tone={TONE[status]}>{t(`networkImport.status.${status}`)}</Badge>
    </span>
  );
}
