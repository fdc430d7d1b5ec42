import "server-only";
import { revalidatePath, revalidateTag } from "next/cache";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getDb } from "@/db/client";
import { clientIp } from "../auth/config";
import { getCurrentUser } from "../auth/current-user";
import { getLocale } from "../i18n/server";
import { siteTag } from "../sites/cache";
import type { Context } from "./context";
import { createCaller } from "./root";

function appUrlFrom(h: Headers) {
  if (process.env.APP_URL) return process.env.APP_URL.replace(/\/$/, "");
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") ? "http" : "https");
  return `${proto}://${host}`;
}

function revalidateSite(slug: string) {
  revalidateTag(siteTag(slug), { expire: 0 });
  revalidatePath(`/sites/${slug}`);
}

/** Context for a request inside Next (route handler, server component or server action). */
export async function createRequestContext(): Promise<Context> {
  await cookies(); // marks the render dynamic: a context is per request
  const h = await headers();
  return {
    db: getDb(),
    user: await getCurrentUser(),
    locale: await getLocale(),
    ip: clientIp(h),
    appUrl: appUrlFrom(h),
    revalidateSite,
  };
}

/** Server components call procedures through this caller: same checks as over HTTP. */
export const serverApi = cache(async () => createCaller(await createRequestContext()));
