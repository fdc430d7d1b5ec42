"use server";

import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { clientIp } from "@/server/auth/config";
import { isLocale } from "@/server/i18n/locales";
import { createCaller } from "@/server/trpc/root";

export type FaqSuggestion = { id: number; slug: string; title: string; excerpt: string };

/**
 * FAQ suggestions for a subject being typed, through the public `knowledge.suggest` (published
 * articles only, bounded). A server action rather than /api/trpc because the same component runs
 * on replicated sites, whose host has no /api/trpc of its own.
 */
export async function suggestFaqs(q: string, locale: string): Promise<FaqSuggestion[]> {
  if (typeof q !== "string" || q.trim().length < 3) return [];
  const h = await headers();
  const loc = isLocale(locale) ? locale : "pt-BR";
  const api = createCaller({ db: getDb(), user: null, locale: loc, ip: clientIp(h), appUrl: "", revalidateSite: () => {} });
  try {
    const found = await api.knowledge.suggest({ q: q.slice(0, 200), locale: loc, limit: 4 });
    return found.map(({ id, slug, title, excerpt }) => ({ id, slug, title, excerpt }));
  } catch {
    return []; // suggestions are a help, never a reason for a form to fail
  }
}
