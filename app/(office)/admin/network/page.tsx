import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { serverApi } from "@/server/trpc/request-context";
import { requirePermission } from "../_lib/require-permission";
import { ProfileLinks } from "./profile-links";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("network.list.title") };
}

export default async function ConsultantsPage() {
  await requirePermission("network.read");
  const [t, api] = [await getT(), await serverApi()];
  const root = await api.network.root();
  return (
    <>
      <PageHeader title={t("network.list.title")} description={t("network.list.description")} />
      <ProfileLinks rootId={root.id} />
    </>
  );
}

