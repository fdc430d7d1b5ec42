import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { requirePermission } from "../../_lib/require-permission";
import { EntriesTable } from "./entries-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("ledgerScreens.entries.title") };
}

export default async function LedgerEntriesPage() {
  await requirePermission("ledger.post");
  const t = await getT();
  return (
    <>
      <PageHeader title={t("ledgerScreens.entries.title")} description={t("ledgerScreens.entries.description")} />
      <EntriesTable />
    </>
  );
}
