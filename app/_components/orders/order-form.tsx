"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { ConsultantPicker } from "@/app/_components/network/consultant-picker";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card } from "@/app/_components/ui/card";
import { TextField } from "@/app/_components/ui/field";
import { SelectField } from "@/app/_components/ui/select-field";
import { useLocale, useT } from "@/app/_lib/i18n";
import { newAttemptKey } from "@/app/_lib/idempotency";
import { fieldErrorsOf, useTRPC } from "@/app/_lib/trpc";
import type { Localised } from "@/db/schema/commerce";
import { formatMoney } from "@/server/commerce/money";
import type { PaymentMethod } from "@/server/commerce/orders";

const METHODS: PaymentMethod[] = ["bank_slip", "pay_on_delivery", "bank_transfer"];
type Line = { productId: string; quantity: string };

const nameIn = (name: Localised, locale: string) => name[locale as keyof Localised]?.trim() || name["pt-BR"];

/**
 * A new order, by staff for any consultant or by a consultant for themself. Own purchases are at
 * consultant price, a customer's at retail; the total shown is today's and the server prices the
 * order again. One key per form: a double submit makes one order.
 */
export function OrderForm({ mode }: { mode: "staff" | "portal" }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const [attemptKey] = useState(newAttemptKey);
  const [consultant, setConsultant] = useState<{ id: number; label: string } | null>(null);
  const [forCustomer, setForCustomer] = useState(false);
  const [customerQ, setCustomerQ] = useState("");
  const [customerId, setCustomerId] = useState("");
  const [lines, setLines] = useState<Line[]>([{ productId: "", quantity: "1" }]);
  const [method, setMethod] = useState<PaymentMethod>("bank_slip");

  const catalogue = useQuery(trpc.orders.catalogue.queryOptions());
  const q = customerQ.trim();
  const staffCustomers = useQuery({ ...trpc.orders.customers.queryOptions({ consultantId: consultant?.id ?? 0, q }), enabled: mode === "staff" && forCustomer && !!consultant });
  const myCustomers = useQuery({ ...trpc.orders.myCustomers.queryOptions({ q }), enabled: mode === "portal" && forCustomer });
  const customers = mode === "staff" ? staffCustomers : myCustomers;
  const onPlaced = (order: { id: number }) => router.push(mode === "staff" ? `/admin/orders/${order.id}` : `/portal/orders/${order.id}`);
  const create = useMutation(trpc.orders.create.mutationOptions({ onSuccess: onPlaced }));
  const placeMine = useMutation(trpc.orders.placeMine.mutationOptions({ onSuccess: onPlaced }));
  const mutation = mode === "staff" ? create : placeMine;
  const errors = fieldErrorsOf(mutation.error);

  const products = catalogue.data ?? [];
  const byId = useMemo(() => new Map(products.map((p) => [p.id, p])), [products]);
  const currency = products[0]?.currency ?? "BRL";
  const total = lines.reduce((sum, line) => {
    const p = byId.get(Number(line.productId));
    const qty = Number(line.quantity);
    if (!p || !Number.isInteger(qty) || qty < 1) return sum;
    return sum + (forCustomer ? p.retailPrice : p.consultantPrice) * qty;
  }, 0);

  const setLine = (i: number, patch: Partial<Line>) => setLines((prev) => prev.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const submit = () => {
    const payload = {
      customerId: forCustomer && customerId ? Number(customerId) : null,
      lines: lines.map((l) => ({ productId: Number(l.productId) || 0, quantity: Number(l.quantity) })),
      paymentMethod: method,
      idempotencyKey: attemptKey,
    };
    if (mode === "staff") create.mutate({ ...payload, consultantId: consultant?.id ?? 0 });
    else placeMine.mutate(payload);
  };
  // A customer order needs a customer picked; say so here rather than send an own purchase.
  const customerMissing = forCustomer && !customerId;

  return (
    <form
      className="space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        if (!customerMissing) submit();
      }}
      data-testid="order-form"
    >
      <Card>
        <div className="grid gap-4 md:grid-cols-2">
          {mode === "staff" ? (
            <div className="md:col-span-2">
              {consultant ? (
                <p className="text-sm" data-testid="order-consultant">
                  {consultant.label}{" "}
                  <button
                    type="button"
                    className="ml-2 text-brand-700 hover:underline"
                    onClick={() => {
                      setConsultant(null);
                      setCustomerId("");
                    }}
                  >
                    {t("orders.list.clearConsultant")}
                  </button>
                </p>
              ) : (
                <ConsultantPicker label={t("orders.form.consultant")} onPick={(c) => setConsultant({ id: c.id, label: t("orders.form.consultantPicked", { name: c.fullName, code: c.code }) })} errors={errors.consultantId} testId="order-consultant-picker" />
              )}
            </div>
          ) : null}
          <fieldset className="md:col-span-2">
            <legend className="text-sm font-medium text-slate-700">{t("orders.form.for")}</legend>
            <div className="mt-2 flex flex-wrap gap-6 text-sm">
              <label className="inline-flex items-center gap-2">
                <input type="radio" name="for" checked={!forCustomer} onChange={() => setForCustomer(false)} />
                {t(mode === "staff" ? "orders.form.forSelf" : "orders.form.forSelfMine")}
              </label>
              <label className="inline-flex items-center gap-2">
                <input type="radio" name="for" checked={forCustomer} onChange={() => setForCustomer(true)} data-testid="order-for-customer" />
                {t("orders.form.forCustomer")}
              </label>
            </div>
          </fieldset>
          {forCustomer ? (
            mode === "staff" && !consultant ? (
              <p className="text-sm text-slate-500 md:col-span-2">{t("orders.form.pickConsultantFirst")}</p>
            ) : (
              <>
                <TextField type="search" label={t("orders.form.customerSearch")} value={customerQ} maxLength={100} onChange={(e) => setCustomerQ(e.target.value)} />
                <SelectField
                  label={t("orders.form.customer")}
                  value={customerId}
                  onChange={(e) => setCustomerId(e.target.value)}
                  options={[
                    { value: "", label: customers.isFetching ? t("common.loading") : customers.data?.length ? "—" : t("orders.form.noCustomers") },
                    ...(customers.data ?? []).map((c) => ({ value: String(c.id), label: `${c.fullName} · ${c.email}` })),
                  ]}
                  errors={errors.customerId}
                  data-testid="order-customer"
                />
              </>
            )
          ) : null}
        </div>
      </Card>

      <Card title={t("orders.form.products")}>
        {catalogue.isLoading ? <p className="text-sm text-slate-500">{t("common.loading")}</p> : null}
        {catalogue.error ? <Alert kind="error">{catalogue.error.message}</Alert> : null}
        {catalogue.data && !products.length ? <p className="text-sm text-slate-500">{t("orders.form.noProducts")}</p> : null}
        <div className="space-y-3">
          {lines.map((line, i) => (
            <div key={i} className="grid items-end gap-3 sm:grid-cols-[1fr_120px_auto]" data-testid={`order-line-${i}`}>
              <SelectField
                label={t("orders.form.product")}
                value={line.productId}
                onChange={(e) => setLine(i, { productId: e.target.value })}
                options={[
                  { value: "", label: t("orders.form.chooseProduct") },
                  ...products.map((p) => ({ value: String(p.id), label: `${nameIn(p.name, locale)} · ${formatMoney(forCustomer ? p.retailPrice : p.consultantPrice, p.currency, locale)}` })),
                ]}
                errors={errors[`lines.${i}.productId`]}
              />
              <TextField type="number" min={1} max={999} label={t("orders.form.quantity")} value={line.quantity} onChange={(e) => setLine(i, { quantity: e.target.value })} errors={errors[`lines.${i}.quantity`]} />
              <Button variant="ghost" disabled={lines.length === 1} onClick={() => setLines((prev) => prev.filter((_, j) => j !== i))}>
                {t("orders.form.removeLine")}
              </Button>
            </div>
          ))}
        </div>
        {errors.lines ? (
          <p role="alert" className="mt-2 text-xs text-red-700">
            {errors.lines.join(" ")}
          </p>
        ) : null}
        <Button variant="secondary" className="mt-3" disabled={lines.length >= 100} onClick={() => setLines((prev) => [...prev, { productId: "", quantity: "1" }])}>
          {t("orders.form.addLine")}
        </Button>
      </Card>

      <Card>
        <div className="grid items-end gap-4 sm:grid-cols-2">
          <SelectField label={t("orders.form.paymentMethod")} value={method} onChange={(e) => setMethod(e.target.value as PaymentMethod)} options={METHODS.map((m) => ({ value: m, label: t(`commerce.paymentMethod.${m}`) }))} errors={errors.paymentMethod} />
          <div className="text-right">
            <div className="text-sm text-slate-500">{t("orders.form.total")}</div>
            <div className="text-2xl font-semibold tabular-nums" data-testid="order-form-total">
              {formatMoney(total, currency, locale)}
            </div>
            <div className="text-xs text-slate-500">{t("orders.form.priceNote")}</div>
          </div>
        </div>
      </Card>

      {mutation.error ? <Alert kind="error">{mutation.error.message}</Alert> : null}
      <div className="flex justify-end">
        <Button type="submit" disabled={mutation.isPending || mutation.isSuccess || customerMissing || (mode === "staff" && !consultant)} data-testid="order-submit">
          {mutation.isPending ? t("orders.form.submitting") : t("orders.form.submit")}
        </Button>
      </div>
    </form>
  );
}
