import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { requirePermission } from "../../_lib/require-permission";
import { StatementScreen } from "./statement-screen";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("ledgerScreens.statement.title") };
}

export default async function StatementPage({ searchParams }: { searchParams: Promise<{ consultant?: string; kind?: string }> }) {
  await requirePermission("ledger.post");
  const t = await getT();
  const { consultant, kind } = await searchParams;
  const consultantId = consultant && /^\d{1,15}$/.test(consultant) ? Number(consultant) : null;
  return (
    <>
      <PageHeader title={t("ledgerScreens.statement.title")} description={t("ledgerScreens.statement.description")} />
      <StatementScreen initialConsultantId={consultantId} initialKind={kind === "wallet" ? "wallet" : "receivable"} />
    </>
  );
}
