"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card } from "@/app/_components/ui/card";
import { TextField } from "@/app/_components/ui/field";
import { SelectField } from "@/app/_components/ui/select-field";
import { useT } from "@/app/_lib/i18n";
import { fieldErrorsOf, useTRPC } from "@/app/_lib/trpc";

const PRIORITIES = ["low", "normal", "high", "critical"] as const;
const CATEGORIES = ["general", "orders", "payments", "commissions", "account", "site", "products"] as const;
const DAYS = ["1", "2", "3", "4", "5", "6", "0"] as const;
type Day = (typeof DAYS)[number];
type Policy = { id: number; priority: string; category: string | null; firstResponseMinutes: number; resolutionMinutes: number; nearExpiryPercent: number };
type Message = { kind: "error" | "success"; text: string } | null;

function PolicyRow({ policy, onDone }: { policy: Policy | null; onDone: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const [v, setV] = useState({
    priority: policy?.priority ?? "normal",
    category: policy?.category ?? "",
    first: String(policy?.firstResponseMinutes ?? 240),
    resolution: String(policy?.resolutionMinutes ?? 1440),
    near: String(policy?.nearExpiryPercent ?? 75),
  });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<Message>(null);
  const save = useMutation(trpc.incidents.savePolicy.mutationOptions());
  const del = useMutation(trpc.incidents.deletePolicy.mutationOptions());
  const num = (s: string) => (/^\d{1,7}$/.test(s.trim()) ? Number(s.trim()) : Number.NaN);

  function submit() {
    setErrors({});
    setMessage(null);
    save.mutate(
      {
        id: policy?.id ?? null,
        priority: v.priority as (typeof PRIORITIES)[number],
        category: (v.category || null) as (typeof CATEGORIES)[number] | null,
        firstResponseMinutes: num(v.first),
        resolutionMinutes: num(v.resolution),
        nearExpiryPercent: num(v.near),
      },
      {
        onSuccess: () => (setMessage({ kind: "success", text: t("incidentsSla.settings.saved") }), router.refresh(), onDone()),
        onError: (e) => (setErrors(fieldErrorsOf(e)), setMessage({ kind: "error", text: e.message })),
      },
    );
  }

  return (
    <div className="rounded-md p-3 ring-1 ring-slate-200" data-testid={`sla-policy-${policy?.id ?? "new"}`}>
      <div className="grid items-end gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <SelectField label={t("incidentsSla.settings.priority")} value={v.priority} onChange={(e) => setV({ ...v, priority: e.target.value })} options={PRIORITIES.map((p) => ({ value: p, label: t(`incidents.priority.${p}`) }))} errors={errors.priority} data-testid="policy-priority" />
        <SelectField
          label={t("incidentsSla.settings.category")}
          value={v.category}
          onChange={(e) => setV({ ...v, category: e.target.value })}
          options={[{ value: "", label: t("incidentsSla.settings.anyCategory") }, ...CATEGORIES.map((c) => ({ value: c, label: t(`incidents.category.${c}`) }))]}
          errors={errors.category}
          data-testid="policy-category"
        />
        <TextField label={t("incidentsSla.settings.firstResponse")} inputMode="numeric" value={v.first} onChange={(e) => setV({ ...v, first: e.target.value })} errors={errors.firstResponseMinutes} data-testid="policy-first" />
        <TextField label={t("incidentsSla.settings.resolution")} inputMode="numeric" value={v.resolution} onChange={(e) => setV({ ...v, resolution: e.target.value })} errors={errors.resolutionMinutes} data-testid="policy-resolution" />
        <TextField label={t("incidentsSla.settings.nearExpiry")} inputMode="numeric" value={v.near} onChange={(e) => setV({ ...v, near: e.target.value })} errors={errors.nearExpiryPercent} data-testid="policy-near" />
      </div>
      {message ? (
        <div className="mt-3" data-testid="policy-message">
          <Alert kind={message.kind}>{message.text}</Alert>
        </div>
      ) : null}
      <div className="mt-3 flex justify-end gap-2">
        {policy ? (
          <Button
            variant="ghost"
            disabled={del.isPending}
            onClick={() => del.mutate({ id: policy.id }, { onSuccess: () => router.refresh(), onError: (e) => setMessage({ kind: "error", text: e.message }) })}
            data-testid="policy-delete"
          >
            {t("incidentsSla.settings.delete")}
          </Button>
        ) : null}
        <Button disabled={save.isPending} onClick={submit} data-testid="policy-save">
          {policy ? t("incidentsSla.settings.save") : t("incidentsSla.settings.add")}
        </Button>
      </div>
    </div>
  );
}

export function PoliciesEditor({ policies }: { policies: Policy[] }) {
  const t = useT();
  const [adding, setAdding] = useState(0);
  return (
    <Card title={t("incidentsSla.settings.policies")}>
      <div className="space-y-3" data-testid="sla-policies">
        {policies.length === 0 ? <Alert>{t("incidentsSla.settings.noPolicies")}</Alert> : null}
        {policies.map((p) => (
          <PolicyRow key={`${p.id}-${p.firstResponseMinutes}-${p.resolutionMinutes}-${p.nearExpiryPercent}-${p.category}-${p.priority}`} policy={p} onDone={() => {}} />
        ))}
        <PolicyRow key={`new-${adding}`} policy={null} onDone={() => setAdding((n) => n + 1)} />
      </div>
    </Card>
  );
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
const minutesOf = (s: string) => {
  const m = /^(\d{1,2}):(\d{2})$/.exec(s);
  return m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
};

type Hours = Record<Day, Array<[number, number]>>;

export function CalendarForm({ timeZone, weeklyHours, holidays }: { timeZone: string; weeklyHours: Hours; holidays: { day: string; name: string }[] }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const [zone, setZone] = useState(timeZone);
  // One opening span per day on this form ("closed" when empty); lunch breaks can come by API.
  const [days, setDays] = useState<Record<Day, { open: boolean; from: string; to: string }>>(
    () => Object.fromEntries(DAYS.map((d) => [d, weeklyHours[d]?.[0] ? { open: true, from: hhmm(weeklyHours[d][0]![0]), to: weeklyHours[d][0]![1] >= 1440 ? "24:00" : hhmm(weeklyHours[d][0]![1]) } : { open: false, from: "09:00", to: "18:00" }])) as Record<Day, { open: boolean; from: string; to: string }>,
  );
  const [list, setList] = useState(holidays);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<Message>(null);
  const save = useMutation(trpc.incidents.saveCalendar.mutationOptions());
  const total = DAYS.reduce((sum, d) => sum + (days[d].open ? Math.max(0, minutesOf(days[d].to) - minutesOf(days[d].from)) : 0), 0);

  function submit() {
    setErrors({});
    setMessage(null);
    const hours = Object.fromEntries(DAYS.map((d) => [d, days[d].open ? [[minutesOf(days[d].from), minutesOf(days[d].to)]] : []])) as Hours;
    const bad = DAYS.find((d) => days[d].open && !(minutesOf(days[d].from) < minutesOf(days[d].to)));
    if (bad) {
      setErrors({ [`hours.${bad}`]: [t("incidentsSla.errors.hours")] });
      setMessage({ kind: "error", text: t("incidentsSla.errors.hours") });
      return;
    }
    save.mutate(
      { timeZone: zone.trim(), weeklyHours: hours, holidays: list },
      {
        onSuccess: () => (setMessage({ kind: "success", text: t("incidentsSla.settings.calendarSaved") }), router.refresh()),
        onError: (e) => (setErrors(fieldErrorsOf(e)), setMessage({ kind: "error", text: e.message })),
      },
    );
  }

  return (
    <Card title={t("incidentsSla.settings.calendar")}>
      <div className="space-y-5" data-testid="sla-calendar">
        <TextField className="max-w-sm" label={t("incidentsSla.settings.timeZone")} value={zone} maxLength={64} onChange={(e) => setZone(e.target.value)} errors={errors.timeZone} data-testid="calendar-zone" />
        <table className="text-sm">
          <thead>
            <tr className="text-left text-slate-500">
              <th className="py-1 pr-4 font-medium" />
              <th className="py-1 pr-4 font-medium">{t("incidentsSla.settings.opens")}</th>
              <th className="py-1 pr-4 font-medium">{t("incidentsSla.settings.closes")}</th>
            </tr>
          </thead>
          <tbody>
            {DAYS.map((d) => (
              <tr key={d} data-testid={`calendar-day-${d}`}>
                <td className="py-1 pr-4">
                  <label className="flex items-center gap-2">
                    <input type="checkbox" checked={days[d].open} onChange={(e) => setDays({ ...days, [d]: { ...days[d], open: e.target.checked } })} />
                    {t(`incidentsSla.settings.weekday.${d}`)}
                  </label>
                </td>
                {days[d].open ? (
                  <>
                    <td className="py-1 pr-4">
                      <input type="time" aria-label={`${t(`incidentsSla.settings.weekday.${d}`)} ${t("incidentsSla.settings.opens")}`} className="rounded-md border border-slate-300 px-2 py-1" value={days[d].from} onChange={(e) => setDays({ ...days, [d]: { ...days[d], from: e.target.value } })} aria-invalid={errors[`hours.${d}`] ? true : undefined} />
                    </td>
                    <td className="py-1 pr-4">
                      <input type="time" aria-label={`${t(`incidentsSla.settings.weekday.${d}`)} ${t("incidentsSla.settings.closes")}`} className="rounded-md border border-slate-300 px-2 py-1" value={days[d].to === "24:00" ? "23:59" : days[d].to} onChange={(e) => setDays({ ...days, [d]: { ...days[d], to: e.target.value } })} aria-invalid={errors[`hours.${d}`] ? true : undefined} />
                    </td>
                  </>
                ) : (
                  <td colSpan={2} className="py-1 pr-4 text-slate-400">
                    {t("incidentsSla.settings.closed")}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        <p className="text-xs text-slate-500">{t("incidentsSla.settings.weeklyTotal", { hours: Math.round((total / 60) * 10) / 10 })}</p>
        <div>
          <h3 className="mb-2 text-sm font-medium text-slate-700">{t("incidentsSla.settings.holidays")}</h3>
          <div className="space-y-2" data-testid="calendar-holidays">
            {list.map((h, i) => (
              <div key={i} className="flex flex-wrap items-end gap-2">
                <TextField type="date" label={t("incidentsSla.settings.holidayDate")} value={h.day} onChange={(e) => setList(list.map((x, j) => (j === i ? { ...x, day: e.target.value } : x)))} errors={errors[`holidays.${i}.day`]} />
                <TextField className="min-w-48 flex-1" label={t("incidentsSla.settings.holidayName")} value={h.name} maxLength={100} onChange={(e) => setList(list.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))} errors={errors[`holidays.${i}.name`]} />
                <Button variant="ghost" onClick={() => setList(list.filter((_, j) => j !== i))}>
                  {t("incidentsSla.settings.remove")}
                </Button>
              </div>
            ))}
            <Button variant="secondary" onClick={() => setList([...list, { day: "", name: "" }])} data-testid="calendar-add-holiday">
              {t("incidentsSla.settings.addHoliday")}
            </Button>
          </div>
        </div>
        {message ? (
          <div data-testid="calendar-message">
            <Alert kind={message.kind}>{message.text}</Alert>
          </div>
        ) : null}
        <div className="flex justify-end">
          <Button disabled={save.isPending} onClick={submit} data-testid="calendar-save">
            {t("incidentsSla.settings.saveCalendar")}
          </Button>
        </div>
      </div>
    </Card>
  );
}
