import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { serverApi } from "@/server/trpc/request-context";
import { requirePermission } from "../../_lib/require-permission";
import { ArticleForm } from "../article-form";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("knowledge.editArticle") };
}

export default async function EditArticlePage({ params, searchParams }: Props) {
  await requirePermission("incidents.manage");
  const raw = (await params).id;
  const id = /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
  if (!id) notFound();
  const [t, api] = await Promise.all([getT(), serverApi()]);
  const article = await api.knowledge.get({ id }).catch((error) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return null;
    throw error;
  });
  if (!article) notFound();
  return (
    <>
      <PageHeader title={t("knowledge.editArticle")} description={article.translations["pt-BR"].title} />
      <ArticleForm article={article} notice={(await searchParams).created === "1" ? t("knowledge.form.saved") : undefined} />
    </>
  );
}
