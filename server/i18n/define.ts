import type { Locale } from "./locales";

export type MessageTree = { [key: string]: string | MessageTree };

/** The same keys as `T`, each leaf any string: other locales must mirror pt-BR exactly. */
export type SameShape<T> = { [K in keyof T]: T[K] extends string ? string : SameShape<T[K]> };

/** One file per area holds all three locales, so a missing translation is a type error. */
export function defineMessages<const T extends MessageTree>(messages: { "pt-BR": T; es: SameShape<T>; en: SameShape<T> }) {
  return messages as Record<Locale, SameShape<T>>;
}

export type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
