import type { TRPCError } from "@trpc/server";
import { z } from "zod";
import { AppError } from "../errors";
import type { MessageKey } from "../i18n/messages";
import { DEFAULT_LOCALE, type Locale } from "../i18n/locales";
import { hasMessage, translator } from "../i18n/translate";

export type FieldErrors = Record<string, string[]>;

const zodLocale = { "pt-BR": z.locales.pt(), es: z.locales.es(), en: z.locales.en() } as const;

const MESSAGE_BY_CODE: Partial<Record<TRPCError["code"], MessageKey>> = {
  UNAUTHORIZED: "errors.unauthorized",
  FORBIDDEN: "errors.forbidden",
  NOT_FOUND: "errors.notFound",
  BAD_REQUEST: "errors.badRequest",
  TOO_MANY_REQUESTS: "errors.tooManyRequests",
  INTERNAL_SERVER_ERROR: "errors.internal",
};

/** Field errors keyed by dotted path; our schemas use message keys, others get zod's locale text. */
export function localiseZodError(error: z.ZodError, locale: Locale): FieldErrors {
  const t = translator(locale);
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? issue.path.join(".") : "_form";
    let message = issue.message;
    if (hasMessage(locale, message)) message = t(message as MessageKey, paramsOf(issue));
    // Zod drops the received value from issues, so its "received undefined" would be wrong.
    else if (issue.code === "invalid_type") message = t("errors.invalidValue");
    else {
      const localised = zodLocale[locale].localeError(issue as never);
      message = typeof localised === "string" ? localised : (localised?.message ?? message);
    }
    (out[field] ??= []).push(message);
  }
  return out;
}

function paramsOf(issue: z.core.$ZodIssue): Record<string, number> {
  const p: Record<string, number> = {};
  if ("maximum" in issue) p.max = Number(issue.maximum);
  if ("minimum" in issue) p.min = Number(issue.minimum);
  return p;
}

/** The user-facing sentence and field errors for any error a procedure throws. */
export function describeError(error: TRPCError, locale: Locale = DEFAULT_LOCALE) {
  const t = translator(locale);
  const cause = error.cause;
  if (cause instanceof AppError) {
    const message = t(cause.messageKey, cause.params);
    return { message, fieldErrors: cause.field ? { [cause.field]: [message] } : undefined };
  }
  if (cause instanceof z.ZodError) {
    return { message: t("errors.badRequest"), fieldErrors: localiseZodError(cause, locale) };
  }
  if (error.code !== "INTERNAL_SERVER_ERROR" && hasMessage(locale, error.message)) {
    return { message: t(error.message as MessageKey), fieldErrors: undefined };
  }
  return { message: t(MESSAGE_BY_CODE[error.code] ?? "errors.internal"), fieldErrors: undefined };
}
