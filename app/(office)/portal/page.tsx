import Link from "next/link";
import { Badge, Card, PageHeader, Stat } from "@/app/_components/ui/card";
import { formatVolume } from "@/server/commerce/money";
import { getLocale, getT } from "@/server/i18n/server";
import { serverApi } from "@/server/trpc/request-context";

const statusTone = { active: "green", inactive: "amber", terminated: "red" } as const;

export default async function PortalHome() {
  const [api, t, locale] = [await serverApi(), await getT(), await getLocale()];
  const [me, volumes] = await Promise.all([api.portal.home(), api.orders.myVolumes()]);
  const joined = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${me.joinedAt}T00:00:00Z`));
  return (
    <>
      <PageHeader title={t("portal.hello", { name: me.fullName })} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label={t("portal.code")} value={<span data-testid="my-code">{me.code}</span>} />
        <Stat label={t("portal.status")} value={<Badge tone={statusTone[me.status]}>{t(`common.status.${me.status}`)}</Badge>} />
        <Stat label={t("portal.rank")} value={me.rank ?? <span className="text-base font-normal text-slate-500">{t("portal.noRank")}</span>} />
        <Stat label={t("portal.directDownline")} value={<span data-testid="direct-downline">{me.directDownline}</span>} />
      </div>
      <section className="mt-6" aria-labelledby="my-volumes" data-testid="my-volumes">
        <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="my-volumes" className="text-base font-semibold text-slate-900">
            {t("orders.volumes.title")}
          </h2>
          <span className="text-sm text-slate-500">{volumes.period ? t("orders.volumes.period", { period: volumes.period.name }) : t("orders.volumes.noPeriod")}</span>
        </div>
        <div className="grid gap-4 sm:grid-cols-3">
          <Stat label={t("orders.volumes.pv")} testId="pv" value={formatVolume(volumes.pv, locale)} />
          <Stat label={t("orders.volumes.cv")} testId="cv" value={formatVolume(volumes.cv, locale)} />
          <Stat label={t("orders.volumes.gv")} testId="gv" value={formatVolume(volumes.gv, locale)} />
        </div>
        <p className="mt-2 text-xs text-slate-500">{t("orders.volumes.help")}</p>
      </section>
      <div className="mt-6 grid gap-4 lg:grid-cols-2">
        <Card title={t("portal.sponsor")}>
          {me.sponsor ? (
            <p data-testid="my-sponsor">
              {me.sponsor.fullName} <span className="text-slate-500">· {me.sponsor.code}</span>
            </p>
          ) : (
            <p className="text-slate-600">{t("portal.noSponsor")}</p>
          )}
          <p className="mt-3 text-sm text-slate-600">
            {t("portal.joinedAt")}: {joined}
          </p>
        </Card>
        <Card title={t("portal.mySite")}>
          <Link href="/portal/site" className="text-brand-700 hover:underline">
            {t("portal.siteTitle")} →
          </Link>
        </Card>
      </div>
    </>
  );
}
