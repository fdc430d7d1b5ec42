import type { Metadata } from "next";
import { DocumentsTable } from "@/app/_components/documents/documents-table";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { requirePermission } from "../_lib/require-permission";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("invoices.title") };
}

export default async function InvoicesPage() {
  await requirePermission("orders.manage");
  const t = await getT();
  return (
    <>
      <PageHeader title={t("invoices.title")} description={t("invoices.description")} />
      <DocumentsTable mode="staff" />
    </>
  );
}
