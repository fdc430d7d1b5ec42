"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { useT } from "@/app/_lib/i18n";
import { useTRPC, type RouterOutputs } from "@/app/_lib/trpc";

export type PickedConsultant = RouterOutputs["network"]["lookup"][number];

/** One search box for name, document or code; results come from the server, scoped to the user. */
export function ConsultantPicker(props: { label: string; onPick: (c: PickedConsultant) => void; testId?: string; errors?: string[] }) {
  const t = useT();
  const trpc = useTRPC();
  const id = useId();
  const [q, setQ] = useState("");
  const [settled, setSettled] = useState("");
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(q.trim()), 250);
    return () => clearTimeout(timer);
  }, [q]);
  const results = useQuery({ ...trpc.network.lookup.queryOptions({ q: settled, limit: 8 }), enabled: settled.length >= 2 });
  return (
    <div className="relative">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {props.label}
      </label>
      <input
        id={id}
        type="search"
        value={q}
        autoComplete="off"
        role="combobox"
        aria-expanded={open && settled.length >= 2}
        aria-controls={`${id}-list`}
        data-testid={props.testId}
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
        }}
        className={`mt-1 block w-full rounded-md border px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-1 focus:ring-brand-500 ${props.errors?.length ? "border-red-500" : "border-slate-300"}`}
      />
      {props.errors?.length ? <p role="alert" className="mt-1 text-xs text-red-700">{props.errors.join(" ")}</p> : null}
      {open && settled.length >= 2 ? (
        <ul id={`${id}-list`} role="listbox" className="absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-slate-200">
          {results.isFetching && !results.data ? <li className="px-3 py-2 text-slate-500">{t("common.loading")}</li> : null}
          {results.data?.length === 0 ? <li className="px-3 py-2 text-slate-500">{t("network.tree.noResults")}</li> : null}
          {results.data?.map((c) => (
            <li key={c.id} role="option" aria-selected={false}>
              <button
                type="button"
                className="flex w-full items-baseline justify-between gap-3 px-3 py-2 text-left hover:bg-brand-50"
                onClick={() => {
                  props.onPick(c);
                  setQ(`${c.fullName} · ${c.code}`);
                  setOpen(false);
                }}
              >
                <span className="font-medium text-slate-900">{c.fullName}</span>
                <span className="shrink-0 text-xs text-slate-500">{c.code}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
