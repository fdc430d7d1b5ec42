import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RfmCode, SegmentBadge, StateBadge } from "@/app/_components/customers/customer-badges";
import { Badge, Card, PageHeader, Stat } from "@/app/_components/ui/card";
import { formatMoney } from "@/server/commerce/money";
import { getLocale, getT } from "@/server/i18n/server";
import { serverApi } from "@/server/trpc/request-context";
import { formatDate, formatDateTime, formatNumber } from "../../_lib/format";
import { requirePermission } from "../../_lib/require-permission";
import { ReassignCustomer } from "./reassign";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("customers.profile.title") };
}

export default async function CustomerPage({ params }: Props) {
  await requirePermission("orders.manage");
  const raw = (await params).id;
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : 0;
  if (!id) notFound();
  const [t, locale, api] = await Promise.all([getT(), getLocale(), serverApi()]);
  const profile = await api.customers.get({ id }).catch((error) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return null;
    throw error;
  });
  if (!profile) notFound();
  const { customer: c, currency, thresholds } = profile;
  const money = (v: number) => formatMoney(v, currency, locale);
  const shortDate = (d: Date | null) => (d ? new Intl.DateTimeFormat(locale, { dateStyle: "short" }).format(d) : t("common.none"));
  const stateHelp = {
    prospect: t("customers.stateHelp.prospect"),
    active: t("customers.stateHelp.active", { days: thresholds.activeDays }),
    inactive: t("customers.stateHelp.inactive", { from: thresholds.activeDays, to: thresholds.lostDays }),
    lost: t("customers.stateHelp.lost", { days: thresholds.lostDays }),
  }[c.commercialState];
  const address = [c.addressLine, [c.postalCode, c.city, c.region].filter(Boolean).join(" "), c.country].filter(Boolean).join(" · ");

  return (
    <>
      <PageHeader title={c.fullName} description={`${t("customers.profile.title")} · ${c.email}`} />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={t("customers.profile.contact")}>
          <dl className="space-y-3 text-sm">
            <Field label={t("customers.profile.email")} value={c.email} />
            <Field label={t("customers.profile.phone")} value={c.phone ?? t("common.none")} />
            <Field label={t("customers.profile.address")} value={address || t("common.none")} />
            <Field label={t("customers.profile.since")} value={formatDate(locale, c.createdAt)} />
          </dl>
        </Card>

        <Card title={t("customers.profile.attribution")} className="lg:col-span-2">
          <div className="flex flex-wrap items-start justify-between gap-4">
            <div>
              <Link href={`/admin/network/${c.consultantId}`} className="text-base font-medium text-brand-700 hover:underline" data-testid="customer-consultant">
                {c.consultantName}
              </Link>{" "}
              <span className="text-sm text-slate-500">{c.consultantCode}</span>
              {c.consultantStatus === "terminated" ? (
                <span className="ml-2">
                  <Badge tone="red">{t("customers.profile.terminated")}</Badge>
                </span>
              ) : null}
              <p className="mt-2 max-w-prose text-sm text-slate-600">{t("customers.profile.attributionHelp")}</p>
            </div>
            <ReassignCustomer customer={{ id: c.id, fullName: c.fullName, consultantName: c.consultantName }} />
          </div>
          <h3 className="mt-5 text-sm font-medium text-slate-700">{t("customers.profile.history")}</h3>
          {profile.reassignments.length ? (
            <ul className="mt-2 space-y-1 text-sm text-slate-700" data-testid="customer-history">
              {profile.reassignments.map((h, i) => (
                <li key={i}>
                  <span className="text-slate-500">{formatDateTime(locale, h.at)}</span> —{" "}
                  {t("customers.profile.historyLine", { from: `${h.fromName} (${h.fromCode})`, to: `${h.toName} (${h.toCode})`, actor: h.actorName ?? t("common.none"), reason: h.reason })}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-slate-500">{t("customers.profile.noHistory")}</p>
          )}
        </Card>

        <Card title={t("customers.profile.purchases")} className="lg:col-span-3">
          <div className="grid gap-6 md:grid-cols-2">
            <dl className="space-y-3 text-sm">
              <div>
                <dt className="text-slate-500">{t("customers.profile.state")}</dt>
                <dd className="mt-1 flex items-center gap-2">
                  <StateBadge state={c.commercialState} /> <span className="text-slate-600">{stateHelp}</span>
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("customers.profile.segment")}</dt>
                <dd className="mt-1 flex items-center gap-2">
                  <SegmentBadge segment={c.segment} /> <span className="text-slate-600">{t(`customers.segmentHelp.${c.segment}`)}</span>
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("customers.profile.scores")}</dt>
                <dd className="mt-1">
                  {c.rfm ? (
                    <span className="text-slate-700">
                      {t("customers.profile.recency")} <strong>{c.rfm.r}</strong> · {t("customers.profile.frequency")} <strong>{c.rfm.f}</strong> · {t("customers.profile.monetary")}{" "}
                      <strong>{c.rfm.m}</strong> <span className="ml-1 text-slate-400">(<RfmCode rfm={c.rfm} />)</span>
                    </span>
                  ) : (
                    <span className="text-slate-400">{t("common.none")}</span>
                  )}
                </dd>
              </div>
            </dl>
            <div className="grid grid-cols-2 gap-3">
              <Stat label={t("customers.profile.ordersCount")} value={formatNumber(locale, c.ordersCount)} testId="customer-orders" />
              <Stat label={t("customers.profile.totalSpent")} value={money(c.totalSpent)} testId="customer-spent" />
              <Stat label={t("customers.profile.firstOrder")} value={shortDate(c.firstOrderAt)} />
              <Stat label={t("customers.profile.lastOrder")} value={shortDate(c.lastOrderAt)} />
            </div>
          </div>
        </Card>

        <Card title={t("customers.profile.byStatus")}>
          {profile.ordersByStatus.length ? (
            <ul className="space-y-1.5 text-sm">
              {profile.ordersByStatus.map((s) => (
                <li key={s.status} className="flex justify-between gap-3">
                  <span>{t(`commerce.status.${s.status}`)}</span>
                  <span className="tabular-nums text-slate-600">
                    {formatNumber(locale, s.count)} · {money(s.total)}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-500">{t("customers.profile.noOrders")}</p>
          )}
        </Card>

        <Card title={t("customers.profile.recentOrders")} className="lg:col-span-2">
          {profile.recentOrders.length ? (
            <table className="min-w-full text-sm">
              <thead>
                <tr className="text-left text-slate-500">
                  <th className="py-1.5 pr-4 font-medium">{t("customers.profile.orderColumns.number")}</th>
                  <th className="py-1.5 pr-4 font-medium">{t("customers.profile.orderColumns.date")}</th>
                  <th className="py-1.5 pr-4 font-medium">{t("customers.profile.orderColumns.status")}</th>
                  <th className="py-1.5 text-right font-medium">{t("customers.profile.orderColumns.total")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {profile.recentOrders.map((o) => (
                  <tr key={o.id}>
                    <td className="py-1.5 pr-4 font-mono text-xs">
                      <Link href={`/admin/orders/${o.id}`} className="text-brand-700 hover:underline">
                        {o.number}
                      </Link>
                    </td>
                    <td className="py-1.5 pr-4">{formatDate(locale, o.createdAt)}</td>
                    <td className="py-1.5 pr-4">{t(`commerce.status.${o.status}`)}</td>
                    <td className="py-1.5 text-right tabular-nums">{formatMoney(o.total, o.currency, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="text-sm text-slate-500">{t("customers.profile.noOrders")}</p>
          )}
        </Card>
      </div>
      <Link href="/admin/customers" className="mt-6 inline-block text-sm text-brand-700 hover:underline">
        {t("customers.profile.back")}
      </Link>
    </>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="mt-0.5 break-words text-slate-900">{value}</dd>
    </div>
  );
}
