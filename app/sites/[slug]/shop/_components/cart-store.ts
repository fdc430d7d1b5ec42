"use client";

import { useCallback, useSyncExternalStore } from "react";

/**
 * The cart lives in the visitor's browser (localStorage, one per site): product ids and
 * quantities only. Prices and names always come from the server's catalogue.
 */
export type CartLine = { productId: number; quantity: number };

const MAX_LINES = 100;
const MAX_QUANTITY = 999;
const keyOf = (slug: string) => `rede:cart:${slug}`;
const listeners = new Set<() => void>();
const snapshots = new Map<string, { raw: string | null; lines: CartLine[] }>();

function parse(raw: string | null): CartLine[] {
  try {
    const value: unknown = raw ? JSON.parse(raw) : [];
    if (!Array.isArray(value)) return [];
    const seen = new Set<number>();
    return value
      .filter((l): l is CartLine => Number.isSafeInteger(l?.productId) && l.productId > 0 && Number.isInteger(l?.quantity) && l.quantity > 0)
      .filter((l) => !seen.has(l.productId) && seen.add(l.productId))
      .map((l) => ({ productId: l.productId, quantity: Math.min(l.quantity, MAX_QUANTITY) }))
      .slice(0, MAX_LINES);
  } catch {
    return [];
  }
}

/** Same array while the stored text is unchanged, as useSyncExternalStore requires. */
function snapshot(slug: string) {
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(keyOf(slug));
  } catch {
    raw = null; // storage blocked: an empty cart
  }
  const cached = snapshots.get(slug);
  if (cached && cached.raw === raw) return cached.lines;
  const lines = parse(raw);
  snapshots.set(slug, { raw, lines });
  return lines;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener); // other tabs
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function write(slug: string, lines: CartLine[]) {
  try {
    if (lines.length) window.localStorage.setItem(keyOf(slug), JSON.stringify(lines));
    else window.localStorage.removeItem(keyOf(slug));
  } catch {
    // storage full or blocked: the cart simply does not persist
  }
  listeners.forEach((l) => l());
}

/** `lines` is null until the browser's cart is read (the server render has no cart). */
export function useCart(slug: string) {
  const lines = useSyncExternalStore(subscribe, () => snapshot(slug), () => null);
  const set = useCallback(
    (productId: number, quantity: number) => {
      const current = snapshot(slug);
      const q = Math.max(0, Math.min(MAX_QUANTITY, Math.floor(quantity)));
      const rest = current.filter((l) => l.productId !== productId);
      const existing = current.find((l) => l.productId === productId);
      if (q === 0) return write(slug, rest);
      if (existing) return write(slug, current.map((l) => (l.productId === productId ? { productId, quantity: q } : l)));
      if (current.length < MAX_LINES) write(slug, [...current, { productId, quantity: q }]);
    },
    [slug],
  );
  const add = useCallback((productId: number) => set(productId, (snapshot(slug).find((l) => l.productId === productId)?.quantity ?? 0) + 1), [slug, set]);
  const keepOnly = useCallback((ids: Set<number>) => write(slug, snapshot(slug).filter((l) => ids.has(l.productId))), [slug]);
  const clear = useCallback(() => write(slug, []), [slug]);
  return { lines, set, add, keepOnly, clear, count: lines?.reduce((n, l) => n + l.quantity, 0) ?? 0 };
}
