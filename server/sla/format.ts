import type { Locale } from "../i18n/locales";

/** A date and time as the calendar's office reads it (its time zone), in the reader's language. */
export function formatInstant(locale: Locale, value: Date | string, timeZone: string) {
  return new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short", timeZone }).format(new Date(value));
}

/** Business minutes as "2 h 30 min" / "45 min". */
export function formatMinutes(minutes: number) {
  const m = Math.max(0, Math.round(minutes));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (!h) return `${rest} min`;
  return rest ? `${h} h ${rest} min` : `${h} h`;
}
