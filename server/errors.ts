import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import type { MessageKey } from "./i18n/messages";
import type { Params } from "./i18n/translate";

export type AppErrorCode = Extract<
  TRPC_ERROR_CODE_KEY,
  "BAD_REQUEST" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "TOO_MANY_REQUESTS"
>;

/**
 * The one error type services throw for a user-facing failure: a tRPC code and a message key that
 * the error formatter translates into the user's locale. `field` ties it to a form input.
 */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly messageKey: MessageKey,
    readonly params: Params = {},
    readonly field?: string,
  ) {
    super(messageKey);
    this.name = "AppError";
  }
}

export const HTTP_STATUS: Record<AppErrorCode | "INTERNAL_SERVER_ERROR", number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
};

/** Postgres unique violations become a CONFLICT naming the field, never a 500. */
export function uniqueViolation(error: unknown): string | undefined {
  const e = error as { code?: string; constraint_name?: string; cause?: unknown };
  if (e?.code === "23505") return e.constraint_name ?? "unique";
  if (e?.cause) return uniqueViolation(e.cause);
  return undefined;
}
