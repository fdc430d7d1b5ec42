import type { Metadata } from "next";
import { Card, PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { serverApi } from "@/server/trpc/request-context";
import { MyNetwork } from "./my-network";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("portal.nav.network") };
}

export default async function PortalNetworkPage() {
  const [t, api] = [await getT(), await serverApi()];
  const root = await api.network.root();
  return (
    <>
      <PageHeader title={t("portal.nav.network")} description={t("portal.networkHelp")} />
      <MyNetwork rootId={root.id} rootName={root.fullName} />
      <Card className="mt-8" title={t("network.list.title")}>
        <MyNetwork rootId={root.id} rootName={root.fullName} list />
      </Card>
    </>
  );
}
