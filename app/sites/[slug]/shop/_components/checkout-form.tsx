"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { TextField } from "@/app/_components/ui/field";
import { useLocale, useT } from "@/app/_lib/i18n";
import { newAttemptKey } from "@/app/_lib/idempotency";
import { formatMoney } from "@/server/commerce/money";
import type { MessageKey } from "@/server/i18n/messages";
import { placeSiteOrder } from "../checkout/actions";
import { useCartLines } from "./cart-view";
import type { ShopProduct } from "./shop-data";

const FIELDS = [
  { name: "fullName", label: "orders.shop.fullName", autoComplete: "name", type: "text", wide: true },
  { name: "email", label: "orders.shop.email", autoComplete: "email", type: "email" },
  { name: "phone", label: "orders.shop.phone", autoComplete: "tel", type: "tel" },
  { name: "addressLine", label: "orders.shop.addressLine", autoComplete: "street-address", type: "text", wide: true },
  { name: "city", label: "orders.shop.city", autoComplete: "address-level2", type: "text" },
  { name: "state", label: "orders.shop.state", autoComplete: "address-level1", type: "text" },
  { name: "postalCode", label: "orders.shop.postalCode", autoComplete: "postal-code", type: "text" },
] as const satisfies readonly { name: string; label: MessageKey; autoComplete: string; type: string; wide?: boolean }[];
type Field = (typeof FIELDS)[number]["name"];
const METHODS = ["bank_slip", "pay_on_delivery"] as const;

/**
 * Checkout: the visitor's details and a pay-later method. One key per attempt, made when the form
 * opens and kept until an order is made, so a double submit or a retry after a lost answer makes
 * one order. On success the cart is emptied and the confirmation opens.
 */
export function CheckoutForm(props: { slug: string; products: ShopProduct[]; consultantName: string; shopHref: string }) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const cart = useCartLines(props.slug, props.products);
  const [attemptKey] = useState(newAttemptKey);
  const [values, setValues] = useState<Record<Field, string>>({ fullName: "", email: "", phone: "", addressLine: "", city: "", state: "", postalCode: "" });
  const [method, setMethod] = useState<(typeof METHODS)[number]>("bank_slip");
  const [website, setWebsite] = useState("");
  const [failure, setFailure] = useState<{ message: string; fieldErrors: Record<string, string[]> } | null>(null);
  const [pending, startTransition] = useTransition();
  const [placed, setPlaced] = useState(false);
  const money = (minor: number) => formatMoney(minor, cart.currency, locale);

  if (cart.loading) return <p className="rounded-lg bg-white p-10 text-center text-slate-500 ring-1 ring-slate-200">{t("orders.shop.loadingCart")}</p>;
  if (!cart.lines.length && !placed)
    return (
      <div className="rounded-lg bg-white p-10 text-center ring-1 ring-slate-200" data-testid="cart-empty">
        <p className="text-slate-600">{t("orders.shop.cartEmpty")}</p>
        <Link href={props.shopHref} className="mt-4 inline-block text-brand-700 hover:underline">
          {t("orders.shop.keepShopping")}
        </Link>
      </div>
    );

  const submit = () =>
    startTransition(async () => {
      setFailure(null);
      const outcome = await placeSiteOrder({
        slug: props.slug,
        idempotencyKey: attemptKey,
        locale,
        ...values,
        paymentMethod: method,
        lines: cart.lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
        website,
      });
      if (!outcome.ok) {
        setFailure(outcome);
        return;
      }
      setPlaced(true);
      cart.clear();
      router.push(`/shop/orders/${outcome.number}?${new URLSearchParams({ k: attemptKey, lang: locale })}`);
    });

  const errors = failure?.fieldErrors ?? {};
  const lineErrors = Object.entries(errors).filter(([k]) => k === "lines" || k.startsWith("lines."));
  return (
    <form
      className="grid gap-6 lg:grid-cols-[1fr_340px]"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!pending && !placed) submit();
      }}
      data-testid="checkout-form"
    >
      <div className="space-y-6">
        <section className="rounded-lg bg-white p-5 ring-1 ring-slate-200">
          <h2 className="mb-4 text-base font-semibold">{t("orders.shop.yourDetails")}</h2>
          <div className="grid gap-4 sm:grid-cols-2">
            {FIELDS.map((f) => (
              <TextField
                key={f.name}
                className={"wide" in f && f.wide ? "sm:col-span-2" : undefined}
                label={t(f.label)}
                name={f.name}
                type={f.type}
                autoComplete={f.autoComplete}
                required
                maxLength={f.name === "email" ? 320 : 200}
                value={values[f.name]}
                onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
                errors={errors[f.name]}
              />
            ))}
          </div>
          {/* Not for people: left empty by them, filled in by form-filling bots. */}
          <div aria-hidden className="absolute -left-[9999px] h-px w-px overflow-hidden">
            <label>
              Website
              <input tabIndex={-1} autoComplete="off" name="website" value={website} onChange={(e) => setWebsite(e.target.value)} />
            </label>
          </div>
        </section>
        <fieldset className="rounded-lg bg-white p-5 ring-1 ring-slate-200">
          <legend className="float-left mb-3 text-base font-semibold">{t("orders.shop.payment")}</legend>
          <div className="clear-both space-y-2">
            {METHODS.map((m) => (
              <label key={m} className="flex items-center gap-3 rounded-md px-3 py-2 ring-1 ring-slate-200 has-[:checked]:bg-brand-50 has-[:checked]:ring-brand-400">
                <input type="radio" name="paymentMethod" value={m} checked={method === m} onChange={() => setMethod(m)} />
                <span>{t(`commerce.paymentMethod.${m}`)}</span>
              </label>
            ))}
          </div>
          {errors.paymentMethod ? (
            <p role="alert" className="mt-2 text-xs text-red-700">
              {errors.paymentMethod.join(" ")}
            </p>
          ) : null}
        </fieldset>
      </div>

      <aside className="space-y-4">
        <section className="rounded-lg bg-white p-5 ring-1 ring-slate-200" data-testid="checkout-summary">
          <h2 className="mb-3 text-base font-semibold">{t("orders.shop.summary")}</h2>
          <ul className="space-y-2 text-sm">
            {cart.lines.map((l) => (
              <li key={l.productId} className="flex justify-between gap-3">
                <span>
                  {l.quantity} × {l.product.name}
                </span>
                <span className="tabular-nums">{money(l.lineTotal)}</span>
              </li>
            ))}
          </ul>
          <div className="mt-3 flex justify-between border-t border-slate-200 pt-3 font-semibold">
            <span>{t("orders.shop.total")}</span>
            <span className="tabular-nums" data-testid="checkout-total">
              {money(cart.total)}
            </span>
          </div>
          <p className="mt-1 text-xs text-slate-500">{t("orders.shop.shippingNote")}</p>
        </section>
        <p className="text-xs leading-relaxed text-slate-600" data-testid="customer-protection">
          {t("orders.shop.protection", { name: props.consultantName })}
        </p>
        {failure ? <Alert kind="error">{failure.message}</Alert> : null}
        {lineErrors.length ? <Alert kind="error">{lineErrors.flatMap(([, m]) => m).join(" ")}</Alert> : null}
        <Button type="submit" className="w-full" disabled={pending || placed} data-testid="place-order">
          {pending || placed ? t("orders.shop.placing") : t("orders.shop.placeOrder")}
        </Button>
      </aside>
    </form>
  );
}
