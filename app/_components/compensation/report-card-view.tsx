"use client";

import { Alert, Badge, Card } from "@/app/_components/ui/card";
import { useLocale, useT } from "@/app/_lib/i18n";
import type { RouterOutputs } from "@/app/_lib/trpc";
import { formatVolume } from "@/server/commerce/money";

type CardResult = RouterOutputs["compExplain"]["reportCard"];
type ReportCard = NonNullable<CardResult["card"]>;
type Requirement = ReportCard["requirements"][number];

function day(locale: string, iso: string) {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
}

/** The rank report card: last close's ranks, this period's live numbers, the next rank's requirements as progress bars. */
export function ReportCardView({ result, updatedAt }: { result: CardResult; updatedAt?: number }) {
  const t = useT();
  const locale = useLocale();
  if (result.state === "noPeriod") return <Alert>{t("compExplain.card.noPeriod")}</Alert>;
  if (result.state === "noPlan" || !result.card) return <Alert>{t("compExplain.card.noPlan")}</Alert>;
  const card = result.card;
  const vol = (v: number) => t("compExplain.card.units.volume", { value: formatVolume(v, locale) });
  const last = card.lastRun;
  return (
    <div className="space-y-6" data-testid="report-card">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-600">
        <span>
          <span className="font-medium text-slate-900">{card.consultant.name}</span> · {card.consultant.code}
        </span>
        <span>{t("compExplain.card.period", { code: card.period.code, from: day(locale, card.period.startsOn), to: day(locale, card.period.endsOn) })}</span>
        <span>{t("compExplain.card.plan", { name: card.plan.name, version: card.plan.version })}</span>
        {updatedAt ? <span className="text-slate-500">{t("compExplain.card.refreshed", { time: new Intl.DateTimeFormat(locale, { timeStyle: "short" }).format(updatedAt) })}</span> : null}
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={last ? t("compExplain.card.lastRun", { period: last.periodName }) : t("compExplain.card.lastRunNone")}>
          {last ? (
            <dl className="grid grid-cols-3 gap-3 text-sm" data-testid="last-run-ranks">
              {(
                [
                  ["paidAs", last.paidAsName],
                  ["achieved", last.achievedName],
                  ["highest", last.highestName],
                ] as const
              ).map(([k, v]) => (
                <div key={k}>
                  <dt className="text-slate-500">{t(`compExplain.card.${k}`)}</dt>
                  <dd className="mt-0.5 text-base font-semibold text-slate-900">{v ?? t("compExplain.card.none")}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="text-sm text-slate-600">{t("compExplain.card.noRunYet")}</p>
          )}
        </Card>
        <Card title={t("compExplain.card.liveNow")}>
          <div className="mb-3">
            {card.live.achieved ? <Badge tone="green">{t("compExplain.card.qualifiesAs", { rank: card.live.achieved.name })}</Badge> : <Badge tone="amber">{t("compExplain.card.qualifiesNone")}</Badge>}
          </div>
          <dl className="grid grid-cols-3 gap-3 text-sm" data-testid="live-numbers">
            <div>
              <dt className="text-slate-500">{t("compExplain.card.pv")}</dt>
              <dd className="mt-0.5 text-base font-semibold tabular-nums text-slate-900" data-testid="live-pv">{formatVolume(card.live.pv, locale)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("compExplain.card.gv")}</dt>
              <dd className="mt-0.5 text-base font-semibold tabular-nums text-slate-900" data-testid="live-gv">{formatVolume(card.live.gv, locale)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("compExplain.card.activeFrontline")}</dt>
              <dd className="mt-0.5 text-base font-semibold tabular-nums text-slate-900">
                {card.live.activeFrontline} / {card.live.frontline}
              </dd>
            </div>
          </dl>
          <p className="mt-3 text-xs text-slate-500">{t("compExplain.card.downline", { count: card.live.downline })}</p>
        </Card>
      </div>

      <LadderStrip ladder={card.ladder} achieved={card.live.achieved?.index ?? -1} />

      {card.next ? (
        <Card title={t("compExplain.card.next", { rank: card.next.name })}>
          <ul className="space-y-5" data-testid="requirements">
            {card.requirements.map((r, i) => (
              <RequirementBar key={`${r.kind}-${i}`} r={r} vol={vol} />
            ))}
          </ul>
        </Card>
      ) : (
        <Alert kind="success">{t("compExplain.card.top")}</Alert>
      )}
    </div>
  );
}

function LadderStrip({ ladder, achieved }: { ladder: ReportCard["ladder"]; achieved: number }) {
  return (
    <ol className="flex flex-wrap items-center gap-2 text-xs" aria-label="ladder">
      {ladder.map((r) => (
        <li key={r.code} className={`rounded-full px-3 py-1 ring-1 ${r.index <= achieved ? "bg-emerald-50 font-medium text-emerald-800 ring-emerald-200" : r.index === achieved + 1 ? "bg-brand-50 font-medium text-brand-700 ring-brand-200" : "bg-white text-slate-500 ring-slate-200"}`}>
          {r.name}
        </li>
      ))}
    </ol>
  );
}

function RequirementBar({ r, vol }: { r: Requirement; vol: (v: number) => string }) {
  const t = useT();
  const locale = useLocale();
  if (r.kind === "active") {
    return (
      <li data-testid="req-active">
        <Alert kind="error">{t("compExplain.card.req.activeBlocked")}</Alert>
      </li>
    );
  }
  const fmt = (v: number) => (r.unit === "volume" ? vol(v) : r.unit === "months" ? (v === 1 ? t("compExplain.card.units.monthsOne") : t("compExplain.card.units.months", { value: v })) : new Intl.NumberFormat(locale).format(v));
  const label =
    r.kind === "gvMaxLeg"
      ? t("compExplain.card.req.gvMaxLeg", { cap: vol(r.capPerLeg ?? 0) })
      : r.kind === "legsWithRank"
        ? t("compExplain.card.req.legsWithRank", { rank: r.rank?.name ?? "" })
        : t(`compExplain.card.req.${r.kind}`);
  // Whole percent, rounded down so a bar is full only when the requirement is met.
  const pct = r.required <= 0 ? 100 : Math.min(100, Math.floor((r.current * 100) / r.required));
  return (
    <li data-testid={`req-${r.kind}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span className="font-medium text-slate-800">{label}</span>
        <span className="tabular-nums text-slate-600">{t("compExplain.card.progress", { current: fmt(r.current), required: fmt(r.required) })}</span>
      </div>
      <div className="mt-1.5 h-2.5 w-full overflow-hidden rounded-full bg-slate-100" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
        <div className={`h-full rounded-full ${r.met ? "bg-emerald-500" : "bg-brand-500"}`} style={{ width: `${pct}%` }} />
      </div>
      <div className="mt-1 text-xs">
        {r.met ? (
          <span className="font-medium text-emerald-700">✓ {t("compExplain.card.met")}</span>
        ) : (
          <span className="font-medium text-amber-700" data-testid={`missing-${r.kind}`}>
            {t("compExplain.card.missing", { value: fmt(r.missing) })}
          </span>
        )}
        {r.kind === "gvMaxLeg" && !r.met ? <span className="ml-2 text-slate-500">{t("compExplain.card.req.gvMaxLegHint", { cap: vol(r.capPerLeg ?? 0) })}</span> : null}
      </div>
    </li>
  );
}
