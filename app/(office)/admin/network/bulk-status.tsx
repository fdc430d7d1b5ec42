"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { DownlineSelection } from "@/app/_components/network/downline-selection";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { TextAreaField } from "@/app/_components/ui/field";
import { SelectField } from "@/app/_components/ui/select-field";
import { useT } from "@/app/_lib/i18n";
import { fieldErrorsOf, useTRPC } from "@/app/_lib/trpc";
import { Dialog } from "../_components/dialog";

type Target = "inactive" | "active";
export type BulkResult = { count: number; to: Target; previewed: number };

/** The selection as the bulk procedures take it: ticked ids, or the list's filter. */
function selectionInput(selection: DownlineSelection) {
  return selection.kind === "ids" ? { ids: selection.ids } : { filter: selection.filter };
}

/**
 * "Change status…" for a selection of the consultant list: a dialog with the target status and a
 * reason, a live preview of how many change (the server counts exactly what apply changes), then
 * apply. Terminations are not offered: they are network change sets.
 */
export function BulkStatusAction({ selection, onApplied }: { selection: DownlineSelection; onApplied: (result: BulkResult) => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="bulk-status-open">
        {t("networkBulk.action")}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t("networkBulk.dialogTitle")} testId="bulk-status-dialog">
        {open ? (
          <BulkStatusForm
            selection={selection}
            onCancel={() => setOpen(false)}
            onApplied={(result) => {
              setOpen(false);
              onApplied(result);
            }}
          />
        ) : null}
      </Dialog>
    </>
  );
}

function BulkStatusForm({ selection, onCancel, onApplied }: { selection: DownlineSelection; onCancel: () => void; onApplied: (result: BulkResult) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [to, setTo] = useState<Target>("inactive");
  const [reason, setReason] = useState("");
  const scope = selectionInput(selection);
  const preview = useQuery(
    trpc.consultantRecords.bulkStatusPreview.queryOptions({ ...scope, to }, { staleTime: 0, gcTime: 0, placeholderData: keepPreviousData }),
  );
  const apply = useMutation(
    trpc.consultantRecords.bulkStatusApply.mutationOptions({
      onSuccess: async ({ count }) => {
        // The list, the trees and any open profile read statuses: all of them are stale now.
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.network.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.consultantRecords.pathKey() }),
        ]);
        onApplied({ count, to, previewed: preview.data?.count ?? count });
      },
    }),
  );
  const errors = fieldErrorsOf(apply.error);
  const summary = apply.error && !errors.reason ? apply.error.message : null;
  const counted = preview.data && !preview.isPlaceholderData ? preview.data : null;

  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        apply.mutate({ ...scope, to, reason });
      }}
    >
      <p className="text-sm text-slate-700" data-testid="bulk-scope">
        {selection.kind === "ids" ? t("networkBulk.scopeIds", { count: selection.ids.length }) : t("networkBulk.scopeFilter")}
      </p>
      {summary ? (
        <div data-testid="bulk-error">
          <Alert kind="error">{summary}</Alert>
        </div>
      ) : null}
      <SelectField
        label={t("networkBulk.target")}
        value={to}
        onChange={(e) => {
          setTo(e.target.value as Target);
          apply.reset();
        }}
        options={(["inactive", "active"] as const).map((v) => ({ value: v, label: t(`common.status.${v}`) }))}
        data-testid="bulk-target"
      />
      <TextAreaField
        label={t("networkBulk.reason")}
        hint={t("networkBulk.reasonHint")}
        value={reason}
        onChange={(e) => {
          setReason(e.target.value);
          // An earlier refusal ("too short") no longer describes what is typed.
          if (apply.error) apply.reset();
        }}
        maxLength={500}
        rows={3}
        required
        errors={errors.reason}
        data-testid="bulk-reason"
      />
      <section className="rounded-md bg-slate-50 px-4 py-3 text-sm ring-1 ring-slate-200" aria-live="polite" data-testid="bulk-preview">
        <h3 className="font-medium text-slate-900">{t("networkBulk.previewTitle")}</h3>
        {preview.error ? (
          <p className="mt-1 text-red-700">{preview.error.message}</p>
        ) : !counted ? (
          <p className="mt-1 text-slate-500">{t("networkBulk.previewLoading")}</p>
        ) : counted.count === 0 ? (
          <p className="mt-1 text-slate-700" data-testid="bulk-preview-none">
            {t("networkBulk.previewNone")}
          </p>
        ) : (
          <>
            <p className="mt-1 text-slate-800" data-testid="bulk-preview-count" data-count={counted.count}>
              {t(`networkBulk.previewCount.${to}`, { count: counted.count, matched: counted.matched })}
            </p>
            {counted.matched > counted.count ? (
              <p className="mt-1 text-slate-600">{t("networkBulk.previewUnchanged", { count: counted.matched - counted.count })}</p>
            ) : null}
            <p className="mt-2 text-xs text-slate-500">{t("networkBulk.previewSample")}</p>
            <ul className="mt-1 max-h-32 overflow-auto text-xs text-slate-700">
              {counted.sample.map((c) => (
                <li key={c.id}>
                  {c.fullName} · {c.code}
                </li>
              ))}
              {counted.count > counted.sample.length ? <li className="text-slate-500">…</li> : null}
            </ul>
          </>
        )}
      </section>
      <p className="text-xs text-slate-500">{t("networkBulk.terminateHint")}</p>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          {t("common.cancel")}
        </Button>
        <Button type="submit" variant={to === "inactive" ? "danger" : "primary"} disabled={!counted || counted.count === 0 || apply.isPending} data-testid="bulk-apply">
          {apply.isPending ? t("networkBulk.working") : t(`networkBulk.apply.${to}`, { count: counted?.count ?? 0 })}
        </Button>
      </div>
    </form>
  );
}
