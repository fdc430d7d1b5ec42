import type { Locale } from "@/server/i18n/locales";

/** 812 kB, 12,4 MB — a file size in the reader's locale (pure: the screens use it too). */
export function formatFileSize(locale: Locale, bytes: number) {
  const mb = bytes >= 1024 * 1024;
  const value = mb ? bytes / (1024 * 1024) : Math.max(bytes / 1024, bytes ? 0.1 : 0);
  return new Intl.NumberFormat(locale, { style: "unit", unit: mb ? "megabyte" : "kilobyte", maximumFractionDigits: 1 }).format(value);
}
