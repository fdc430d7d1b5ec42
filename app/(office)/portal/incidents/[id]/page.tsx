import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Attachments } from "@/app/_components/incidents/attachments";
import { StatusBadge } from "@/app/_components/incidents/badges";
import { PortalReply } from "@/app/_components/incidents/portal-incidents";
import { Timeline } from "@/app/_components/incidents/timeline";
import { Alert, Card, PageHeader } from "@/app/_components/ui/card";
import { getLocale, getT } from "@/server/i18n/server";
import { formatInstant } from "@/server/sla/format";
import { serverApi } from "@/server/trpc/request-context";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

async function load(raw: string) {
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : 0;
  if (!id) return null;
  try {
    return await (await serverApi()).incidents.myGet({ id });
  } catch (error) {
    if ((error as { code?: string }).code === "NOT_FOUND") return null;
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const d = await load((await params).id).catch(() => null);
  return { title: d ? `${d.number} · ${d.subject}` : (await getT())("incidents.portalTitle") };
}

export default async function MyIncidentPage({ params, searchParams }: Props) {
  const d = await load((await params).id);
  if (!d) notFound();
  const t = await getT();
  const locale = await getLocale();
  const created = (await searchParams).created === "1";
  return (
    <>
      <PageHeader
        title={`${d.number} · ${d.subject}`}
        actions={
          <Link href="/portal/incidents" className="text-sm text-brand-700 hover:underline">
            ← {t("incidents.detail.back")}
          </Link>
        }
      />
      {created ? (
        <div className="mb-6" data-testid="incident-created">
          <Alert kind="success">{t("incidents.form.created", { number: d.number })}</Alert>
        </div>
      ) : null}
      <div className="space-y-6">
        <Card>
          <div className="mb-3 flex flex-wrap items-center gap-3 text-sm text-slate-600">
            <StatusBadge status={d.status} label={t(`incidents.status.${d.status as "new"}`)} />
            <span>{t(`incidents.category.${d.category as "general"}`)}</span>
            <span className="tabular-nums">
              {t("incidents.detail.createdAt")}: {formatInstant(locale, d.createdAt, d.timeZone)}
            </span>
          </div>
          <p className="whitespace-pre-wrap text-sm text-slate-900" data-testid="incident-description">
            {d.description}
          </p>
        </Card>
        <Card title={t("incidents.detail.timeline")}>
          <Timeline events={d.events} t={t} locale={locale} timeZone={d.timeZone} requesterName={d.requesterName} />
        </Card>
        <Card title={t("incidents.detail.attachments")}>
          <Attachments incidentId={d.id} attachments={d.attachments} canUpload={d.status !== "closed"} />
        </Card>
        {d.status !== "closed" ? (
          <Card>
            <PortalReply id={d.id} />
          </Card>
        ) : (
          <Alert>{t("incidents.errors.closed")}</Alert>
        )}
      </div>
    </>
  );
}
