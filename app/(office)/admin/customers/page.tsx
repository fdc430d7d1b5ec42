import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { requirePermission } from "../_lib/require-permission";
import { CustomersScreen } from "./customers-screen";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("customers.title") };
}

export default async function CustomersPage() {
  await requirePermission("orders.manage");
  const t = await getT();
  return (
    <>
      <PageHeader title={t("customers.title")} description={t("customers.description")} />
      <CustomersScreen />
    </>
  );
}
