"use client";

import { useEffect, useState } from "react";
import { useLocale } from "@/app/_lib/i18n";

/* eslint-disable @typescript-eslint/no-explicit-any -- a draft definition is any JSON until the server parses it */
/** The plan form's field pieces: locale-aware number and list inputs, selects, checks, per-field errors. */
export type Def = Record<string, any>;
export type Issue = { path: string; message: string };
export type Setter = (path: (string | number)[], value: unknown) => void;

/** A copy of `def` with `value` at `path` (undefined deletes the key), creating objects on the way. */
export function setIn(def: Def, path: (string | number)[], value: unknown): Def {
  const root: Def = structuredClone(def);
  let node: any = root;
  for (let k = 0; k < path.length - 1; k++) {
    const key = path[k]!;
    if (node[key] === undefined || node[key] === null || typeof node[key] !== "object") node[key] = typeof path[k + 1] === "number" ? [] : {};
    node = node[key];
  }
  const last = path[path.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(node) && typeof last === "number") node.splice(last, 1);
    else delete node[last];
  } else node[last] = value;
  return root;
}

export const getIn = (def: Def, path: (string | number)[]) => path.reduce<any>((node, key) => (node == null ? undefined : node[key]), def);

/**
 * Typed text → number in the reader's conventions: pt-BR/es "1.250,5" (dot groups thousands,
 * comma before decimals), en "1,250.5". "" → null; anything else (including "12.5" in pt-BR) → NaN,
 * so the server names the field instead of the form guessing.
 */
export function parseLocaleNumber(text: string, locale: string): number | null {
  const s = text.replace(/\s/g, "");
  if (!s) return null;
  const comma = locale !== "en";
  const [group, decimal] = comma ? [".", ","] : [",", "."];
  const g = group === "." ? "\\." : ",", d = decimal === "." ? "\\." : ",";
  const shape = new RegExp(`^-?(\\d{1,3}(${g}\\d{3})+|\\d+)(${d}\\d+)?$`);
  if (!shape.test(s)) return NaN;
  return Number(s.split(group).join("").replace(decimal, "."));
}

/** A stored value for typed text: a number in stored units when it parses, else the text itself (the server then names the field). */
export function toStored(text: string, scale: number, locale: string): number | string | null {
  const n = parseLocaleNumber(text, locale);
  if (n === null) return null;
  if (Number.isNaN(n)) return text;
  return Math.round(n * scale * 1e6) / 1e6;
}

export function toText(value: unknown, scale: number, locale: string): string {
  if (typeof value === "number") return new Intl.NumberFormat(locale, { maximumFractionDigits: 6, useGrouping: false }).format(value / scale);
  if (typeof value === "string") return value;
  return "";
}

export function Errors({ messages, id }: { messages?: string[]; id?: string }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="mt-1 text-xs text-red-600" role="alert">
      {messages.join(" ")}
    </p>
  );
}

/**
 * A number in display units (points, %, money with `scale` 100; counts with 1) stored in the
 * plan's integer units. Keeps what the person types while it does not parse, so a bad value stays
 * visible next to the server's message.
 */
