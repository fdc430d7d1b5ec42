import "server-only";
import { isLocale, type Locale } from "@/server/i18n/locales";
import { getLocale } from "@/server/i18n/server";

/** `?lang=` when a link chose one (a replicated site links here in its visitor's language), else the request's. */
export async function faqLocale(lang: string | string[] | undefined): Promise<Locale> {
  return isLocale(lang) ? lang : getLocale();
}
