"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card } from "@/app/_components/ui/card";
import { TextField } from "@/app/_components/ui/field";
import { useT } from "@/app/_lib/i18n";
import { fieldErrorsOf, useTRPC } from "@/app/_lib/trpc";

/** The days that end a customer's "active" state and start "lost"; read-only without orders.manage. */
export function CustomerSettingsForm({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.settings.customers.queryOptions());
  const [activeDays, setActiveDays] = useState("");
  const [lostDays, setLostDays] = useState("");
  useEffect(() => {
    if (!current.data) return;
    setActiveDays(String(current.data.activeDays));
    setLostDays(String(current.data.lostDays));
  }, [current.data]);
  const save = useMutation(trpc.settings.updateCustomers.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.settings.customers.queryKey() }) }));
  const errors = fieldErrorsOf(save.error);
  const general = save.error && Object.keys(errors).length === 0 ? save.error.message : null;
  // A blank or non-numeric field is sent as NaN, which the server refuses with the field's message.
  const days = (v: string) => (/^\d{1,5}$/.test(v.trim()) ? Number(v) : Number.NaN);

  return (
    <Card title={t("customers.settings.title")}>
      {current.isPending ? (
        <p className="text-sm text-slate-500">{t("common.loading")}</p>
      ) : current.error ? (
        <Alert kind="error">{current.error.message}</Alert>
      ) : (
        <form
          className="max-w-xl space-y-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ activeDays: days(activeDays), lostDays: days(lostDays) });
          }}
        >
          <p className="text-sm text-slate-600">{t("customers.settings.description")}</p>
          {!canEdit ? <Alert kind="info">{t("customers.settings.readOnly")}</Alert> : null}
          {general ? <Alert kind="error">{general}</Alert> : null}
          {save.isSuccess && !save.isPending ? <Alert kind="success">{t("customers.settings.saved")}</Alert> : null}
          <fieldset disabled={!canEdit || save.isPending} className="space-y-4">
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField label={t("customers.settings.activeDays")} inputMode="numeric" value={activeDays} onChange={(e) => setActiveDays(e.target.value)} errors={errors.activeDays} data-testid="customer-active-days" />
              <TextField label={t("customers.settings.lostDays")} inputMode="numeric" value={lostDays} onChange={(e) => setLostDays(e.target.value)} errors={errors.lostDays} data-testid="customer-lost-days" />
            </div>
            <p className="text-sm text-slate-500">{t("customers.settings.hint")}</p>
            {canEdit ? (
              <Button type="submit" data-testid="customer-settings-save">
                {save.isPending ? t("settings.saving") : t("customers.settings.save")}
              </Button>
            ) : null}
          </fieldset>
        </form>
      )}
    </Card>
  );
}
