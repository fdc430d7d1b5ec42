import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { requirePermission } from "../../_lib/require-permission";
import { RestrictedScreen } from "./restricted-screen";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("network.restricted.title") };
}

export default async function RestrictedListsPage() {
  // Every restricted-list procedure checks network.edit.
  await requirePermission("network.edit");
  const t = await getT();
  return (
    <>
      <PageHeader title={t("network.restricted.title")} description={t("network.restricted.description")} />
      <RestrictedScreen />
    </>
  );
}
