import type { Metadata } from "next";
import Link from "next/link";
import { PortalIncidentsTable } from "@/app/_components/incidents/portal-incidents";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("incidents.portalTitle") };
}

export default async function MyIncidentsPage() {
  const t = await getT();
  return (
    <>
      <PageHeader
        title={t("incidents.portalTitle")}
        description={t("incidents.portalDescription")}
        actions={
          <Link href="/portal/incidents/new" className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700" data-testid="incident-new-link">
            {t("incidents.list.newIncident")}
          </Link>
        }
      />
      <PortalIncidentsTable />
    </>
  );
}
