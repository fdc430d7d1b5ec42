"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { useDebounced } from "@/app/(office)/admin/_lib/use-debounced";
import { Alert, Badge } from "@/app/_components/ui/card";
import { DataTable } from "@/app/_components/ui/data-table";
import { TextField } from "@/app/_components/ui/field";
import { SelectField } from "@/app/_components/ui/select-field";
import { useLocale, useT } from "@/app/_lib/i18n";
import { useTRPC, type RouterOutputs } from "@/app/_lib/trpc";
import { PriorityBadge, SlaBadge, StatusBadge } from "./badges";

type Row = RouterOutputs["incidents"]["list"]["rows"][number];
const PAGE_SIZE = 25;
const STATUSES = ["new", "open", "waiting", "resolved", "closed"] as const;
const PRIORITIES = ["low", "normal", "high", "critical"] as const;
const CATEGORIES = ["general", "orders", "payments", "commissions", "account", "site", "products"] as const;
const SLA = ["on_track", "near_expiry", "expired", "met"] as const;

export type IncidentFilters = {
  sla?: string;
  status?: string;
  priority?: string;
  category?: string;
  assignee?: string;
  requesterKind?: string;
  consultant?: string;
  q?: string;
  sort?: string;
};

function clean(f: IncidentFilters) {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v)) as IncidentFilters;
}

/**
 * The staff list: every filter runs on the server (SLA state included, derived there), sorted by
 * the next due time by default. Filters live in the URL, so dashboard links and reloads keep them.
 */
