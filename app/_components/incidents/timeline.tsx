import { Badge } from "@/app/_components/ui/card";
import type { Locale } from "@/server/i18n/locales";
import type { Translate } from "@/server/i18n/translate";
import { formatInstant } from "@/server/sla/format";

type Event = { id: number; kind: string; public: boolean; body: string | null; fromValue: string | null; toValue: string | null; actorName: string | null; actorLabel: string | null; at: Date | string };
type T = Translate;

/** The incident's history, oldest first: who did what and when; bodies of replies and notes. */
export function Timeline({ events, t, locale, timeZone, requesterName }: { events: Event[]; t: T; locale: Locale; timeZone: string; requesterName: string }) {
  const label = (kind: string, value: string | null) => {
    if (value === null) return t("incidentsTimeline.event.nobody");
    if (kind === "status") return t(`incidents.status.${value as "new"}`);
    if (kind === "priority") return t(`incidents.priority.${value as "low"}`);
    if (kind === "category") return t(`incidents.category.${value as "general"}`);
    return value;
  };
  return (
    <ol className="space-y-4" data-testid="incident-timeline">
      {events.map((e) => {
        const actor = e.actorName ?? (e.actorLabel === "requester" ? requesterName : t("incidentsTimeline.event.system"));
        const kind = (["created", "reply", "requester_reply", "note", "status", "priority", "assignee", "category", "attachment"].includes(e.kind) ? e.kind : "note") as "note";
        const text = t(`incidentsTimeline.event.${kind}`, { actor, from: label(e.kind, e.fromValue), to: label(e.kind, e.toValue), name: e.body ?? "" });
        const boxed = e.kind === "reply" || e.kind === "note" || e.kind === "requester_reply";
        return (
          <li key={e.id} className="relative border-l-2 border-slate-200 pl-4" data-testid={`timeline-${e.kind}`}>
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span className="font-medium text-slate-800">{text}</span>
              {e.kind === "note" ? <Badge tone="amber">{t("incidentsTimeline.event.internal")}</Badge> : null}
              {e.kind === "reply" ? <Badge tone="blue">{t("incidentsTimeline.event.public")}</Badge> : null}
              <time className="text-xs text-slate-500 tabular-nums" dateTime={new Date(e.at).toISOString()}>
                {formatInstant(locale, e.at, timeZone)}
              </time>
            </div>
            {boxed && e.body ? (
              <div className={`mt-2 whitespace-pre-wrap rounded-md px-3 py-2 text-sm ${e.kind === "note" ? "bg-amber-50 text-amber-950 ring-1 ring-amber-200" : "bg-slate-50 text-slate-800 ring-1 ring-slate-200"}`}>{e.body}</div>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
