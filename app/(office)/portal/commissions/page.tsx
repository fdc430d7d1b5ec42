import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { MyCommissions } from "./my-commissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("compExplain.lines.title") };
}

export default async function MyCommissionsPage() {
  const t = await getT();
  return (
    <>
      <PageHeader title={t("compExplain.lines.title")} description={t("compExplain.lines.description")} />
      <MyCommissions />
    </>
  );
}
