import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { requirePermission } from "../../_lib/require-permission";
import { EnrolForm } from "./enrol-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("network.enrol.title") };
}

export default async function NewConsultantPage() {
  // Staff enrol under any sponsor with network.edit (the procedure decides the same inside).
  await requirePermission("network.edit");
  const t = await getT();
  return (
    <>
      <PageHeader title={t("network.enrol.title")} description={t("network.enrol.description")} />
      <EnrolForm />
    </>
  );
}
