"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { TextField } from "@/app/_components/ui/field";
import { SelectField } from "@/app/_components/ui/select-field";
import { useLocale, useT } from "@/app/_lib/i18n";
import { fieldErrorsOf, useTRPC } from "@/app/_lib/trpc";
import { formatMoney, parseMoney } from "@/server/commerce/money";
import { Dialog } from "../../_components/dialog";
import { documentNo } from "@/app/_components/documents/document-link";

/** A manual adjustment: a credit or debit note on the consultant's account (about one of their orders, or none), posted and audited. */
export function AdjustDialog({ consultantId, name, onClose, onDone }: { consultantId: number; name: string; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [kind, setKind] = useState<"credit_note" | "debit_note">("credit_note");
  const [orderId, setOrderId] = useState("");
  const [amount, setAmount] = useState("");
  const [memo, setMemo] = useState("");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{
    kind: "error" | "success";
    text: string;
  } | null>(null);
  const orders = useQuery(trpc.ledger.adjustableOrders.queryOptions({ consultantId }));
  const adjust = useMutation(trpc.ledger.adjust.mutationOptions());
  const currency = orders.data?.[0]?.currency ?? "BRL";

  function submit() {
    setErrors({});
    setMessage(null);
    const parsed = parseMoney(amount, locale, currency);
    if (!parsed.ok || parsed.value <= 0) return setErrors({ amount: [t("ledgerScreens.errors.amount")] });
    adjust.mutate(
      {
        consultantId,
        orderId: orderId ? Number(orderId) : null,
        kind,
        amount: parsed.value,
        memo,
      },
      {
        onSuccess: (made) => {
          setMessage({
            kind: "success",
            text: t("ledgerScreens.adjust.done", {
              document: t(`invoices.kind.${kind}`),
              number: documentNo(made.number),
            }),
          });
          setAmount("");
          setMemo("");
          onDone();
        },
        onError: (error) => {
          setErrors(fieldErrorsOf(error));
          setMessage({ kind: "error", text: error.message });
        },
      },
    );
  }

  return (
    <Dialog open onClose={onClose} title={t("ledgerScreens.adjust.title", { name })} testId="adjust-dialog">
      <form
        className="space-y-4"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <p className="text-sm text-slate-600">{t("ledgerScreens.adjust.intro")}</p>
        <SelectField
          label={t("ledgerScreens.adjust.kind")}
          value={kind}
          onChange={(e) => setKind(e.target.value as "credit_note" | "debit_note")}
          options={(["credit_note", "debit_note"] as const).map((k) => ({
            value: k,
            label: t(`invoices.kind.${k}`),
          }))}
          data-testid="adjust-kind"
        />
        <p className="-mt-2 text-xs text-slate-500">{kind === "credit_note" ? t("ledgerScreens.adjust.creditEffect") : t("ledgerScreens.adjust.debitEffect")}</p>
        <SelectField
          label={t("ledgerScreens.adjust.order")}
          value={orderId}
          onChange={(e) => setOrderId(e.target.value)}
          options={[
            { value: "", label: t("ledgerScreens.adjust.chooseOrder") },
            ...(orders.data ?? []).map((o) => ({
              value: String(o.id),
              label: `${o.number} · ${t(`commerce.status.${o.status}`)} · ${formatMoney(o.total, o.currency, locale)}`,
            })),
          ]}
          errors={errors.orderId}
          data-testid="adjust-order"
        />
        <TextField label={t("ledgerScreens.adjust.amount", { currency })} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} errors={errors.amount} data-testid="adjust-amount" />
        <TextField label={t("ledgerScreens.adjust.memo")} hint={t("ledgerScreens.adjust.memoHint")} value={memo} maxLength={200} onChange={(e) => setMemo(e.target.value)} errors={errors.memo} data-testid="adjust-memo" />
        {message ? (
          <div data-testid="adjust-message">
            <Alert kind={message.kind}>{message.text}</Alert>
          </div>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" disabled={adjust.isPending} data-testid="adjust-submit">
            {adjust.isPending ? t("ledgerScreens.adjust.working") : t("ledgerScreens.adjust.submit")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
