"use client";

import { Alert, Badge } from "@/app/_components/ui/card";
import { useLocale, useT } from "@/app/_lib/i18n";
import type { RouterOutputs } from "@/app/_lib/trpc";
import { currencyDigits, formatMoney, formatVolume } from "@/server/commerce/money";
import type { MessageKey } from "@/server/i18n/messages";

export type Explanation = RouterOutputs["compExplain"]["explainLine"];

/**
 * An exact amount of `numerator / 1,000,000` minor units, as money with every digit it has (up to
 * six more than the currency's): the value before rounding. BigInt all the way, no float.
 */
export function formatExactMoney(numerator: string, currency: string, locale: string) {
  const digits = currencyDigits(currency);
  const scale = 6 + digits;
  let n = BigInt(numerator);
  const negative = n < 0n;
  if (negative) n = -n;
  const unit = 10n ** BigInt(scale);
  const whole = (n / unit).toString();
  let frac = (n % unit).toString().padStart(scale, "0");
  while (frac.length > digits && frac.endsWith("0")) frac = frac.slice(0, -1);
  const decimal = `${negative ? "-" : ""}${whole}${frac ? `.${frac}` : ""}`;
  // Intl formats a decimal string exactly (no float step), as formatMoney does.
  return new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: scale }).format(decimal as unknown as number);
}

/** Basis points as a percentage: 1000 → "10 %", 125 → "1,25 %". */
export function formatBp(bp: number, locale: string) {
  const decimal = `${Math.trunc(bp / 100)}.${String(Math.abs(bp % 100)).padStart(2, "0")}`;
  return new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(`${decimal}E-2` as unknown as number);
}

const BONUS_KEYS = ["unilevel", "binary", "matrix", "stair_step", "breakaway_override", "generation", "fast_start", "payout_held", "payout_released", "adjustment", "clawback"] as const;

export function useBonusLabel() {
  const t = useT();
  return (bonus: string) => ((BONUS_KEYS as readonly string[]).includes(bonus) ? t(`compExplain.bonus.${bonus as (typeof BONUS_KEYS)[number]}`) : bonus);
}

