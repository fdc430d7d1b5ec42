import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { requirePermission } from "../../_lib/require-permission";
import { ArticleForm } from "../article-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("knowledge.newArticle") };
}

export default async function NewArticlePage() {
  await requirePermission("incidents.manage");
  const t = await getT();
  return (
    <>
      <PageHeader title={t("knowledge.newArticle")} />
      <ArticleForm />
    </>
  );
}
