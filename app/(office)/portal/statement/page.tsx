import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { MyStatement } from "./my-statement";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("ledgerScreens.mine.title") };
}

export default async function MyStatementPage() {
  const t = await getT();
  return (
    <>
      <PageHeader title={t("ledgerScreens.mine.title")} description={t("ledgerScreens.mine.description")} />
      <MyStatement />
    </>
  );
}