/** "Why was I paid this?": the same explanation for the consultant (portal) and staff (admin). */
export function LineExplanation({ e, mode }: { e: Explanation; mode: "portal" | "admin" }) {
  const t = useT();
  const locale = useLocale();
  const bonusLabel = useBonusLabel();
  const cur = e.run.currency;
  const money = (minor: number) => formatMoney(minor, cur, locale);
  const exact = (num: string) => formatExactMoney(num, cur, locale);
  const pts = (v: number) => t("compExplain.card.units.volume", { value: formatVolume(v, locale) });
  const ruleKey = `compExplain.explain.rules.${e.line.rule.replace(/\./g, "_")}` as MessageKey;
  const ruleText = t(ruleKey);
  const a = e.arithmetic;
  const self = e.source && e.source.id === e.earner.id;
  const whom = mode === "admin" ? e.earner.name : t("compExplain.explain.you");
  const levelText =
    e.line.level > 0
      ? e.line.bonus === "unilevel"
        ? t("compExplain.explain.level", { level: e.line.level })
        : e.line.bonus === "generation" || e.line.bonus === "breakaway_override"
          ? t("compExplain.explain.generation", { level: e.line.level })
          : e.line.bonus === "stair_step"
            ? null
            : t("compExplain.explain.levelPlain", { level: e.line.level })
      : null;

  return (
    <div className="space-y-4 text-sm text-slate-800" data-testid="line-explanation">
      <div>
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone="blue">{bonusLabel(e.line.bonus)}</Badge>
          <span className="text-base font-semibold text-slate-900" data-testid="explain-headline">
            {t("compExplain.explain.paid", { earner: mode === "admin" ? `${e.earner.name} (${e.earner.code})` : e.earner.name, amount: money(e.line.amount) })}
          </span>
        </div>
        <p className="mt-1 text-xs text-slate-500">
          {t("compExplain.explain.periodRun", { period: e.run.periodName, run: String(e.run.id), status: t(`compExplain.explain.statuses.${e.run.status as "published"}`), plan: e.run.planName, version: e.run.planVersion })}
        </p>
      </div>

      <ul className="list-disc space-y-1 pl-5">
        {e.source ? <li data-testid="explain-source">{self ? t("compExplain.explain.sourceSelf") : t("compExplain.explain.source", { name: e.source.name, code: e.source.code })}</li> : null}
        {levelText ? <li>{levelText}</li> : null}
        {e.line.rank ? <li>{t("compExplain.explain.rank", { rank: e.line.rank.name })}</li> : null}
        {e.groupHead ? <li>{t("compExplain.explain.groupHead", { name: e.groupHead.name, code: e.groupHead.code })}</li> : null}
        {e.rolledUpFrom ? <li>{t("compExplain.explain.rolledUp", { name: e.rolledUpFrom.name, code: e.rolledUpFrom.code })}</li> : null}
        {e.stairStep ? <li>{t("compExplain.explain.stairStep", { rankPct: formatBp(e.stairStep.rankPctBp, locale), below: formatBp(e.stairStep.paidBelowBp, locale), pct: formatBp(e.line.pctBp, locale) })}</li> : null}
        {e.binary ? (
          <li>
            {t("compExplain.explain.binary", {
              left: pts(e.binary.legLeft),
              carryLeft: pts(e.binary.carryInLeft),
              right: pts(e.binary.legRight),
              carryRight: pts(e.binary.carryInRight),
              paired: pts(e.binary.paired),
              pairing: e.binary.pairing,
              outLeft: pts(e.binary.carryOutLeft),
              outRight: pts(e.binary.carryOutRight),
            })}
          </li>
        ) : null}
        {e.payout ? <li>{e.line.bonus === "payout_held" ? t("compExplain.explain.payoutHeld", { minimum: money(e.payout.minimum) }) : t("compExplain.explain.payoutReleased", { pending: money(e.payout.pendingIn), minimum: money(e.payout.minimum) })}</li> : null}
        {e.adjustment ? (
          <li>
            {t("compExplain.explain.adjustment", { reason: e.adjustment.reason })}
            {e.adjustment.by ? <span className="text-slate-500"> · {t("compExplain.explain.adjustmentBy", { name: e.adjustment.by })}</span> : null}
          </li>
        ) : null}
        {e.clawback ? (
          <li>
            {t("compExplain.explain.clawback", {
              order: e.clawback.orderNumber ?? `#${e.clawback.returnId}`,
              period: e.clawback.originalPeriodCode ?? "—",
              original: e.clawback.originalAmount === null ? "—" : money(e.clawback.originalAmount),
              returned: formatVolume(e.clawback.returnedCv, locale),
              sourceCv: formatVolume(e.clawback.sourceCv, locale),
            })}
          </li>
        ) : null}
      </ul>

      {e.compression ? (
        <div className="rounded-md bg-amber-50 px-4 py-3 ring-1 ring-amber-200" data-testid="explain-compression">
          {e.compression.listed ? (
            <>
              <p>{t("compExplain.explain.compressed", { count: e.compression.count, source: e.source?.name ?? "", earner: whom })}</p>
              <ul className="mt-1 list-disc pl-5">
                {e.compression.skipped.map((s) => (
                  <li key={s.id}>
                    {s.name} ({s.code}) —{" "}
                    {s.reason === "belowMinPv"
                      ? t("compExplain.explain.skipReason.belowMinPv", { pv: formatVolume(s.pv, locale) })
                      : s.reason === "belowRank"
                        ? t("compExplain.explain.skipReason.belowRank", { rank: e.compression?.belowRank?.name ?? "" })
                        : t("compExplain.explain.skipReason.inactive")}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t("compExplain.explain.compressedNoList", { count: e.compression.count, earner: whom })}</p>
          )}
        </div>
      ) : null}

      <p>
        <span className="font-medium">{t("compExplain.explain.rule")}:</span> {ruleText}
      </p>

      {a ? (
        <div>
          <h3 className="mb-1 font-semibold text-slate-900">{t("compExplain.explain.arithmetic")}</h3>
          <table className="w-full max-w-2xl text-sm" data-testid="explain-arithmetic">
            <tbody className="divide-y divide-slate-100">
              <tr>
                <td className="py-1.5 pr-4 text-slate-600">{t("compExplain.explain.base")}</td>
                <td className="py-1.5 pr-4">{t("compExplain.explain.baseValue", { volume: formatVolume(a.baseVolume, locale), rate: money(a.minorUnitsPerPoint) })}</td>
                <td className="whitespace-nowrap py-1.5 text-right tabular-nums">{exact((BigInt(a.baseVolume) * BigInt(a.minorUnitsPerPoint) * 10_000n).toString())}</td>
              </tr>
              <tr>
                <td className="py-1.5 pr-4 text-slate-600">{t("compExplain.explain.exact")}</td>
                <td className="py-1.5 pr-4">{t("compExplain.explain.pct", { pct: formatBp(a.pctBp, locale) })}</td>
                <td className="whitespace-nowrap py-1.5 text-right tabular-nums" data-testid="explain-exact">{exact(a.exactNumerator)}</td>
              </tr>
              <tr>
                <td className="py-1.5 pr-4 text-slate-600">{t("compExplain.explain.rounding")}</td>
                <td className="py-1.5 pr-4" />
                <td className="whitespace-nowrap py-1.5 text-right tabular-nums" data-testid="explain-rounding">
                  {BigInt(a.roundingRemainder) === 0n ? money(0) : `${BigInt(a.roundingRemainder) > 0n ? "−" : "+"} ${exact(BigInt(a.roundingRemainder) < 0n ? (-BigInt(a.roundingRemainder)).toString() : a.roundingRemainder)}`}
                </td>
              </tr>
              {a.capCut !== 0 ? (
                <>
                  <tr>
                    <td className="py-1.5 pr-4 text-slate-600">{t("compExplain.explain.rounded")}</td>
                    <td className="py-1.5 pr-4" />
                    <td className="whitespace-nowrap py-1.5 text-right tabular-nums">{money(a.rounded)}</td>
                  </tr>
                  <tr>
                    <td className="py-1.5 pr-4 text-slate-600">{t("compExplain.explain.capCut")}</td>
                    <td className="py-1.5 pr-4" />
                    <td className="whitespace-nowrap py-1.5 text-right tabular-nums">− {money(a.capCut)}</td>
                  </tr>
                </>
              ) : null}
              <tr className="font-semibold text-slate-900">
                <td className="py-1.5 pr-4">{t("compExplain.explain.amount")}</td>
                <td className="py-1.5 pr-4" />
                <td className="whitespace-nowrap py-1.5 text-right tabular-nums" data-testid="explain-amount">{money(e.line.amount)}</td>
              </tr>
            </tbody>
          </table>
          <div className="mt-2">{a.sumsUp ? <p className="text-xs text-emerald-700">✓ {t("compExplain.explain.sumsUp")}</p> : <Alert kind="error">{t("compExplain.explain.sumsUpFail")}</Alert>}</div>
        </div>
      ) : null}
    </div>
  );
}
