"use server";

import { TRPCError } from "@trpc/server";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { clientIp } from "@/server/auth/config";
import { appOrigin } from "@/server/contact/app-origin";
import { isLocale } from "@/server/i18n/locales";
import { describeError } from "@/server/trpc/error-format";
import { createCaller } from "@/server/trpc/root";

export type ContactOutcome = { ok: true; number: string | null } | { ok: false; message: string; fieldErrors: Record<string, string[]> };

/**
 * Both contact forms (corporate home and replicated sites) post here; the public `contact.submit`
 * procedure does the checking, limiting and storing, called in-process (a site host has no
 * /api/trpc and no session). Errors come back in the visitor's language, per field.
 */
export async function sendContact(input: unknown): Promise<ContactOutcome> {
  const requested = (input as { locale?: unknown } | null)?.locale;
  const locale = isLocale(requested) ? requested : "pt-BR";
  const h = await headers();
  const api = createCaller({ db: getDb(), user: null, locale, ip: clientIp(h), appUrl: appOrigin(h), revalidateSite: () => {} });
  try {
    const result = await api.contact.submit(input as Parameters<typeof api.contact.submit>[0]);
    return { ok: true, number: result.number };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    if (error.code === "INTERNAL_SERVER_ERROR") console.error(error.cause ?? error);
    const { message, fieldErrors } = describeError(error, locale);
    return { ok: false, message, fieldErrors: fieldErrors ?? {} };
  }
}
