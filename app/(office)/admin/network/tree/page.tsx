import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { serverApi } from "@/server/trpc/request-context";
import { requirePermission } from "../../_lib/require-permission";
import { AdminTree } from "./admin-tree";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("network.tree.title") };
}

export default async function TreePage() {
  await requirePermission("network.read");
  const [t, api] = [await getT(), await serverApi()];
  const root = await api.network.root();
  return (
    <>
      <PageHeader title={t("network.tree.title")} />
      <AdminTree rootId={root.id} rootName={root.fullName} />
    </>
  );
}
