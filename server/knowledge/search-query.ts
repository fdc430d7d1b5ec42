/**
 * Words of what someone typed, as tsquery terms. Only letters and digits survive, so no tsquery
 * syntax can be injected; at most 8 words of at most 40 characters keep the query bounded.
 * Callers match each word as a prefix (`word:*`, the last one is probably still being typed):
 * AND for a search box, OR ranked by ts_rank for suggestions. Accents are folded as the stored
 * column folds them (immutable_unaccent).
 */
export function searchWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 2).slice(0, 8).map((w) => w.slice(0, 40));
}
