import type { Metadata } from "next";
import Link from "next/link";
import { IncidentsTable, type IncidentFilters } from "@/app/_components/incidents/incidents-table";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { serverApi } from "@/server/trpc/request-context";
import { requirePermission } from "../_lib/require-permission";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("incidents.title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const KEYS = ["sla", "status", "priority", "category", "assignee", "requesterKind", "consultant", "q", "sort"] as const;

function Tile({ href, label, value, tone, testId }: { href: string; label: string; value: number; tone: string; testId: string }) {
  return (
    <Link href={href} className={`block rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 hover:ring-brand-400 ${tone}`} data-testid={`incidents-tile-${testId}`}>
      <div className="text-sm text-slate-600">{label}</div>
      <div className="mt-1 text-2xl font-semibold tabular-nums">{value}</div>
    </Link>
  );
}

/** The service desk: counts that open the filtered list, then the list itself. */
export default async function IncidentsPage({ searchParams }: Props) {
  await requirePermission("incidents.manage");
  const t = await getT();
  const sp = await searchParams;
  const initial: IncidentFilters = {};
  for (const k of KEYS) {
    const v = sp[k];
    if (typeof v === "string" && v.length <= 200) initial[k] = v;
  }
  const counts = await (await serverApi()).incidents.counts();
  // Links render the list fresh (a full navigation), so the table starts from the link's filters.
  const tiles = [
    { href: "/admin/incidents?status=active", label: t("incidents.dashboard.open"), value: counts.open, tone: "text-slate-900", testId: "open" },
    { href: "/admin/incidents?status=active&priority=critical", label: t("incidents.dashboard.critical"), value: counts.critical, tone: "text-red-700", testId: "critical" },
    { href: "/admin/incidents?status=active&sla=near_expiry", label: t("incidents.dashboard.nearExpiry"), value: counts.bySla.near_expiry, tone: "text-amber-700", testId: "near" },
    { href: "/admin/incidents?status=active&sla=expired", label: t("incidents.dashboard.expired"), value: counts.bySla.expired, tone: "text-red-700", testId: "expired" },
    { href: "/admin/incidents?status=active&assignee=none", label: t("incidents.dashboard.unassigned"), value: counts.unassigned, tone: "text-slate-900", testId: "unassigned" },
  ];
  return (
    <>
      <PageHeader
        title={t("incidents.title")}
        description={t("incidents.description")}
        actions={
          <div className="flex gap-2">
            <Link href="/admin/incidents/settings" className="rounded-md px-3.5 py-2 text-sm font-medium text-brand-700 ring-1 ring-brand-200 hover:bg-brand-50">
              {t("incidents.nav.settings")}
            </Link>
            <Link href="/admin/incidents/new" className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700" data-testid="incident-new-link">
              {t("incidents.list.newIncident")}
            </Link>
          </div>
        }
      />
      <div className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-5" data-testid="incidents-dashboard">
        {tiles.map((tile) => (
          <Tile key={tile.testId} {...tile} />
        ))}
      </div>
      <div className="mb-6 flex flex-wrap items-center gap-2 text-sm text-slate-600" data-testid="incidents-by-status">
        <span className="font-medium text-slate-700">{t("incidents.dashboard.byStatus")}:</span>
        {(["new", "open", "waiting", "resolved", "closed"] as const).map((s) => (
          <Link key={s} href={`/admin/incidents?status=${s}`} className="rounded-full bg-white px-2.5 py-0.5 ring-1 ring-slate-200 hover:ring-brand-400">
            {t(`incidents.status.${s}`)} <span className="font-semibold tabular-nums">{counts.byStatus[s] ?? 0}</span>
          </Link>
        ))}
      </div>
      <IncidentsTable key={JSON.stringify(initial)} initial={initial} />
    </>
  );
}
