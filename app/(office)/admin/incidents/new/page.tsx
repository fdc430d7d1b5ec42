import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { requirePermission } from "../../_lib/require-permission";
import { StaffNewIncident } from "./staff-new-incident";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("incidents.list.newIncident") };
}

export default async function StaffNewIncidentPage() {
  await requirePermission("incidents.manage");
  const t = await getT();
  return (
    <>
      <PageHeader
        title={t("incidents.list.newIncident")}
        actions={
          <Link href="/admin/incidents" className="text-sm text-brand-700 hover:underline">
            ← {t("incidents.detail.back")}
          </Link>
        }
      />
      <StaffNewIncident />
    </>
  );
}
