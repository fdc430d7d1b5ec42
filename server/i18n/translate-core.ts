import type { Locale } from "./locales";

export type Params = Record<string, string | number>;

export function interpolate(template: string, params?: Params, locale?: Locale) {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === "number" ? new Intl.NumberFormat(locale).format(value) : value;
  });
}
