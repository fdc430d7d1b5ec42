import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { requirePermission } from "../../_lib/require-permission";
import { PlansScreen } from "./plans-screen";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("plans.list.title") };
}

export default async function PlansPage() {
  const user = await requirePermission("admin.access");
  const t = await getT();
  return (
    <>
      <PageHeader title={t("plans.list.title")} description={t("plans.list.description")} />
      <PlansScreen canEdit={user.permissions.has("plans.edit")} />
    </>
  );
}
