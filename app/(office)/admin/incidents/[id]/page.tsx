import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PriorityBadge, StatusBadge } from "@/app/_components/incidents/badges";
import { LinkedFaqs } from "@/app/_components/knowledge/linked-faqs";
import { SlaClock } from "@/app/_components/incidents/sla-clock";
import { Timeline } from "@/app/_components/incidents/timeline";
import { Card, PageHeader } from "@/app/_components/ui/card";
import { getLocale, getT } from "@/server/i18n/server";
import { formatInstant } from "@/server/sla/format";
import { serverApi } from "@/server/trpc/request-context";
import { requirePermission } from "../../_lib/require-permission";
import { Attachments } from "@/app/_components/incidents/attachments";
import { IncidentControls, ReplyBox } from "./incident-controls";

type Props = { params: Promise<{ id: string }> };

async function load(raw: string) {
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : 0;
  if (!id) return null;
  try {
    return await (await serverApi()).incidents.get({ id });
  } catch (error) {
    if ((error as { code?: string }).code === "NOT_FOUND") return null;
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const d = await load((await params).id).catch(() => null);
  return { title: d ? `${d.number} · ${d.subject}` : (await getT())("incidents.title") };
}

export default async function IncidentPage({ params }: Props) {
  await requirePermission("incidents.manage");
  const d = await load((await params).id);
  if (!d) notFound();
  const t = await getT();
  const locale = await getLocale();
  const requester = `${d.requesterName} <${d.requesterEmail}>${d.requesterCode ? ` · ${d.requesterCode}` : ""}`;
  return (
    <>
      <PageHeader
        title={`${d.number} · ${d.subject}`}
        actions={
          <Link href="/admin/incidents" className="text-sm text-brand-700 hover:underline">
            ← {t("incidents.detail.back")}
          </Link>
        }
      />
      <div className="mb-6 flex flex-wrap items-center gap-2" data-testid="incident-header">
        <StatusBadge status={d.status} label={t(`incidents.status.${d.status as "new"}`)} />
        <PriorityBadge priority={d.priority} label={t(`incidents.priority.${d.priority as "low"}`)} />
        <span className="text-sm text-slate-600">{t(`incidents.category.${d.category as "general"}`)}</span>
      </div>
      <div className="grid gap-6 lg:grid-cols-[1fr_340px]">
        <div className="space-y-6">
          <Card>
            <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
              <div>
                <dt className="text-slate-500">{t("incidents.detail.requester")}</dt>
                <dd className="text-slate-900" data-testid="incident-requester">
                  {t(`incidents.requesterKind.${d.requesterKind as "contact"}`)}: {requester}
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("incidents.detail.concerns")}</dt>
                <dd className="text-slate-900">{d.concernsCode ? `${d.concernsName} · ${d.concernsCode}` : "—"}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("incidents.detail.createdAt")}</dt>
                <dd className="tabular-nums text-slate-900">{formatInstant(locale, d.createdAt, d.timeZone)}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("incidents.detail.source")}</dt>
                <dd className="text-slate-900">{t(`incidents.source.${d.source as "admin"}`)}</dd>
              </div>
            </dl>
            <h2 className="mt-5 text-sm font-medium text-slate-500">{t("incidents.detail.description")}</h2>
            <p className="mt-1 whitespace-pre-wrap text-sm text-slate-900" data-testid="incident-description">
              {d.description}
            </p>
          </Card>
          <Card title={t("incidentsTimeline.reply.title")}>
            <ReplyBox id={d.id} status={d.status as "new"} requesterEmail={d.requesterEmail} />
          </Card>
          <Card title={t("incidents.detail.timeline")}>
            <Timeline events={d.events} t={t} locale={locale} timeZone={d.timeZone} requesterName={d.requesterName} />
          </Card>
        </div>
        <div className="space-y-6">
          <Card title={t("incidents.list.sla")}>
            <SlaClock sla={d.sla} t={t} locale={locale} timeZone={d.timeZone} />
          </Card>
          <Card title={t("incidents.detail.controls")}>
            <IncidentControls id={d.id} status={d.status as "new"} priority={d.priority} category={d.category} assigneeUserId={d.assigneeUserId} />
          </Card>
          <Card title={t("incidents.detail.attachments")}>
            <Attachments incidentId={d.id} attachments={d.attachments} />
          </Card>
          {/* ── Linked FAQs (knowledge base, helper C2): C2 inserts its <LinkedFaqs incidentId={d.id} /> here. ── */}
          <section data-testid="incident-linked-faqs-slot" aria-label={t("incidents.detail.linkedFaqs")}>
            <LinkedFaqs incidentId={d.id} />
          </section>
        </div>
      </div>
    </>
  );
}
