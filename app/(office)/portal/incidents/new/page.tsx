import type { Metadata } from "next";
import Link from "next/link";
import { PortalNewIncident } from "@/app/_components/incidents/portal-incidents";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("incidents.list.newIncident") };
}

export default async function NewIncidentPage() {
  const t = await getT();
  return (
    <>
      <PageHeader
        title={t("incidents.list.newIncident")}
        description={t("incidents.portalDescription")}
        actions={
          <Link href="/portal/incidents" className="text-sm text-brand-700 hover:underline">
            ← {t("incidents.detail.back")}
          </Link>
        }
      />
      <PortalNewIncident />
    </>
  );
}
