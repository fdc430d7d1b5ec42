import type { Locale } from "@/server/i18n/locales";

/** Date and time in the reader's locale and time zone (the browser's, in client components). */
export function formatDateTime(locale: Locale, value: Date | string | null | undefined) {
  if (!value) return "—";
  return new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short" }).format(new Date(value));
}

export function formatDate(locale: Locale, value: Date | string) {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(value));
}

export function formatNumber(locale: Locale, value: number) {
  return new Intl.NumberFormat(locale).format(value);
}

/** "2025-03" → "mar. de 2025" / "Mar 2025"; read as UTC so no time zone shifts the month. */
export function formatMonth(locale: Locale, month: string) {
  const [year, mon] = month.split("-").map(Number);
  return new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(year ?? 1970, (mon ?? 1) - 1, 1)),
  );
}
