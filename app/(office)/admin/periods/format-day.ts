import type { Locale } from "@/server/i18n/locales";

/** "2026-04-01" as the reader writes a date; a period's days are calendar days, read in UTC. */
export function formatDay(locale: Locale, isoDay: string) {
  return new Intl.DateTimeFormat(locale, { dateStyle: "short", timeZone: "UTC" }).format(new Date(`${isoDay}T00:00:00Z`));
}

/** Today as "YYYY-MM-DD" in UTC, the calendar periods are kept in. */
export const todayIso = () => new Date().toISOString().slice(0, 10);
