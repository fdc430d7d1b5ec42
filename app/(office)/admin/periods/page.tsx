import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { requirePermission } from "../_lib/require-permission";
import { PeriodsScreen } from "./periods-screen";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("periods.title") };
}

export default async function PeriodsPage() {
  await requirePermission("orders.manage");
  const t = await getT();
  return (
    <>
      <PageHeader title={t("periods.title")} description={t("periods.description")} />
      <PeriodsScreen />
    </>
  );
}
