import type { Metadata } from "next";
import { Card, PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { maxUploadBytes } from "@/server/network/import/upload";
import { IMPORT_COLUMNS } from "@/server/network/import/validate";
import { requirePermission } from "../../_lib/require-permission";
import { ImportList } from "./import-list";
import { UploadForm } from "./upload-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("networkImport.title") };
}

export default async function NetworkImportPage() {
  // The upload route and every networkImport procedure check network.edit.
  await requirePermission("network.edit");
  const t = await getT();
  return (
    <>
      <PageHeader title={t("networkImport.title")} description={t("networkImport.description")} />
      <div className="space-y-6">
        <Card title={t("networkImport.upload.title")}>
          <UploadForm maxBytes={maxUploadBytes()} columns={IMPORT_COLUMNS} />
        </Card>
        <section className="space-y-3">
          <h2 className="text-base font-semibold text-slate-900">{t("networkImport.list.title")}</h2>
          <ImportList />
        </section>
      </div>
    </>
  );
}