export function IncidentsTable({ initial }: { initial: IncidentFilters }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const pathname = usePathname();
  const [f, setF] = useState<IncidentFilters>(initial);
  const [page, setPage] = useState(1);
  const q = useDebounced(f.q ?? "", 300);
  const consultant = useDebounced(f.consultant ?? "", 300);
  const assignees = useQuery(trpc.incidents.assignees.queryOptions());

  useEffect(() => {
    const params = new URLSearchParams(clean({ ...f, q, consultant }) as Record<string, string>);
    const next = params.size ? `${pathname}?${params}` : pathname;
    window.history.replaceState(null, "", next);
  }, [f.sla, f.status, f.priority, f.category, f.assignee, f.requesterKind, f.sort, q, consultant]); // eslint-disable-line react-hooks/exhaustive-deps

  const input = {
    page,
    pageSize: PAGE_SIZE,
    sla: (f.sla || null) as (typeof SLA)[number] | null,
    status: (f.status || null) as (typeof STATUSES)[number] | "active" | null,
    priority: (f.priority || null) as (typeof PRIORITIES)[number] | null,
    category: (f.category || null) as (typeof CATEGORIES)[number] | null,
    assignee: f.assignee || null,
    requesterKind: (f.requesterKind || null) as "consultant" | "customer" | "contact" | null,
    consultant: consultant.trim() || null,
    q: q.trim() || null,
    sort: (f.sort === "newest" ? "newest" : "due") as "due" | "newest",
  };
  const query = useQuery(trpc.incidents.list.queryOptions(input, { placeholderData: keepPreviousData }));
  const set = (patch: IncidentFilters) => (setF((old) => ({ ...old, ...patch })), setPage(1));
  // Times as the office reads them: the business calendar's time zone.
  const timeZone = query.data?.timeZone;
  const dt = (v: Date | string) => new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short", timeZone }).format(new Date(v));

  const columns = useMemo<ColumnDef<Row>[]>(
    () => [
      {
        id: "number",
        header: t("incidents.list.number"),
        cell: ({ row: { original: r } }) => (
          <Link href={`/admin/incidents/${r.id}`} className="whitespace-nowrap font-medium text-brand-700 hover:underline" data-testid={`incident-open-${r.number}`}>
            {r.number}
          </Link>
        ),
      },
      {
        id: "subject",
        header: t("incidents.list.subject"),
        cell: ({ row: { original: r } }) => (
          <div className="min-w-48">
            <div className="font-medium text-slate-900">{r.subject}</div>
            <div className="text-xs text-slate-500">
              {t(`incidents.category.${r.category as (typeof CATEGORIES)[number]}`)} · {t("incidents.list.createdAt")} {dt(r.createdAt)}
            </div>
          </div>
        ),
      },
      {
        id: "requester",
        header: t("incidents.list.requester"),
        cell: ({ row: { original: r } }) => (
          <div className="min-w-36">
            <div>{r.requesterName}</div>
            <div className="text-xs text-slate-500">
              {t(`incidents.requesterKind.${r.requesterKind as "consultant"}`)}
              {r.requesterCode ? ` · ${r.requesterCode}` : ""}
              {r.concernsCode && r.concernsCode !== r.requesterCode ? ` · ${t("incidents.list.consultant")}: ${r.concernsCode}` : ""}
            </div>
          </div>
        ),
      },
      { id: "priority", header: t("incidents.list.priority"), cell: ({ row: { original: r } }) => <PriorityBadge priority={r.priority} label={t(`incidents.priority.${r.priority as "low"}`)} /> },
      { id: "status", header: t("incidents.list.status"), cell: ({ row: { original: r } }) => <StatusBadge status={r.status} label={t(`incidents.status.${r.status as "new"}`)} /> },
      {
        id: "sla",
        header: `${t("incidents.list.sla")} · ${t("incidents.list.due")}`,
        cell: ({ row: { original: r } }) => (
          <div className="flex flex-col items-start gap-1 whitespace-nowrap">
            {r.sla.state ? (
              <div className="flex gap-1">
                <SlaBadge state={r.sla.state} label={t(`incidents.sla.state.${r.sla.state}`)} />
                {r.sla.paused ? <Badge>{t("incidents.sla.state.paused")}</Badge> : null}
              </div>
            ) : null}
            <span className="text-xs tabular-nums text-slate-600" data-testid="incident-due">
              {r.sla.nextDueAt ? dt(r.sla.nextDueAt) : "—"}
            </span>
          </div>
        ),
      },
      { id: "assignee", header: t("incidents.list.assignee"), cell: ({ row: { original: r } }) => r.assigneeName ?? <span className="text-slate-400">{t("incidents.list.unassigned")}</span> },
    ],
    [t, locale, timeZone], // eslint-disable-line react-hooks/exhaustive-deps
  );

  const any = Object.values(clean({ ...f, sort: undefined })).length > 0;
  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <TextField type="search" label={t("incidents.list.search")} value={f.q ?? ""} maxLength={200} onChange={(e) => set({ q: e.target.value })} data-testid="incidents-search" />
        <SelectField
          label={t("incidents.list.sla")}
          value={f.sla ?? ""}
          onChange={(e) => set({ sla: e.target.value })}
          options={[{ value: "", label: t("incidents.list.anySla") }, ...SLA.map((s) => ({ value: s, label: t(`incidents.sla.state.${s}`) }))]}
          data-testid="incidents-sla-filter"
        />
        <SelectField
          label={t("incidents.list.status")}
          value={f.status ?? ""}
          onChange={(e) => set({ status: e.target.value })}
          options={[{ value: "", label: t("incidents.list.anyStatus") }, { value: "active", label: t("incidents.list.activeStatuses") }, ...STATUSES.map((s) => ({ value: s, label: t(`incidents.status.${s}`) }))]}
          data-testid="incidents-status-filter"
        />
        <SelectField
          label={t("incidents.list.priority")}
          value={f.priority ?? ""}
          onChange={(e) => set({ priority: e.target.value })}
          options={[{ value: "", label: t("incidents.list.anyPriority") }, ...PRIORITIES.map((p) => ({ value: p, label: t(`incidents.priority.${p}`) }))]}
          data-testid="incidents-priority-filter"
        />
        <SelectField
          label={t("incidents.list.category")}
          value={f.category ?? ""}
          onChange={(e) => set({ category: e.target.value })}
          options={[{ value: "", label: t("incidents.list.anyCategory") }, ...CATEGORIES.map((c) => ({ value: c, label: t(`incidents.category.${c}`) }))]}
          data-testid="incidents-category-filter"
        />
        <SelectField
          label={t("incidents.list.assignee")}
          value={f.assignee ?? ""}
          onChange={(e) => set({ assignee: e.target.value })}
          options={[
            { value: "", label: t("incidents.list.anyAssignee") },
            { value: "none", label: t("incidents.list.unassigned") },
            ...(assignees.data ?? []).map((u) => ({ value: u.id, label: u.name })),
          ]}
          data-testid="incidents-assignee-filter"
        />
        <SelectField
          label={t("incidents.list.requesterKind")}
          value={f.requesterKind ?? ""}
          onChange={(e) => set({ requesterKind: e.target.value })}
          options={[{ value: "", label: t("incidents.list.anyRequester") }, ...(["consultant", "customer", "contact"] as const).map((k) => ({ value: k, label: t(`incidents.requesterKind.${k}`) }))]}
          data-testid="incidents-requester-filter"
        />
        <TextField label={t("incidents.list.consultantCode")} value={f.consultant ?? ""} maxLength={40} onChange={(e) => set({ consultant: e.target.value })} data-testid="incidents-consultant-filter" />
      </div>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <SelectField
          label={t("incidents.list.sortBy")}
          value={f.sort === "newest" ? "newest" : "due"}
          onChange={(e) => set({ sort: e.target.value === "newest" ? "newest" : "" })}
          options={[
            { value: "due", label: t("incidents.list.sortDue") },
            { value: "newest", label: t("incidents.list.sortNewest") },
          ]}
          data-testid="incidents-sort"
        />
        {any ? (
          <button type="button" className="text-sm text-brand-700 hover:underline" onClick={() => (setF({}), setPage(1))} data-testid="incidents-clear">
            {t("incidents.list.clear")}
          </button>
        ) : null}
      </div>
      {query.error ? <Alert kind="error">{query.error.message}</Alert> : null}
      <DataTable
        caption={t("incidents.list.caption")}
        columns={columns}
        rows={query.data?.rows ?? []}
        total={query.data?.total ?? 0}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={setPage}
        loading={query.isFetching}
        emptyText={t("incidents.list.empty")}
      />
    </div>
  );
}
