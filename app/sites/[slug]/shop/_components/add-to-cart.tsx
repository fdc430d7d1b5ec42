"use client";

import { Button } from "@/app/_components/ui/button";
import { useT } from "@/app/_lib/i18n";
import { useCart } from "./cart-store";

export function AddToCart({ slug, productId, name }: { slug: string; productId: number; name: string }) {
  const t = useT();
  const { lines, add } = useCart(slug);
  const inCart = lines?.find((l) => l.productId === productId)?.quantity ?? 0;
  return (
    <div className="flex items-center justify-between gap-3">
      <Button onClick={() => add(productId)} disabled={lines === null} aria-label={`${t("orders.shop.add")}: ${name}`} data-testid={`add-${productId}`}>
        {t("orders.shop.add")}
      </Button>
      {inCart ? (
        <span className="text-sm text-brand-700" role="status" data-testid={`in-cart-${productId}`}>
          {t("orders.shop.added", { count: inCart })}
        </span>
      ) : null}
    </div>
  );
}
