/**
 * Money and volumes as people type and read them, without floats. Amounts are integer minor units
 * (4990 = R$ 49,90); volumes are integer hundredths of a point (1500 = 15,00 PV). Parsing works
 * on the digits of the string, so "0,29" is 29 and never 28.999…; formatting goes through Intl
 * only at the edge. Pure: used by the catalogue service and by the client forms alike.
 */

export type Separators = { decimal: string; group: string };

export type ParseError = "required" | "format" | "decimals" | "negative" | "tooLarge";
export type Parsed = { ok: true; value: number } | { ok: false; error: ParseError };

/** The decimal and group separators of a locale, as Intl writes them (pt-BR "," and "."). */
export function separatorsOf(locale: string): Separators {
  const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(1234567.5);
  return { decimal: parts.find((p) => p.type === "decimal")?.value ?? ".", group: parts.find((p) => p.type === "group")?.value ?? "," };
}

/** Digits after the decimal separator for a currency (BRL 2, CLP 0, KWD 3). */
export function currencyDigits(currency: string) {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

const SPACE = /[\s\u00a0\u202f]/;
const SPACES = /[\s\u00a0\u202f]/g;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A non-negative decimal written in a locale, scaled to an integer with `digits` decimals:
 * parseScaled("1.234,5", pt-BR separators, 2) → 123450. Grouping is optional but, when used,
 * must be in threes ("1.234,56"); a string that only makes sense in another locale ("49.90" in
 * pt-BR, where "." groups thousands) is refused as a format error rather than guessed at.
 */
export function parseScaled(text: string, sep: Separators, digits: number, max: number): Parsed {
  let s = text.trim();
  if (!s) return { ok: false, error: "required" };
  if (/^[-−]|[-−]$/.test(s)) return { ok: false, error: "negative" };
  // A space-like group separator (fr: U+202F) may be typed as any space.
  const spaceGroup = SPACE.test(sep.group);
  if (spaceGroup) s = s.replace(SPACES, " ");
  const group = spaceGroup ? " " : escape(sep.group);
  const decimal = escape(sep.decimal);
  const shape = new RegExp(`^(\\d{1,3}(?:${group}\\d{3})+|\\d+)(?:${decimal}(\\d+))?$`);
  const m = shape.exec(s);
  if (!m) return { ok: false, error: "format" };
  const whole = m[1]!.replace(/\D/g, "").replace(/^0+(?=\d)/, "");
  const fraction = m[2] ?? "";
  if (fraction.length > digits) return { ok: false, error: "decimals" };
  if (whole.length > 13) return { ok: false, error: "tooLarge" };
  const value = Number(whole + fraction.padEnd(digits, "0"));
  if (!Number.isSafeInteger(value) || value > max) return { ok: false, error: "tooLarge" };
  return { ok: true, value };
}

/** Largest price accepted: 99.999.999,99 in a two-decimal currency (far past any real product). */
export const MAX_PRICE_MINOR = 9_999_999_999;
/** Largest volume accepted: 999.999,99 points. */
export const MAX_VOLUME_HUNDREDTHS = 99_999_999;

/**
 * An amount typed in the user's locale, with or without the currency's symbol or code
 * ("R$ 49,90", "49,90", "BRL 49,90"), to minor units of `currency`.
 */
export function parseMoney(text: string, locale: string, currency: string): Parsed {
  const symbols = [currency, currencySymbol(locale, currency)].filter(Boolean).map(escape);
  const bare = text.trim().replace(new RegExp(`^(?:${symbols.join("|")})\\s*|\\s*(?:${symbols.join("|")})$`, "gi"), "");
  return parseScaled(bare, separatorsOf(locale), currencyDigits(currency), MAX_PRICE_MINOR);
}

/** PV or CV typed in the user's locale ("15,5") to hundredths of a point (1550). */
export function parseVolume(text: string, locale: string): Parsed {
  return parseScaled(text, separatorsOf(locale), 2, MAX_VOLUME_HUNDREDTHS);
}

function currencySymbol(locale: string, currency: string) {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).formatToParts(0).find((p) => p.type === "currency")?.value ?? "";
}

/**
 * Minor units as a decimal string, exactly: 4990 → "49.90" (digits 2). Intl would first turn
 * the number into a float divided by 100; this keeps it on the digits, then Intl formats it.
 */
function decimalString(minor: number, digits: number) {
  const negative = minor < 0;
  const s = String(Math.abs(minor)).padStart(digits + 1, "0");
  const out = digits ? `${s.slice(0, -digits)}.${s.slice(-digits)}` : s;
  return (negative ? "-" : "") + out;
}

/** "R$ 49,90" / "$49.90": for screens. */
export function formatMoney(minor: number, currency: string, locale: string) {
  const digits = currencyDigits(currency);
  // Intl.NumberFormat.format accepts a decimal string and formats it without a float step.
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(decimalString(minor, digits) as unknown as number);
}

/** "49,90" (no symbol, no grouping): what an edit form shows in its input. */
export function formatMoneyInput(minor: number, currency: string, locale: string) {
  const digits = currencyDigits(currency);
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }).format(decimalString(minor, digits) as unknown as number);
}

/** 1550 → "15,50" (pt-BR): volumes on screens, always two decimals. */
export function formatVolume(hundredths: number, locale: string) {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(decimalString(hundredths, 2) as unknown as number);
}

export function formatVolumeInput(hundredths: number, locale: string) {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false }).format(decimalString(hundredths, 2) as unknown as number);
}

/** Minor units as a plain decimal for files (CSV): 124990 BRL → "1249.90", exact, no grouping. */
export function minorToDecimal(minor: number, currency: string) {
  return decimalString(minor, currencyDigits(currency));
}
