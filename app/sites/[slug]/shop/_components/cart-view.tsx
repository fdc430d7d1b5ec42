"use client";

import Link from "next/link";
import { useEffect, useMemo } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { useLocale, useT } from "@/app/_lib/i18n";
import { formatMoney } from "@/server/commerce/money";
import { useCart } from "./cart-store";
import type { ShopProduct } from "./shop-data";

/** The cart's lines joined to today's catalogue; lines no longer sold are dropped, with a word. */
export function useCartLines(slug: string, products: ShopProduct[]) {
  const cart = useCart(slug);
  const byId = useMemo(() => new Map(products.map((p) => [p.id, p])), [products]);
  const stale = cart.lines?.some((l) => !byId.has(l.productId)) ?? false;
  const { keepOnly } = cart;
  useEffect(() => {
    if (stale) keepOnly(new Set(byId.keys()));
  }, [stale, byId, keepOnly]);
  const lines = (cart.lines ?? []).flatMap((l) => {
    const product = byId.get(l.productId);
    return product ? [{ ...l, product, lineTotal: product.retailPrice * l.quantity }] : [];
  });
  const total = lines.reduce((s, l) => s + l.lineTotal, 0);
  return { ...cart, loading: cart.lines === null, stale, lines, total, currency: products[0]?.currency ?? "BRL" };
}

export function CartView({ slug, products, checkoutHref, shopHref }: { slug: string; products: ShopProduct[]; checkoutHref: string; shopHref: string }) {
  const t = useT();
  const locale = useLocale();
  const cart = useCartLines(slug, products);
  const money = (minor: number) => formatMoney(minor, cart.currency, locale);

  if (cart.loading) return <p className="rounded-lg bg-white p-10 text-center text-slate-500 ring-1 ring-slate-200">{t("orders.shop.loadingCart")}</p>;
  return (
    <div className="space-y-4">
      {cart.stale ? <Alert kind="info">{t("orders.shop.unavailable")}</Alert> : null}
      {cart.lines.length === 0 ? (
        <div className="rounded-lg bg-white p-10 text-center ring-1 ring-slate-200" data-testid="cart-empty">
          <p className="text-slate-600">{t("orders.shop.cartEmpty")}</p>
          <Link href={shopHref} className="mt-4 inline-block text-brand-700 hover:underline">
            {t("orders.shop.keepShopping")}
          </Link>
        </div>
      ) : (
        <>
          <ul className="divide-y divide-slate-100 rounded-lg bg-white ring-1 ring-slate-200" data-testid="cart-lines">
            {cart.lines.map((l) => (
              <li key={l.productId} className="flex flex-wrap items-center gap-4 px-4 py-3" data-testid={`cart-line-${l.product.sku}`}>
                <div className="min-w-40 flex-1">
                  <div className="font-medium text-slate-900">{l.product.name}</div>
                  <div className="text-sm tabular-nums text-slate-500">{money(l.product.retailPrice)}</div>
                </div>
                <div className="flex items-center gap-1">
                  <Button variant="secondary" aria-label={t("orders.shop.decrease", { name: l.product.name })} onClick={() => cart.set(l.productId, l.quantity - 1)}>
                    −
                  </Button>
                  <input
                    type="number"
                    min={1}
                    max={999}
                    value={l.quantity}
                    aria-label={t("orders.shop.quantityOf", { name: l.product.name })}
                    onChange={(e) => {
                      const q = Number(e.target.value);
                      if (Number.isInteger(q) && q >= 1) cart.set(l.productId, q);
                    }}
                    className="w-16 rounded-md border border-slate-300 px-2 py-1.5 text-center text-sm tabular-nums"
                    data-testid={`qty-${l.product.sku}`}
                  />
                  <Button variant="secondary" aria-label={t("orders.shop.increase", { name: l.product.name })} onClick={() => cart.set(l.productId, l.quantity + 1)}>
                    +
                  </Button>
                </div>
                <div className="w-28 text-right font-medium tabular-nums">{money(l.lineTotal)}</div>
                <Button variant="ghost" onClick={() => cart.set(l.productId, 0)} aria-label={t("orders.shop.remove", { name: l.product.name })}>
                  ×
                </Button>
              </li>
            ))}
          </ul>
          <div className="flex flex-wrap items-center justify-between gap-4 rounded-lg bg-white px-4 py-4 ring-1 ring-slate-200">
            <div>
              <div className="text-sm text-slate-500">{t("orders.shop.total")}</div>
              <div className="text-2xl font-semibold tabular-nums" data-testid="cart-total">
                {money(cart.total)}
              </div>
              <div className="text-xs text-slate-500">{t("orders.shop.shippingNote")}</div>
            </div>
            <div className="flex gap-3">
              <Link href={shopHref} className="rounded-md px-3.5 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
                {t("orders.shop.keepShopping")}
              </Link>
              <Link href={checkoutHref} className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700" data-testid="go-checkout">
                {t("orders.shop.goToCheckout")}
              </Link>
            </div>
          </div>
        </>
      )}
    </div>
  );
}
