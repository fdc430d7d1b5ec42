import type { MessageTree } from "./define";
import type { Locale } from "./locales";
import { messages, type MessageKey } from "./messages";

import { interpolate, type Params } from "./translate-core";

export type { Params };
export type Translate = (key: MessageKey, params?: Params) => string;

function lookup(tree: MessageTree, key: string): string | undefined {
  let node: string | MessageTree | undefined = tree;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

export function hasMessage(locale: Locale, key: string) {
  return lookup(messages[locale] as MessageTree, key) !== undefined;
}

export function translator(locale: Locale): Translate {
  const tree = messages[locale] as MessageTree;
  return (key, params) => interpolate(lookup(tree, key) ?? key, params, locale);
}
