"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConsultantPicker, type PickedConsultant } from "@/app/_components/network/consultant-picker";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { TextAreaField } from "@/app/_components/ui/field";
import { useT } from "@/app/_lib/i18n";
import { fieldErrorsOf, useTRPC } from "@/app/_lib/trpc";
import { Dialog } from "../../_components/dialog";

/** Moves a customer to another consultant, with a reason (kept in the audit log and the history). */
export function ReassignCustomer({ customer }: { customer: { id: number; fullName: string; consultantName: string } }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState<PickedConsultant | null>(null);
  const [reason, setReason] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const move = useMutation(
    trpc.customers.reassign.mutationOptions({
      onSuccess: (r) => {
        setOpen(false);
        setDone(t("customers.reassignDialog.done", { name: customer.fullName, consultant: r.consultantName }));
        router.refresh();
      },
    }),
  );
  const errors = fieldErrorsOf(move.error);
  const general = move.error && !Object.values(errors).some((list) => list.includes(move.error!.message)) ? move.error.message : null;
  const [pickError, setPickError] = useState(false);
  return (
    <div className="flex flex-col items-end gap-2">
      <Button
        variant="secondary"
        onClick={() => {
          setOpen(true);
          setDone(null);
          move.reset();
          setTarget(null);
          setReason("");
          setPickError(false);
        }}
        data-testid="reassign-open"
      >
        {t("customers.profile.reassign")}
      </Button>
      {done ? (
        <div className="max-w-sm">
          <Alert kind="success">{done}</Alert>
        </div>
      ) : null}
      <Dialog open={open} onClose={() => setOpen(false)} title={t("customers.reassignDialog.title", { name: customer.fullName })} testId="reassign-dialog">
        {open ? (
          <form
            className="space-y-4"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (!target) return setPickError(true);
              move.mutate({ customerId: customer.id, consultantId: target.id, reason });
            }}
          >
            <p className="text-sm text-slate-600">{t("customers.reassignDialog.current", { name: customer.consultantName })}</p>
            <p className="text-sm text-slate-600">{t("customers.reassignDialog.help")}</p>
            {general ? <Alert kind="error">{general}</Alert> : null}
            <ConsultantPicker
              label={t("customers.reassignDialog.target")}
              onPick={(c) => {
                setTarget(c);
                setPickError(false);
              }}
              errors={pickError ? [t("customers.reassignDialog.pick")] : errors.consultantId}
              testId="reassign-target"
            />
            <TextAreaField label={t("customers.reassignDialog.reason")} hint={t("customers.reassignDialog.reasonHint")} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} errors={errors.reason} maxLength={500} data-testid="reassign-reason" />
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => setOpen(false)}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" disabled={move.isPending} data-testid="reassign-confirm">
                {t("customers.reassignDialog.confirm")}
              </Button>
            </div>
          </form>
        ) : null}
      </Dialog>
    </div>
  );
}
