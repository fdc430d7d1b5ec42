"use client";

import { QueryClientContext } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useContext, useId, useTransition } from "react";
import { chooseLocale } from "@/app/_lib/locale-action";
import { useLocale, useT } from "@/app/_lib/i18n";
import { LOCALES } from "@/server/i18n/locales";

export function LocaleSwitcher({ className = "" }: { className?: string }) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  // Optional: the switcher also sits on public pages without a query client.
  const queryClient = useContext(QueryClientContext);
  const id = useId();
  const [pending, start] = useTransition();
  return (
    <div className={`flex items-center gap-2 text-sm ${className}`}>
      <label htmlFor={id} className="text-slate-500">
        {t("common.language")}
      </label>
      <select
        id={id}
        value={locale}
        disabled={pending}
        onChange={(e) => {
          const next = e.target.value;
          start(async () => {
            await chooseLocale(next);
            router.refresh();
            // Data the server translated (rank names, messages) is refetched in the new language.
            await queryClient?.invalidateQueries();
          });
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {t(`common.locales.${l}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
