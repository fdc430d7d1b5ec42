import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { serverApi } from "@/server/trpc/request-context";
import { requirePermission } from "../../_lib/require-permission";
import { CalendarForm, PoliciesEditor } from "./sla-settings-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("incidentsSla.settings.title") };
}

export default async function SlaSettingsPage() {
  await requirePermission("incidents.manage");
  const t = await getT();
  const s = await (await serverApi()).incidents.slaSettings();
  return (
    <>
      <PageHeader
        title={t("incidentsSla.settings.title")}
        description={t("incidentsSla.settings.description")}
        actions={
          <Link href="/admin/incidents" className="text-sm text-brand-700 hover:underline">
            ← {t("incidents.detail.back")}
          </Link>
        }
      />
      <div className="space-y-6">
        <PoliciesEditor policies={s.policies} />
        <CalendarForm timeZone={s.timeZone} weeklyHours={s.weeklyHours} holidays={s.holidays} />
      </div>
    </>
  );
}
