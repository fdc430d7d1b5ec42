"use client";

import { createContext, useContext, useMemo } from "react";
import type { Locale } from "@/server/i18n/locales";
import type { MessageKey, Messages } from "@/server/i18n/messages";
import { interpolate, type Params } from "@/server/i18n/translate-core";

const I18nContext = createContext<{ locale: Locale; messages: Messages } | null>(null);

export function I18nProvider(props: { locale: Locale; messages: Messages; children: React.ReactNode }) {
  const value = useMemo(() => ({ locale: props.locale, messages: props.messages }), [props.locale, props.messages]);
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useLocale() {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error("useLocale outside I18nProvider");
  return ctx.locale;
}

export function useT() {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error("useT outside I18nProvider");
  return useMemo(() => {
    const { locale, messages } = ctx;
    return (key: MessageKey, params?: Params) => {
      let node: unknown = messages;
      for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
      return interpolate(typeof node === "string" ? node : key, params, locale);
    };
  }, [ctx]);
}
