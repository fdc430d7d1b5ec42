import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { requirePermission } from "../../../_lib/require-permission";
import { ImportDetail } from "./import-detail";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getT())("networkImport.detailTitle", { id: (await params).id }) };
}

export default async function NetworkImportDetailPage({ params }: Props) {
  await requirePermission("network.edit");
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const t = await getT();
  return (
    <>
      <PageHeader
        title={t("networkImport.detailTitle", { id })}
        actions={
          <Link href="/admin/network/import" className="text-sm font-medium text-brand-700 hover:underline">
            {t("networkImport.back")}
          </Link>
        }
      />
      <ImportDetail id={id} />
    </>
  );
}
