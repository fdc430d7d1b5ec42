import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { requirePermission } from "../_lib/require-permission";
import { CategoriesPanel } from "./categories-panel";
import { KnowledgeScreen } from "./knowledge-screen";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("knowledge.title") };
}

export default async function KnowledgePage() {
  await requirePermission("incidents.manage");
  const t = await getT();
  return (
    <>
      <PageHeader
        title={t("knowledge.title")}
        description={t("knowledge.description")}
        actions={
          <Link href="/admin/knowledge/new" className="inline-flex items-center rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700" data-testid="new-article">
            {t("knowledge.newArticle")}
          </Link>
        }
      />
      <div className="grid gap-6 2xl:grid-cols-[1fr_340px]">
        <KnowledgeScreen />
        <CategoriesPanel />
      </div>
    </>
  );
}
