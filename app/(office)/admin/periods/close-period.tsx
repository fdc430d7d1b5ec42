"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { useLocale, useT } from "@/app/_lib/i18n";
import { useTRPC } from "@/app/_lib/trpc";
import { formatDay, todayIso } from "./format-day";

/** Asks before closing: a closed period takes no new orders and cannot be reopened from here. */
export function ClosePeriodConfirm(props: { period: { id: number; name: string; endsOn: string }; onDone: (message: string) => void; onCancel: () => void }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { period } = props;
  const close = useMutation(
    trpc.periods.close.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.periods.pathKey() });
        props.onDone(t("periods.closeDialog.closed", { name: period.name }));
      },
    }),
  );
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">{t("periods.closeDialog.body")}</p>
      {period.endsOn >= todayIso() ? <Alert kind="info">{t("periods.closeDialog.stillRunning", { to: formatDay(locale, period.endsOn) })}</Alert> : null}
      {close.error ? <Alert kind="error">{close.error.message}</Alert> : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={props.onCancel}>
          {t("common.cancel")}
        </Button>
        <Button variant="danger" disabled={close.isPending} onClick={() => close.mutate({ id: period.id })} data-testid="confirm-close-period">
          {t("periods.closeDialog.confirm")}
        </Button>
      </div>
    </div>
  );
}
