"use client";

import Link from "next/link";
import { useT } from "@/app/_lib/i18n";
import { useCart } from "./cart-store";

export function CartLink({ slug, href }: { slug: string; href: string }) {
  const t = useT();
  const { count } = useCart(slug);
  return (
    <Link href={href} className="rounded-full bg-white/15 px-3 py-1.5 font-medium hover:bg-white/25" data-testid="shop-cart-link">
      {t("orders.shop.cartCount", { count })}
    </Link>
  );
}
