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

/**
 * Registers the payment (in full) of an order, or of a debit note when `order.kind` says so; one
 * key per opening, so a double click pays once.
 */
export function PayDialog({
  order,
  onClose,
  onPaid,
}: {
  order: {
    kind?: "order" | "debit_note";
    id: number;
    number: string;
    total: number;
    currency: string;
    paymentMethod: (typeof METHODS)[number] | null;
  };
  onClose: () => void;
  onPaid: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [method, setMethod] = useState<(typeof METHODS)[number]>(order.paymentMethod ?? "bank_slip");
  const [reference, setReference] = useState("");
  const [key] = useState(newAttemptKey);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{
    kind: "error" | "success";
    text: string;
  } | null>(null);
  const payOrder = useMutation(trpc.collections.registerPayment.mutationOptions());
  const payNote = useMutation(trpc.collections.payDebitNote.mutationOptions());
  const isNote = order.kind === "debit_note";
  const pending = payOrder.isPending || payNote.isPending;
  const done = message?.kind === "success";
  return (
    <Dialog open onClose={onClose} title={isNote ? t("collections.pay.noteTitle", { number: order.number }) : t("collections.pay.title", { number: order.number })} testId="pay-dialog">
      <form
        className="space-y-4"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          const handlers = {
            onSuccess: () => {
              setMessage({
                kind: "success" as const,
                text: isNote ? t("collections.pay.noteDone", { number: order.number }) : t("collections.pay.done", { number: order.number }),
              });
              onPaid();
            },
            onError: (error: { message: string }) => {
              setErrors(fieldErrorsOf(error));
              setMessage({ kind: "error" as const, text: error.message });
            },
          };
          const common = {
            method,
            reference: reference.trim() || null,
            idempotencyKey: key,
          };
          if (isNote) payNote.mutate({ invoiceId: order.id, ...common }, handlers);
          else payOrder.mutate({ orderId: order.id, ...common }, handlers);
        }}
      >
        <p className="text-sm text-slate-700">
          {t(isNote ? "collections.pay.noteAmount" : "collections.pay.amount", {
            amount: formatMoney(order.total, order.currency, locale),
          })}
        </p>
        <SelectField
          label={t("collections.pay.method")}
          value={method}
          onChange={(e) => setMethod(e.target.value as (typeof METHODS)[number])}
          options={METHODS.map((m) => ({
            value: m,
            label: t(`commerce.paymentMethod.${m}`),
          }))}
          errors={errors.method}
          data-testid="pay-method"
        />
        <TextField
          label={t("collections.pay.reference")}
          hint={t("collections.pay.referenceHint")}
          value={reference}
          maxLength={100}
          onChange={(e) => setReference(e.target.value)}
          errors={errors.reference}
          data-testid="pay-reference"
        />
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
            <Button type="submit" disabled={pending} data-testid="pay-submit">
              {pending ? t("collections.pay.working") : t("collections.pay.submit")}
            </Button>
          )}
        </div>
      </form>
    </Dialog>
  );
}
