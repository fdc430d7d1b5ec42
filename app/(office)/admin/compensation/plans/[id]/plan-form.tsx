"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { useLocale, useT } from "@/app/_lib/i18n";
import type { MessageKey } from "@/server/i18n/messages";

/* eslint-disable @typescript-eslint/no-explicit-any -- a draft definition is any JSON until the server parses it */
type Def = Record<string, any>;
export type Issue = { path: string; message: string };
type Setter = (path: (string | number)[], value: unknown) => void;

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

const getIn = (def: Def, path: (string | number)[]) => path.reduce<any>((node, key) => (node == null ? undefined : node[key]), def);

/**
 * Typed text → number in the reader's conventions: pt-BR/es "1.250,5" (dot groups thousands,
 * comma before decimals), en "1,250.5". "" → null; anything else (including "12.5" in pt-BR) → NaN,
 * so the server names the field instead of the form guessing.
 */
function parseLocaleNumber(text: string, locale: string): number | null {
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
function toStored(text: string, scale: number, locale: string): number | string | null {
  const n = parseLocaleNumber(text, locale);
  if (n === null) return null;
  if (Number.isNaN(n)) return text;
  return Math.round(n * scale * 1e6) / 1e6;
}

function toText(value: unknown, scale: number, locale: string): string {
  if (typeof value === "number") return new Intl.NumberFormat(locale, { maximumFractionDigits: 6, useGrouping: false }).format(value / scale);
  if (typeof value === "string") return value;
  return "";
}

function Errors({ messages, id }: { messages?: string[]; id?: string }) {
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
function NumInput(props: { label: string; path: (string | number)[]; def: Def; set: Setter; errors: (p: (string | number)[]) => string[] | undefined; scale?: number; empty?: "delete" | "null" | "keep"; hint?: string; testId?: string; compact?: boolean }) {
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
function ListInput(props: { label: string; hint: string; path: (string | number)[]; def: Def; set: Setter; errors: (p: (string | number)[]) => string[] | undefined; allErrors: (prefix: string) => string[]; testId?: string }) {
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

function parseList(text: string, locale: string) {
  return text
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => toStored(s, 100, locale) ?? s);
}

function Select(props: { label: string; value: string; options: { value: string; label: string }[]; onChange: (v: string) => void; errors?: string[]; testId?: string }) {
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

function Check(props: { label: string; checked: boolean; onChange: (v: boolean) => void; testId?: string }) {
  return (
    <label className="flex items-center gap-2 text-sm text-slate-700">
      <input type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} data-testid={props.testId} className="h-4 w-4 rounded border-slate-300" />
      {props.label}
    </label>
  );
}

const BONUS_KEYS = ["unilevel", "binary", "matrix", "stairStep", "generation", "fastStart"] as const;
type BonusKey = (typeof BONUS_KEYS)[number];

function bonusDefaults(key: BonusKey, firstRank: string): Def {
  switch (key) {
    case "unilevel":
      return { levelsBp: [1000, 500], levelsByRank: {}, levelsWithoutRank: 2, compression: "dynamic", compressBelowRank: null, rollUp: false };
    case "binary":
      return { pctBp: 1000, pairing: "1:1", carryCap: null, payoutCap: null, inactiveCarry: "keep", minRank: null };
    case "matrix":
      return { width: 2, levelsBp: [500, 500, 500], compression: "none", minRank: null };
    case "stairStep":
      return { pctByRank: {}, breakawayRank: firstRank, includeOwnVolume: true, generationsBp: [300], generationsByRank: {} };
    case "generation":
      return { rank: firstRank, generationsBp: [500, 300], generationsByRank: {} };
    case "fastStart":
      return { levelsBp: [2000], requireActive: true };
  }
}

/**
 * The plan version form: general settings, the ranks table (add, remove, reorder, every
 * requirement) and each bonus toggled on or off with its parameters. Values are shown in points,
 * percent and currency units and stored in the plan's integer units (docs/plans.md). Validation is
 * the server's (on save), shown next to each field and listed above.
 */
export function PlanForm(props: { def: Def; name: string; onChange: (def: Def) => void; onName: (name: string) => void; issues: Issue[]; readOnly: boolean }) {
  const t = useT();
  const { def } = props;
  const set: Setter = (path, value) => props.onChange(setIn(def, path, value));
  const byPath = new Map<string, string[]>();
  for (const i of props.issues) byPath.set(i.path, [...(byPath.get(i.path) ?? []), i.message]);
  const errors = (p: (string | number)[]) => byPath.get(p.join("."));
  const allErrors = (prefix: string) => props.issues.filter((i) => i.path === prefix || i.path.startsWith(`${prefix}.`)).map((i) => i.message);
  const ladder: Def[] = Array.isArray(def.ranks?.ladder) ? def.ranks.ladder : [];
  const codes = ladder.map((r) => String(r?.code ?? ""));
  const rankOptions = [{ value: "", label: t("plansForm.noRank") }, ...codes.filter(Boolean).map((c) => ({ value: c, label: c }))];
  const saved = useRef<Partial<Record<BonusKey, Def>>>({});
  const num = (label: string, path: (string | number)[], extra: Partial<Parameters<typeof NumInput>[0]> = {}) => <NumInput label={label} path={path} def={def} set={set} errors={errors} {...extra} />;

  const rankName = (r: Def) => (typeof r?.name === "string" ? r.name : (r?.name?.["pt-BR"] ?? ""));
  const moveRank = (k: number, to: number) => {
    const next = [...ladder];
    const [row] = next.splice(k, 1);
    next.splice(to, 0, row!);
    set(["ranks", "ladder"], next);
  };

  const perRank = (label: string, path: (string | number)[], scale: number) => (
    <fieldset className="min-w-0">
      <legend className="text-sm font-medium text-slate-700">{label}</legend>
      {codes.filter(Boolean).length ? (
        <div className="mt-1 grid grid-cols-2 gap-2 sm:grid-cols-4">
          {codes.filter(Boolean).map((c) => (
            <div key={c} className="flex items-center gap-2">
              <span className="w-24 truncate font-mono text-xs text-slate-600" title={c}>
                {c}
              </span>
              <NumInput compact label={`${label}: ${c}`} path={[...path, c]} def={def} set={set} errors={errors} scale={scale} />
            </div>
          ))}
        </div>
      ) : (
        <p className="mt-1 text-xs text-slate-500">{t("plansForm.noRanks")}</p>
      )}
      <Errors messages={props.issues.filter((i) => i.path === path.join(".")).map((i) => i.message)} />
    </fieldset>
  );

  const bonusBody = (key: BonusKey) => {
    const p = ["bonuses", key];
    const b = getIn(def, p) as Def;
    switch (key) {
      case "unilevel":
        return (
          <div className="grid gap-4 sm:grid-cols-2">
            <ListInput label={t("plansForm.levelsPct")} hint={t("plansForm.levelsPctHint")} path={[...p, "levelsBp"]} def={def} set={set} errors={errors} allErrors={allErrors} testId="unilevel-levels" />
            {num(t("plansForm.levelsWithoutRank"), [...p, "levelsWithoutRank"])}
            <div className="sm:col-span-2">{perRank(t("plansForm.levelsByRank"), [...p, "levelsByRank"], 1)}</div>
            <Select label={t("plansForm.compression")} value={b.compression ?? "dynamic"} onChange={(v) => set([...p, "compression"], v)} options={["dynamic", "none"].map((v) => ({ value: v, label: t(`plansForm.compressions.${v}` as MessageKey) }))} errors={errors([...p, "compression"])} />
            <Select label={t("plansForm.compressBelowRank")} value={b.compressBelowRank ?? ""} onChange={(v) => set([...p, "compressBelowRank"], v || null)} options={rankOptions} errors={errors([...p, "compressBelowRank"])} />
            <Check label={t("plansForm.rollUp")} checked={Boolean(b.rollUp)} onChange={(v) => set([...p, "rollUp"], v)} />
          </div>
        );
      case "binary":
        return (
          <div className="grid gap-4 sm:grid-cols-3">
            {num(t("plansForm.pct"), [...p, "pctBp"], { scale: 100, empty: "keep", testId: "binary-pct" })}
            <Select label={t("plansForm.pairing")} value={b.pairing ?? "1:1"} onChange={(v) => set([...p, "pairing"], v)} options={["1:1", "2:1"].map((v) => ({ value: v, label: v }))} />
            <Select label={t("plansForm.minRank")} value={b.minRank ?? ""} onChange={(v) => set([...p, "minRank"], v || null)} options={rankOptions} errors={errors([...p, "minRank"])} />
            {num(t("plansForm.carryCap"), [...p, "carryCap"], { scale: 100, empty: "null", hint: t("plansForm.capHint") })}
            {num(t("plansForm.payoutCap"), [...p, "payoutCap"], { scale: 100, empty: "null", hint: t("plansForm.capHint") })}
            <Select label={t("plansForm.inactiveCarry")} value={b.inactiveCarry ?? "keep"} onChange={(v) => set([...p, "inactiveCarry"], v)} options={["keep", "accumulate", "flush"].map((v) => ({ value: v, label: t(`plansForm.inactiveCarries.${v}` as MessageKey) }))} />
          </div>
        );
      case "matrix":
        return (
          <div className="grid gap-4 sm:grid-cols-2">
            {num(t("plansForm.width"), [...p, "width"], { empty: "keep" })}
            <ListInput label={t("plansForm.levelsPct")} hint={t("plansForm.levelsPctHint")} path={[...p, "levelsBp"]} def={def} set={set} errors={errors} allErrors={allErrors} />
            <Select label={t("plansForm.compression")} value={b.compression ?? "none"} onChange={(v) => set([...p, "compression"], v)} options={["none", "dynamic"].map((v) => ({ value: v, label: t(`plansForm.compressions.${v}` as MessageKey) }))} />
            <Select label={t("plansForm.minRank")} value={b.minRank ?? ""} onChange={(v) => set([...p, "minRank"], v || null)} options={rankOptions} errors={errors([...p, "minRank"])} />
          </div>
        );
      case "stairStep":
        return (
          <div className="grid gap-4 sm:grid-cols-2">
            <div className="sm:col-span-2">{perRank(t("plansForm.pctByRank"), [...p, "pctByRank"], 100)}</div>
            <Select label={t("plansForm.breakawayRank")} value={b.breakawayRank ?? ""} onChange={(v) => set([...p, "breakawayRank"], v)} options={rankOptions} errors={errors([...p, "breakawayRank"])} />
            <Check label={t("plansForm.includeOwnVolume")} checked={b.includeOwnVolume !== false} onChange={(v) => set([...p, "includeOwnVolume"], v)} />
            <ListInput label={t("plansForm.generationsPct")} hint={t("plansForm.levelsPctHint")} path={[...p, "generationsBp"]} def={def} set={set} errors={errors} allErrors={allErrors} />
            <div className="sm:col-span-2">{perRank(t("plansForm.generationsByRank"), [...p, "generationsByRank"], 1)}</div>
          </div>
        );
      case "generation":
        return (
          <div className="grid gap-4 sm:grid-cols-2">
            <Select label={t("plansForm.generationRank")} value={b.rank ?? ""} onChange={(v) => set([...p, "rank"], v)} options={rankOptions} errors={errors([...p, "rank"])} />
            <ListInput label={t("plansForm.generationsPct")} hint={t("plansForm.levelsPctHint")} path={[...p, "generationsBp"]} def={def} set={set} errors={errors} allErrors={allErrors} />
            <div className="sm:col-span-2">{perRank(t("plansForm.generationsByRank"), [...p, "generationsByRank"], 1)}</div>
          </div>
        );
      case "fastStart":
        return (
          <div className="grid gap-4 sm:grid-cols-2">
            <ListInput label={t("plansForm.levelsPct")} hint={t("plansForm.levelsPctHint")} path={[...p, "levelsBp"]} def={def} set={set} errors={errors} allErrors={allErrors} />
            <Check label={t("plansForm.requireActive")} checked={b.requireActive !== false} onChange={(v) => set([...p, "requireActive"], v)} />
          </div>
        );
    }
  };

  return (
    <fieldset disabled={props.readOnly} className="min-w-0 space-y-6">
      <Card title={t("plansForm.general")}>
        <div className="grid gap-4 sm:grid-cols-3">
          <div className="sm:col-span-2">
            <label htmlFor="plan-name" className="block text-sm font-medium text-slate-700">
              {t("plansForm.name")}
            </label>
            <input id="plan-name" value={props.name} maxLength={120} onChange={(e) => props.onName(e.target.value)} data-testid="plan-name" className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
            <Errors messages={errors(["name"])} />
          </div>
          <div>
            <label htmlFor="plan-currency" className="block text-sm font-medium text-slate-700">
              {t("plansForm.currency")}
            </label>
            <input id="plan-currency" value={def.currency ?? ""} maxLength={3} onChange={(e) => set(["currency"], e.target.value.toUpperCase())} className={`mt-1 block w-full rounded-md border px-2 py-1.5 text-sm ${errors(["currency"]) ? "border-red-500" : "border-slate-300"}`} />
            <Errors messages={errors(["currency"])} />
          </div>
          {num(t("plansForm.minPv"), ["activity", "minPv"], { scale: 100 })}
          {num(t("plansForm.payoutMinimum"), ["payout", "minimum"], { scale: 100, hint: t("plansForm.payoutMinimumHint") })}
          {num(t("plansForm.minorUnitsPerPoint"), ["minorUnitsPerPoint"], { hint: t("plansForm.minorUnitsPerPointHint") })}
          <Select
            label={t("plansForm.legRankBasis")}
            value={def.ranks?.legRankBasis ?? "achieved"}
            onChange={(v) => set(["ranks", "legRankBasis"], v)}
            options={["achieved", "paidAs", "highest"].map((v) => ({ value: v, label: t(`plansForm.bases.${v}` as MessageKey) }))}
          />
          {num(t("plansForm.graceMonths"), ["ranks", "maintenance", "graceMonths"])}
        </div>
      </Card>

      <Card
        title={t("plansForm.ranks")}
        actions={
          props.readOnly ? undefined : (
            <Button variant="secondary" type="button" onClick={() => set(["ranks", "ladder", ladder.length], { code: "", name: "", requirements: {} })} data-testid="rank-add">
              {t("plansForm.addRank")}
            </Button>
          )
        }
      >
        <p className="mb-3 text-xs text-slate-500">{t("plansForm.ranksHint")}</p>
        {ladder.length === 0 ? (
          <p className="text-sm text-slate-500">{t("plansForm.noRanks")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[960px] text-sm">
              <thead>
                <tr className="text-left text-xs text-slate-500">
                  <th className="px-1 py-1">#</th>
                  <th className="px-1 py-1">{t("plansForm.code")}</th>
                  <th className="px-1 py-1">{t("plansForm.rankName")}</th>
                  <th className="px-1 py-1">{t("plansForm.pv")}</th>
                  <th className="px-1 py-1">{t("plansForm.gv")}</th>
                  <th className="px-1 py-1">{t("plansForm.gvMaxLeg")}</th>
                  <th className="px-1 py-1">{t("plansForm.maxLegShare")}</th>
                  <th className="px-1 py-1">{t("plansForm.activeFrontline")}</th>
                  <th className="px-1 py-1">{t("plansForm.legsWithRank")}</th>
                  <th className="px-1 py-1">{t("plansForm.monthsQualified")}</th>
                  <th className="px-1 py-1" />
                </tr>
              </thead>
              <tbody>
                {ladder.map((r, k) => {
                  const rp = ["ranks", "ladder", k];
                  const q = [...rp, "requirements"];
                  const code = String(r?.code ?? "");
                  const maxLeg = r?.requirements?.gvMaxLeg;
                  return (
                    <tr key={k} className="border-t border-slate-100 align-top" data-testid={`rank-row-${k}`}>
                      <td className="px-1 py-2 text-xs text-slate-500">{k + 1}</td>
                      <td className="w-28 px-1 py-1">
                        <input aria-label={`${t("plansForm.code")} ${k + 1}`} value={code} onChange={(e) => set([...rp, "code"], e.target.value)} data-testid={`rank-code-${k}`} className={`block w-full rounded-md border px-2 py-1.5 font-mono text-xs ${errors([...rp, "code"]) ? "border-red-500 bg-red-50" : "border-slate-300"}`} />
                        <Errors messages={errors([...rp, "code"])} />
                      </td>
                      <td className="w-36 px-1 py-1">
                        <input
                          aria-label={`${t("plansForm.rankName")} ${k + 1}`}
                          value={rankName(r)}
                          onChange={(e) => set(typeof r?.name === "object" && r.name ? [...rp, "name", "pt-BR"] : [...rp, "name"], e.target.value)}
                          className={`block w-full rounded-md border px-2 py-1.5 text-sm ${allErrors([...rp, "name"].join(".")).length ? "border-red-500" : "border-slate-300"}`}
                        />
                        <Errors messages={allErrors([...rp, "name"].join("."))} />
                      </td>
                      <td className="w-20 px-1 py-1">{num(`${t("plansForm.pv")} ${code}`, [...q, "pv"], { scale: 100, compact: true, testId: `rank-pv-${k}` })}</td>
                      <td className="w-24 px-1 py-1">{num(`${t("plansForm.gv")} ${code}`, [...q, "gv"], { scale: 100, compact: true })}</td>
                      <td className="w-24 px-1 py-1">
                        <NumInput
                          compact
                          label={`${t("plansForm.gvMaxLeg")} ${code}`}
                          path={[...q, "gvMaxLeg", "gv"]}
                          def={def}
                          errors={errors}
                          scale={100}
                          set={(path, v) => (v === undefined && !maxLeg?.maxLegShareBp ? set([...q, "gvMaxLeg"], undefined) : set(path, v ?? ""))}
                        />
                      </td>
                      <td className="w-20 px-1 py-1">
                        <NumInput compact label={`${t("plansForm.maxLegShare")} ${code}`} path={[...q, "gvMaxLeg", "maxLegShareBp"]} def={def} errors={errors} scale={100} set={(path, v) => (v === undefined && !maxLeg?.gv ? set([...q, "gvMaxLeg"], undefined) : set(path, v ?? ""))} />
                      </td>
                      <td className="w-20 px-1 py-1">{num(`${t("plansForm.activeFrontline")} ${code}`, [...q, "activeFrontline"], { compact: true })}</td>
                      <td className="w-36 px-1 py-1">
                        <LegsInput value={r?.requirements?.legsWithRank} onChange={(v) => set([...q, "legsWithRank"], v)} label={`${t("plansForm.legsWithRank")} ${code}`} placeholder={t("plansForm.legsWithRankHint")} errors={allErrors([...q, "legsWithRank"].join("."))} />
                      </td>
                      <td className="w-16 px-1 py-1">{num(`${t("plansForm.monthsQualified")} ${code}`, [...q, "monthsQualified"], { compact: true })}</td>
                      <td className="whitespace-nowrap px-1 py-1">
                        {props.readOnly ? null : (
                          <>
                            <button type="button" className="px-1 text-slate-500 hover:text-slate-800 disabled:opacity-30" disabled={k === 0} onClick={() => moveRank(k, k - 1)} aria-label={t("plansForm.moveUp", { code })}>
                              ↑
                            </button>
                            <button type="button" className="px-1 text-slate-500 hover:text-slate-800 disabled:opacity-30" disabled={k === ladder.length - 1} onClick={() => moveRank(k, k + 1)} aria-label={t("plansForm.moveDown", { code })}>
                              ↓
                            </button>
                            <button type="button" className="px-1 text-red-600 hover:text-red-800" onClick={() => set(["ranks", "ladder", k], undefined)} aria-label={t("plansForm.removeRank", { code })} data-testid={`rank-remove-${k}`}>
                              ✕
                            </button>
                          </>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      <Card title={t("plansForm.bonuses")}>
        <div className="space-y-4">
          {BONUS_KEYS.map((key) => {
            const on = def.bonuses?.[key] !== undefined;
            const label = t(`plansForm.bonusNames.${key}` as MessageKey);
            return (
              <section key={key} className={`rounded-md border p-4 ${on ? "border-slate-300 bg-white shadow-sm" : "border-slate-200 bg-slate-50"}`} data-testid={`bonus-${key}`}>
                <div className="flex items-center justify-between">
                  <h3 className="text-sm font-semibold text-slate-800">{label}</h3>
                  <Check
                    label={t("plansForm.enabled", { bonus: label })}
                    checked={on}
                    testId={`bonus-toggle-${key}`}
                    onChange={(v) => {
                      if (v) set(["bonuses", key], saved.current[key] ?? bonusDefaults(key, codes[0] ?? ""));
                      else {
                        saved.current[key] = def.bonuses?.[key];
                        set(["bonuses", key], undefined);
                      }
                    }}
                  />
                </div>
                {on ? <div className="mt-3">{bonusBody(key)}</div> : null}
                {on ? <Errors messages={props.issues.filter((i) => i.path === `bonuses.${key}`).map((i) => i.message)} /> : null}
              </section>
            );
          })}
        </div>
      </Card>
    </fieldset>
  );
}

/** "lider:2, executiva:1" ↔ [{ rank: "lider", legs: 2 }, …]; a malformed entry is kept for the server to name. */
function LegsInput(props: { value: unknown; onChange: (v: unknown) => void; label: string; placeholder: string; errors: string[] }) {
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
