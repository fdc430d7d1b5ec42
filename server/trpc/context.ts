import type { Db } from "@/db/client";
import type { SessionUser } from "../auth/users";
import type { Locale } from "../i18n/locales";

/**
 * What every procedure sees. Built from a request by `server/trpc/request-context.ts`, or by hand
 * in tests; nothing here imports Next or next-auth, so routers run under plain Node.
 */
export type Context = {
  db: Db;
  user: SessionUser | null;
  locale: Locale;
  ip: string;
  /** The back-office origin, for links in e-mails. */
  appUrl: string;
  /** Drops the cached replicated-site page after an edit (Next's revalidation in the app). */
  revalidateSite: (slug: string) => void;
};
