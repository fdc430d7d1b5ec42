import type { Localised } from "@/db/schema/commerce";
import type { Locale } from "../i18n/locales";

/** A product's name (or description) in the reader's language, else pt-BR. Pure: fine in client components. */
export function localised(name: Localised, locale: Locale) {
  return (locale !== "pt-BR" && name[locale]) || name["pt-BR"];
}
