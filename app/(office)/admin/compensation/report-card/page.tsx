import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { requirePermission } from "../../_lib/require-permission";
import { AdminReportCard } from "./admin-report-card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("compExplain.card.adminTitle") };
}

export default async function AdminReportCardPage({ searchParams }: { searchParams: Promise<{ consultant?: string }> }) {
  await requirePermission("network.read");
  const t = await getT();
  const { consultant } = await searchParams;
  return (
    <>
      <PageHeader title={t("compExplain.card.adminTitle")} description={t("compExplain.card.adminDescription")} />
      <AdminReportCard initialCode={(consultant ?? "").trim().slice(0, 40)} />
    </>
  );
}
