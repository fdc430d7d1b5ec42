"use client";

import { useRef } from "react";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { useT } from "@/app/_lib/i18n";
import type { MessageKey } from "@/server/i18n/messages";
import { Check, type Def, Errors, getIn, LegsInput, ListInput, NumInput, Select, type Issue, type Setter, setIn } from "./plan-form-fields";

export type { Issue };

/* eslint-disable @typescript-eslint/no-explicit-any -- a draft definition is any JSON until the server parses it */
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
