import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { serverApi } from "@/server/trpc/request-context";
import { SelfEnrolForm } from "./self-enrol-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("portal.enrol.title") };
}

/** A consultant enrols someone under themselves (the portal layout already requires portal.access). */
export default async function PortalEnrolPage() {
  const [t, api] = [await getT(), await serverApi()];
  const self = await api.network.root();
  return (
    <>
      <PageHeader title={t("portal.enrol.title")} description={t("portal.enrol.description")} />
      <SelfEnrolForm fullName={self.fullName} code={self.code} />
    </>
  );
}
