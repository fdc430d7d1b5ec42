import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge, Card, PageHeader } from "@/app/_components/ui/card";
import { getLocale, getT } from "@/server/i18n/server";
import { serverApi } from "@/server/trpc/request-context";
import { formatNumber } from "../../_lib/format";
import { requirePermission } from "../../_lib/require-permission";
import { formatDay } from "../format-day";
import { CampaignCatalogue } from "./campaign-catalogue";
import { ClosePeriodButton } from "./close-period-button";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("periods.title") };
}

export default async function PeriodPage({ params }: Props) {
  await requirePermission("orders.manage");
  const raw = (await params).id;
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : 0;
  if (!id) notFound();
  const [t, locale, api] = await Promise.all([getT(), getLocale(), serverApi()]);
  const period = await api.periods.get({ id }).catch((error) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return null;
    throw error;
  });
  if (!period) notFound();
  const dates = t("periods.datesRange", { from: formatDay(locale, period.startsOn), to: formatDay(locale, period.endsOn) });
  return (
    <>
      <PageHeader
        title={period.name}
        description={`${t(`periods.kinds.${period.kind}`)} · ${period.code} · ${dates}`}
        actions={period.status === "open" ? <ClosePeriodButton period={{ id: period.id, name: period.name, endsOn: period.endsOn }} /> : undefined}
      />
      <div className="space-y-6">
        <Card title={t("periods.detail.summary")}>
          <dl className="grid gap-4 text-sm sm:grid-cols-4">
            <div>
              <dt className="text-slate-500">{t("periods.kind")}</dt>
              <dd className="mt-1">
                <Badge tone={period.kind === "campaign" ? "blue" : "slate"}>{t(`periods.kinds.${period.kind}`)}</Badge>
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("periods.columns.dates")}</dt>
              <dd className="mt-1 tabular-nums">{dates}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("periods.status")}</dt>
              <dd className="mt-1" data-testid="period-status">
                <Badge tone={period.status === "open" ? "green" : "amber"}>{t(`periods.statuses.${period.status}`)}</Badge>
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("periods.detail.orders")}</dt>
              <dd className="mt-1 tabular-nums">{formatNumber(locale, period.orderCount)}</dd>
            </div>
          </dl>
          {period.status === "closed" ? <p className="mt-4 text-sm text-amber-800">{t("periods.detail.closedNote")}</p> : null}
        </Card>
        <Card title={t("periods.detail.catalogueTitle")}>
          {period.kind === "campaign" ? (
            <CampaignCatalogue periodId={period.id} initial={period.productIds} readOnly={period.status === "closed"} />
          ) : (
            <p className="text-sm text-slate-600">{t("periods.detail.monthCatalogue")}</p>
          )}
        </Card>
        <Link href="/admin/periods" className="inline-block text-sm text-brand-700 hover:underline">
          {t("periods.detail.back")}
        </Link>
      </div>
    </>
  );
}
