"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert, Badge, Card } from "@/app/_components/ui/card";
import { TextAreaField } from "@/app/_components/ui/field";
import { useT } from "@/app/_lib/i18n";
import { fieldErrorsOf, useTRPC } from "@/app/_lib/trpc";
import { SelectField } from "../../_components/select-field";

type Status = "active" | "inactive" | "terminated";
type Target = "active" | "inactive";
const TONE = { active: "green", inactive: "amber", terminated: "red" } as const;

/**
 * Activates or deactivates a consultant with a reason (kept in the status history). Terminations
 * are network changes and go through a change set, so they are not offered here.
 */
export function StatusPanel({ consultantId, status }: { consultantId: number; status: Status }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const [to, setTo] = useState<Target>(status === "active" ? "inactive" : "active");
  const [reason, setReason] = useState("");
  const [saved, setSaved] = useState(false);

  const save = useMutation(
    trpc.consultantRecords.setStatus.mutationOptions({
      onSuccess: (_, input) => {
        setSaved(true);
        setReason("");
        setTo(input.status === "active" ? "inactive" : "active");
        router.refresh();
      },
    }),
  );
  const errors = fieldErrorsOf(save.error);
  const summary = save.error && !errors.reason && !errors.status ? save.error.message : null;

  return (
    <Card title={t("network.status.title")} className="mb-6">
      <div className="space-y-4" data-testid="status-panel">
        <p className="flex items-center gap-2 text-sm text-slate-700">
          <span>{t("network.status.current")}:</span>
          <span data-testid="status-current">
            <Badge tone={TONE[status]}>{t(`common.status.${status}`)}</Badge>
          </span>
        </p>
        {status === "terminated" ? (
          <Alert kind="info">{t("network.status.terminatedNote")}</Alert>
        ) : (
          <form
            className="space-y-4"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              setSaved(false);
              save.mutate({ consultantId, status: to, reason });
            }}
          >
            {saved && !save.error ? (
              <div data-testid="status-saved">
                <Alert kind="success">{t("network.status.saved")}</Alert>
              </div>
            ) : null}
            {summary ? (
              <div data-testid="status-error">
                <Alert kind="error">{summary}</Alert>
              </div>
            ) : null}
            <SelectField
              label={t("network.status.newStatus")}
              value={to}
              onChange={(e) => setTo(e.target.value as Target)}
              options={[
                { value: "active", label: t("common.status.active") },
                { value: "inactive", label: t("common.status.inactive") },
              ]}
              errors={errors.status}
              data-testid="status-select"
            />
            <TextAreaField
              label={t("network.status.reason")}
              hint={t("network.status.reasonHint")}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={500}
              rows={3}
              required
              errors={errors.reason}
              data-testid="status-reason"
            />
            <p className="text-xs text-slate-500">{t("network.status.terminateHint")}</p>
            <div className="flex justify-end">
              <Button type="submit" disabled={save.isPending} data-testid="status-save">
                {save.isPending ? t("network.status.working") : t("network.status.save")}
              </Button>
            </div>
          </form>
        )}
      </div>
    </Card>
  );
}
