import type { Metadata } from "next";
import { Card, PageHeader, Stat } from "@/app/_components/ui/card";
import { ROLES } from "@/server/auth/permissions";
import { getLocale, getT } from "@/server/i18n/server";
import { serverApi } from "@/server/trpc/request-context";
import { formatMonth, formatNumber } from "./_lib/format";
import { requirePermission } from "./_lib/require-permission";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("admin.home.title") };
}

export default async function AdminHome() {
  await requirePermission("dashboard.read");
  const [t, locale, api] = await Promise.all([getT(), getLocale(), serverApi()]);
  const summary = await api.dashboard.summary();
  const n = (value: number) => formatNumber(locale, value);
  const { consultants, users } = summary;
  const peak = Math.max(1, ...summary.joinedByMonth.map((m) => m.count));

  return (
    <>
      <PageHeader title={t("admin.home.title")} description={t("admin.home.description")} />

      <section aria-labelledby="consultants-heading" className="mb-8">
        <h2 id="consultants-heading" className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500">
          {t("admin.home.consultants")}
        </h2>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Stat testId="active" label={t("admin.home.active")} value={n(consultants.active)} hint={t("admin.home.totalHint", { count: consultants.total })} />
          <Stat testId="new-this-month" label={t("admin.home.newThisMonth")} value={n(consultants.newThisMonth)} />
          <Stat testId="inactive" label={t("admin.home.inactive")} value={n(consultants.inactive)} />
          <Stat testId="terminated" label={t("admin.home.terminated")} value={n(consultants.terminated)} />
        </div>
      </section>

      <section aria-labelledby="team-heading" className="mb-8">
        <h2 id="team-heading" className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500">
          {t("admin.home.team")}
        </h2>
        <div className="grid gap-4 sm:grid-cols-3">
          <Stat testId="users-total" label={t("admin.home.totalUsers")} value={n(users.total)} />
          <Stat testId="users-active" label={t("admin.home.activeUsers")} value={n(users.active)} />
          <Stat testId="users-inactive" label={t("admin.home.inactiveUsers")} value={n(users.inactive)} />
        </div>
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("admin.home.joinedByMonth")}>
          {/* A real table, so screen readers get the figures; the bars are decoration. */}
          <table className="w-full text-sm" data-testid="joined-by-month">
            <thead className="sr-only">
              <tr>
                <th scope="col">{t("admin.home.month")}</th>
                <th scope="col">{t("admin.home.joined")}</th>
              </tr>
            </thead>
            <tbody>
              {summary.joinedByMonth.map((m) => (
                <tr key={m.month}>
                  <th scope="row" className="w-28 py-1.5 pr-3 text-left font-normal text-slate-600">
                    {formatMonth(locale, m.month)}
                  </th>
                  <td className="py-1.5">
                    <div className="flex items-center gap-2">
                      <div aria-hidden className="h-3 rounded-sm bg-brand-500" style={{ width: `${(m.count / peak) * 80}%`, minWidth: m.count ? 4 : 0 }} />
                      <span className="tabular-nums text-slate-800">{n(m.count)}</span>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>

        <Card title={t("admin.home.byRole")}>
          <dl className="divide-y divide-slate-100 text-sm" data-testid="users-by-role">
            {ROLES.map((role) => (
              <div key={role} className="flex items-center justify-between py-2">
                <dt className="text-slate-600">{t(`admin.roles.${role}`)}</dt>
                <dd className="font-medium tabular-nums text-slate-900" data-testid={`role-count-${role}`}>
                  {n(summary.activeUsersByRole[role])}
                </dd>
              </div>
            ))}
          </dl>
        </Card>
      </div>
    </>
  );
}
