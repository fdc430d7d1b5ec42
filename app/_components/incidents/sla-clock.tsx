import { SlaBadge } from "@/app/_components/incidents/badges";
import type { Locale } from "@/server/i18n/locales";
import type { Translate } from "@/server/i18n/translate";
import type { IncidentSla, SlaTarget } from "@/server/sla/derive";
import { formatInstant, formatMinutes } from "@/server/sla/format";

function Target({ title, target, doneKey, t, locale, timeZone, testId }: { title: string; target: SlaTarget; doneKey: "incidents.sla.respondedAt" | "incidents.sla.resolvedAt"; t: Translate; locale: Locale; timeZone: string; testId: string }) {
  const pct = Math.round(target.used * 100);
  const bar = target.state === "expired" ? "bg-red-500" : target.state === "near_expiry" ? "bg-amber-500" : target.state === "met" ? "bg-slate-400" : "bg-emerald-500";
  return (
    <div className="space-y-1.5" data-testid={`sla-${testId}`}>
      <div className="flex items-center justify-between gap-2">
        <span className="text-sm font-medium text-slate-700">{title}</span>
        <SlaBadge state={target.state} label={t(`incidents.sla.state.${target.state}`)} />
      </div>
      <div className="h-2 overflow-hidden rounded-full bg-slate-100" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.min(pct, 100)} aria-label={title}>
        <div className={`h-full ${bar}`} style={{ width: `${Math.min(pct, 100)}%` }} />
      </div>
      <div className="text-xs text-slate-600">
        {target.doneAt ? t(doneKey, { at: formatInstant(locale, target.doneAt, timeZone) }) : target.dueAt ? <span data-testid={`sla-${testId}-due`}>{t("incidents.sla.due", { at: formatInstant(locale, target.dueAt, timeZone) })}</span> : t("incidents.sla.pausedNote")}
      </div>
      <div className="text-xs text-slate-500">
        {t("incidents.sla.used", { percent: pct })} · {t("incidents.sla.businessTime", { time: `${formatMinutes(target.usedMinutes)} / ${formatMinutes(target.targetMinutes)}` })}
      </div>
    </div>
  );
}

/** The two SLA clocks of an incident, derived from its history as of this request. */
export function SlaClock({ sla, t, locale, timeZone }: { sla: IncidentSla; t: Translate; locale: Locale; timeZone: string }) {
  if (!sla.policy || !sla.firstResponse || !sla.resolution) return <p className="text-sm text-slate-600">{t("incidents.sla.noPolicy")}</p>;
  return (
    <div className="space-y-4" data-testid="sla-clock">
      {sla.paused ? <p className="rounded-md bg-slate-50 px-3 py-2 text-xs text-slate-700 ring-1 ring-slate-200">{t("incidents.sla.pausedNote")}</p> : null}
      <Target title={t("incidents.sla.firstResponse")} target={sla.firstResponse} doneKey="incidents.sla.respondedAt" t={t} locale={locale} timeZone={timeZone} testId="first-response" />
      <Target title={t("incidents.sla.resolution")} target={sla.resolution} doneKey="incidents.sla.resolvedAt" t={t} locale={locale} timeZone={timeZone} testId="resolution" />
      <p className="text-xs text-slate-500">{t("incidents.sla.timeZoneNote", { zone: timeZone })}</p>
    </div>
  );
}
