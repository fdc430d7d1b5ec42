import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { MyRank } from "./my-rank";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("compExplain.card.title") };
}

export default async function MyRankPage() {
  const t = await getT();
  return (
    <>
      <PageHeader title={t("compExplain.card.title")} description={t("compExplain.card.description")} />
      <MyRank />
    </>
  );
}
