import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { requirePermission } from "../_lib/require-permission";
import { AuditScreen } from "./audit-screen";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("admin.audit.title") };
}

export default async function AuditPage() {
  await requirePermission("audit.read");
  const t = await getT();
  return (
    <>
      <PageHeader title={t("admin.audit.title")} description={t("admin.audit.description")} />
      <AuditScreen />
    </>
  );
}