export function NumInput(props: { label: string; path: (string | number)[]; def: Def; set: Setter; errors: (p: (string | number)[]) => string[] | undefined; scale?: number; empty?: "delete" | "null" | "keep"; hint?: string; testId?: string; compact?: boolean }) {
  const locale = useLocale();
  const scale = props.scale ?? 1;
  const value = getIn(props.def, props.path);
  const [text, setText] = useState(() => toText(value, scale, locale));
  useEffect(() => {
    // Re-read when the value changes from outside (reorder, reset), not while typing.
    if (toStored(text, scale, locale) !== (value ?? null)) setText(toText(value, scale, locale));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const errs = props.errors(props.path);
  const id = `f-${props.path.join("-")}`;
  return (
    <div className={props.compact ? "" : "min-w-0"}>
      <label htmlFor={id} className={props.compact ? "sr-only" : "block text-sm font-medium text-slate-700"}>
        {props.label}
      </label>
      <input
        id={id}
        inputMode="decimal"
        value={text}
        aria-invalid={errs?.length ? true : undefined}
        aria-describedby={errs?.length ? `${id}-error` : undefined}
        data-testid={props.testId}
        onChange={(e) => {
          setText(e.target.value);
          const stored = toStored(e.target.value, scale, locale);
          props.set(props.path, stored === null ? (props.empty === "null" ? null : props.empty === "keep" ? "" : undefined) : stored);
        }}
        className={`${props.compact ? "" : "mt-1"} block w-full rounded-md border px-2 py-1.5 text-sm tabular-nums shadow-sm focus:border-brand-500 focus:outline-none focus:ring-1 focus:ring-brand-500 ${errs?.length ? "border-red-500 bg-red-50" : "border-slate-300"}`}
      />
      {props.hint && !errs?.length ? <p className="mt-1 text-xs text-slate-500">{props.hint}</p> : null}
      <Errors messages={errs} id={`${id}-error`} />
    </div>
  );
}

/** Percentages per level/generation: "10; 5; 3" ↔ [1000, 500, 300]. */
export function ListInput(props: { label: string; hint: string; path: (string | number)[]; def: Def; set: Setter; errors: (p: (string | number)[]) => string[] | undefined; allErrors: (prefix: string) => string[]; testId?: string }) {
  const locale = useLocale();
  const value = getIn(props.def, props.path);
  const render = (v: unknown) => (Array.isArray(v) ? v.map((x) => toText(x, 100, locale)).join("; ") : "");
  const [text, setText] = useState(() => render(value));
  useEffect(() => {
    if (JSON.stringify(parseList(text, locale)) !== JSON.stringify(value)) setText(render(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const id = `f-${props.path.join("-")}`;
  const errs = props.allErrors(props.path.join("."));
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {props.label}
      </label>
      <input
        id={id}
        value={text}
        data-testid={props.testId}
        aria-invalid={errs.length ? true : undefined}
        onChange={(e) => {
          setText(e.target.value);
          props.set(props.path, parseList(e.target.value, locale));
        }}
        className={`mt-1 block w-full rounded-md border px-2 py-1.5 text-sm tabular-nums shadow-sm ${errs.length ? "border-red-500 bg-red-50" : "border-slate-300"}`}
      />
      {errs.length ? <Errors messages={errs} /> : <p className="mt-1 text-xs text-slate-500">{props.hint}</p>}
    </div>
  );
}

export function parseList(text: string, locale: string) {
  return text
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => toStored(s, 100, locale) ?? s);
}

export function Select(props: { label: string; value: string; options: { value: string; label: string }[]; onChange: (v: string) => void; errors?: string[]; testId?: string }) {
  const id = `s-${props.label.replace(/\W+/g, "-")}-${props.testId ?? ""}`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {props.label}
      </label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)} data-testid={props.testId} className={`mt-1 block w-full rounded-md border bg-white px-2 py-1.5 text-sm ${props.errors?.length ? "border-red-500" : "border-slate-300"}`}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Errors messages={props.errors} />
    </div>
  );
}

export function Check(props: { label: string; checked: boolean; onChange: (v: boolean) => void; testId?: string }) {
  return (
    <label className="flex items-center gap-2 text-sm text-slate-700">
      <input type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} data-testid={props.testId} className="h-4 w-4 rounded border-slate-300" />
      {props.label}
    </label>
  );
}

/** "lider:2, executiva:1" ↔ [{ rank: "lider", legs: 2 }, …]; a malformed entry is kept for the server to name. */
export function LegsInput(props: { value: unknown; onChange: (v: unknown) => void; label: string; placeholder: string; errors: string[] }) {
  const render = (v: unknown) => (Array.isArray(v) ? v.map((x: any) => `${x?.rank ?? ""}:${x?.legs ?? ""}`).join(", ") : "");
  const [text, setText] = useState(() => render(props.value));
  return (
    <>
      <input
        aria-label={props.label}
        placeholder={props.placeholder}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const parts = e.target.value.split(",").map((s) => s.trim()).filter(Boolean);
          props.onChange(
            parts.length
              ? parts.map((p) => {
                  const [rank, legs] = p.split(":").map((s) => s.trim());
                  const n = Number(legs);
                  return { rank: rank ?? "", legs: legs && Number.isFinite(n) ? n : (legs ?? 0) };
                })
              : undefined,
          );
        }}
        className={`block w-full rounded-md border px-2 py-1.5 font-mono text-xs ${props.errors.length ? "border-red-500 bg-red-50" : "border-slate-300"}`}
      />
      <Errors messages={props.errors} />
    </>
  );
}
