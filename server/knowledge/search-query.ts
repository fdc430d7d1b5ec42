import { sql, type SQL } from "drizzle-orm";
import type { Locale } from "../i18n/locales";

/** The text-search configuration of each locale (the same choice the generated column makes). */
export function searchConfig(locale: Locale): SQL {
  return sql.raw(locale === "es" ? "'spanish'::regconfig" : locale === "en" ? "'english'::regconfig" : "'portuguese'::regconfig");
}

/**
 * Words of what someone typed, as tsquery terms. Only letters and digits survive, so no tsquery
 * syntax can be injected; at most 8 words of at most 40 characters keep the query bounded.
 */
export function searchWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 2).slice(0, 8).map((w) => w.slice(0, 40));
}

/**
 * A prefix query: the last word is probably still being typed, so every word matches as a prefix
 * ("cadas" finds "cadastro"). `all` joins with AND (a search), otherwise OR (suggestions rank by
 * how many words match). Accents are folded as the stored column folds them.
 */
export function tsQuery(locale: Locale, words: string[], all: boolean): SQL {
  const text = words.map((w) => `${w}:*`).join(all ? " & " : " | ");
  return sql`to_tsquery(${searchConfig(locale)}, immutable_unaccent(${text}))`;
}
