"use server";

import { eq } from "drizzle-orm";
import { cookies } from "next/headers";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { getCurrentUser } from "@/server/auth/current-user";
import { isLocale, LOCALE_COOKIE } from "@/server/i18n/locales";

/** Remembers the locale in a cookie, and on the user's record when signed in. */
export async function chooseLocale(locale: string) {
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax", httpOnly: true });
  const user = await getCurrentUser();
  if (user) await getDb().update(users).set({ locale, updatedAt: new Date() }).where(eq(users.id, user.id));
}
