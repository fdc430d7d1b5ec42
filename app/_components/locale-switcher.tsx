"use client";

import { useRouter } from "next/navigation";
import { useId, useTransition } from "react";
import { chooseLocale } from "@/app/_lib/locale-action";
import { useLocale, useT } from "@/app/_lib/i18n";
import { LOCALES } from "@/server/i18n/locales";

export function LocaleSwitcher({ className = "" }: { className?: string }) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
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
