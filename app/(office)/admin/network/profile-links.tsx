"use client";

import { useState } from "react";
import { DownlineTable } from "@/app/_components/network/downline-table";
import { Alert } from "@/app/_components/ui/card";
import { useT } from "@/app/_lib/i18n";
import { BulkStatusAction, type BulkResult } from "./bulk-status";

/**
 * Client wrapper: functions cannot cross from a server component, so the link shape lives here.
 * `canEditStatus` (network.edit) adds row selection and the bulk status change; the server
 * refuses the bulk procedures to anyone else anyway.
 */
export function ProfileLinks({ rootId, canEditStatus }: { rootId: number; canEditStatus?: boolean }) {
  const t = useT();
  const [result, setResult] = useState<BulkResult | null>(null);
  return (
    <div className="space-y-4">
      {result ? (
        <div data-testid="bulk-result" data-count={result.count}>
          <Alert kind="success">
            {t(`networkBulk.done.${result.to}`, { count: result.count })}
            {result.previewed !== result.count ? ` ${t("networkBulk.drift", { previewed: result.previewed })}` : null}
          </Alert>
        </div>
      ) : null}
      <DownlineTable
        rootId={rootId}
        profileHref={(id) => `/admin/network/${id}`}
        bulkActions={
          canEditStatus
            ? (selection) => (
                <BulkStatusAction
                  selection={selection}
                  onApplied={(r) => {
                    setResult(r);
                    selection.clear();
                  }}
                />
              )
            : undefined
        }
      />
    </div>
  );
}
