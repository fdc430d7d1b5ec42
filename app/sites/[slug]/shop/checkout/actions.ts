"use server";

import { TRPCError } from "@trpc/server";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { clientIp } from "@/server/auth/config";
import { isLocale } from "@/server/i18n/locales";
import { describeError } from "@/server/trpc/error-format";
import { createCaller } from "@/server/trpc/root";

export type CheckoutOutcome = { ok: true; number: string } | { ok: false; message: string; fieldErrors: Record<string, string[]> };

/**
 * The site's checkout goes through the public `orders.checkout` procedure (its zod schema, rate
 * limits and idempotency), called in-process: a site host has no /api/trpc of its own (the proxy
 * rewrites every path to the site) and no session. Errors come back translated, per field.
 */
export async function placeSiteOrder(input: unknown): Promise<CheckoutOutcome> {
  const requested = (input as { locale?: unknown } | null)?.locale;
  const locale = isLocale(requested) ? requested : "pt-BR";
  const h = await headers();
  const api = createCaller({ db: getDb(), user: null, locale, ip: clientIp(h), appUrl: "", revalidateSite: () => {} });
  try {
    const order = await api.orders.checkout(input as Parameters<typeof api.orders.checkout>[0]);
    return { ok: true, number: order.number };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    if (error.code === "INTERNAL_SERVER_ERROR") console.error(error.cause ?? error);
    const { message, fieldErrors } = describeError(error, locale);
    return { ok: false, message, fieldErrors: fieldErrors ?? {} };
  }
}
