"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { TextField } from "@/app/_components/ui/field";
import { SelectField } from "@/app/_components/ui/select-field";
import { newAttemptKey } from "@/app/_lib/idempotency";
import { useLocale, useT } from "@/app/_lib/i18n";
import { fieldErrorsOf, useTRPC } from "@/app/_lib/trpc";
import { formatMoney } from "@/server/commerce/money";
import { Dialog } from "../_components/dialog";

const METHODS = ["bank_slip", "bank_transfer", "pay_on_delivery"] as const;

/** Registers an order's payment (in full); one key per opening, so a double click pays once. */
export function PayDialog({ order, onClose, onPaid }: { order: { id: number; number: string; total: number; currency: string; paymentMethod: (typeof METHODS)[number] | null }; onClose: () => void; onPaid: () => void }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [method, setMethod] = useState<(typeof METHODS)[number]>(order.paymentMethod ?? "bank_slip");
  const [reference, setReference] = useState("");
  const [key] = useState(newAttemptKey);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const pay = useMutation(trpc.collections.registerPayment.mutationOptions());
  const done = message?.kind === "success";
  return (
    <Dialog open onClose={onClose} title={t("collections.pay.title", { number: order.number })} testId="pay-dialog">
      <form
        className="space-y-4"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          pay.mutate(
            { orderId: order.id, method, reference: reference.trim() || null, idempotencyKey: key },
            {
              onSuccess: () => {
                setMessage({ kind: "success", text: t("collections.pay.done", { number: order.number }) });
                onPaid();
              },
              onError: (error) => {
                setErrors(fieldErrorsOf(error));
                setMessage({ kind: "error", text: error.message });
              },
            },
          );
        }}
      >
        <p className="text-sm text-slate-700">{t("collections.pay.amount", { amount: formatMoney(order.total, order.currency, locale) })}</p>
        <SelectField label={t("collections.pay.method")} value={method} onChange={(e) => setMethod(e.target.value as (typeof METHODS)[number])} options={METHODS.map((m) => ({ value: m, label: t(`commerce.paymentMethod.${m}`) }))} errors={errors.method} data-testid="pay-method" />
        <TextField label={t("collections.pay.reference")} hint={t("collections.pay.referenceHint")} value={reference} maxLength={100} onChange={(e) => setReference(e.target.value)} errors={errors.reference} data-testid="pay-reference" />
        {message ? (
          <div data-testid="pay-message">
            <Alert kind={message.kind}>{message.text}</Alert>
          </div>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          {done ? null : (
            <Button type="submit" disabled={pay.isPending} data-testid="pay-submit">
              {pay.isPending ? t("collections.pay.working") : t("collections.pay.submit")}
            </Button>
          )}
        </div>
      </form>
    </Dialog>
  );
}
