"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card } from "@/app/_components/ui/card";
import { TextAreaField, TextField } from "@/app/_components/ui/field";
import { SelectField } from "@/app/_components/ui/select-field";
import { useLocale, useT } from "@/app/_lib/i18n";
import { fieldErrorsOf, useTRPC } from "@/app/_lib/trpc";
import { formatMoney } from "@/server/commerce/money";
import type { OrderStatus, PaymentMethod } from "@/server/commerce/orders";
import type { MessageKey } from "@/server/i18n/messages";
import { Dialog } from "../../_components/dialog";

const METHODS: PaymentMethod[] = ["bank_slip", "pay_on_delivery", "bank_transfer"];

type Props = {
  order: { id: number; number: string; status: OrderStatus; total: number; currency: string; paymentMethod: PaymentMethod | null; next: OrderStatus[] };
};

/**
 * The status actions the order's status allows: pay (a dialog, with a key made when it opens, so
 * a double click or a retry records one payment), invoice, ship, deliver, cancel (a dialog).
 * The page is re-rendered from the server after each, so the timeline shows the change.
 */
export function OrderActions({ order }: Props) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const [dialog, setDialog] = useState<"pay" | "cancel" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [payKey, setPayKey] = useState("");
  const [method, setMethod] = useState<PaymentMethod>(order.paymentMethod ?? "bank_slip");
  const [reference, setReference] = useState("");
  const [note, setNote] = useState("");

  const done = (message: string) => {
    setNotice(message);
    setDialog(null);
    router.refresh();
  };
  const pay = useMutation(trpc.orders.pay.mutationOptions({ onSuccess: () => done(t("orders.detail.paid")) }));
  const invoice = useMutation(trpc.orders.issueInvoices.mutationOptions());
  const advance = useMutation(trpc.orders.advance.mutationOptions({ onSuccess: (o) => done(t("orders.detail.moved", { status: t(`commerce.status.${o.status}`) })) }));
  const busy = pay.isPending || invoice.isPending || advance.isPending;
  const error = pay.error ?? invoice.error ?? advance.error;
  const [invoiceError, setInvoiceError] = useState<string | null>(null);

  const issue = async () => {
    setInvoiceError(null);
    const [result] = await invoice.mutateAsync({ orderIds: [order.id] });
    if (result?.invoiceNumber) done(t("orders.detail.invoiced", { number: String(result.invoiceNumber) }));
    else if (result?.error && result.error !== "commerce.errors.badTransition") setInvoiceError(t(result.error as MessageKey));
    else setInvoiceError(t("commerce.errors.badTransition", { from: t(`commerce.status.${order.status}`), to: t("commerce.status.invoiced") }));
  };

  const can = (to: OrderStatus) => order.next.includes(to);
  const any = order.next.length > 0;
  return (
    <Card title={t("orders.detail.actions")}>
      {notice ? (
        <div className="mb-3">
          <Alert kind="success">{notice}</Alert>
        </div>
      ) : null}
      {error && !dialog ? (
        <div className="mb-3">
          <Alert kind="error">{error.message}</Alert>
        </div>
      ) : null}
      {invoiceError ? (
        <div className="mb-3">
          <Alert kind="error">{invoiceError}</Alert>
        </div>
      ) : null}
      {!any ? <p className="text-sm text-slate-500">{t("orders.detail.noActions")}</p> : null}
      <div className="flex flex-wrap gap-2">
        {can("paid") ? (
          <Button
            disabled={busy}
            onClick={() => {
              pay.reset();
              setPayKey(crypto.randomUUID());
              setDialog("pay");
            }}
            data-testid="order-pay"
          >
            {t("orders.detail.pay")}
          </Button>
        ) : null}
        {can("invoiced") ? (
          <Button disabled={busy} onClick={() => void issue().catch(() => {})} data-testid="order-invoice-issue">
            {t("orders.detail.issueInvoice")}
          </Button>
        ) : null}
        {can("shipped") ? (
          <Button disabled={busy} onClick={() => advance.mutate({ orderId: order.id, to: "shipped" })} data-testid="order-ship">
            {t("orders.detail.ship")}
          </Button>
        ) : null}
        {can("delivered") ? (
          <Button disabled={busy} onClick={() => advance.mutate({ orderId: order.id, to: "delivered" })} data-testid="order-deliver">
            {t("orders.detail.deliver")}
          </Button>
        ) : null}
        {can("cancelled") ? (
          <Button
            variant="danger"
            disabled={busy}
            onClick={() => {
              advance.reset();
              setDialog("cancel");
            }}
            data-testid="order-cancel"
          >
            {t("orders.detail.cancel")}
          </Button>
        ) : null}
      </div>

      <Dialog open={dialog === "pay"} onClose={() => setDialog(null)} title={t("orders.detail.payTitle", { number: order.number })} testId="pay-dialog">
        <form
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            pay.mutate({ orderId: order.id, method, reference: reference.trim() || null, idempotencyKey: payKey });
          }}
        >
          <p className="text-sm text-slate-600">{t("orders.detail.payHelp", { total: formatMoney(order.total, order.currency, locale) })}</p>
          <SelectField
            label={t("orders.detail.paymentMethod")}
            value={method}
            onChange={(e) => setMethod(e.target.value as PaymentMethod)}
            options={METHODS.map((m) => ({ value: m, label: t(`commerce.paymentMethod.${m}`) }))}
            errors={fieldErrorsOf(pay.error).method}
          />
          <TextField label={t("orders.detail.reference")} value={reference} maxLength={100} onChange={(e) => setReference(e.target.value)} errors={fieldErrorsOf(pay.error).reference} />
          {pay.error ? <Alert kind="error">{pay.error.message}</Alert> : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setDialog(null)}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" disabled={pay.isPending} data-testid="pay-confirm">
              {pay.isPending ? t("common.saving") : t("orders.detail.payConfirm")}
            </Button>
          </div>
        </form>
      </Dialog>

      <Dialog open={dialog === "cancel"} onClose={() => setDialog(null)} title={t("orders.detail.cancelTitle", { number: order.number })} testId="cancel-dialog">
        <form
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            advance.mutate({ orderId: order.id, to: "cancelled", note: note.trim() || null });
          }}
        >
          <p className="text-sm text-slate-600">{t("orders.detail.cancelHelp")}</p>
          <TextAreaField label={t("orders.detail.cancelNote")} value={note} maxLength={500} rows={3} onChange={(e) => setNote(e.target.value)} errors={fieldErrorsOf(advance.error).note} />
          {advance.error ? <Alert kind="error">{advance.error.message}</Alert> : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setDialog(null)}>
              {t("orders.detail.keep")}
            </Button>
            <Button type="submit" variant="danger" disabled={advance.isPending} data-testid="cancel-confirm">
              {t("orders.detail.cancelConfirm")}
            </Button>
          </div>
        </form>
      </Dialog>
    </Card>
  );
}
