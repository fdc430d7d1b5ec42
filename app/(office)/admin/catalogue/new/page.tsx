import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/card";
import { getDb } from "@/db/client";
import { companyCurrency } from "@/server/commerce/catalogue";
import { getT } from "@/server/i18n/server";
import { requirePermission } from "../../_lib/require-permission";
import { ProductForm } from "../product-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("catalogue.newTitle") };
}

export default async function NewProductPage() {
  await requirePermission("orders.manage");
  const [t, currency] = await Promise.all([getT(), companyCurrency(getDb())]);
  return (
    <>
      <PageHeader title={t("catalogue.newTitle")} description={t("catalogue.description")} />
      <ProductForm currency={currency} />
    </>
  );
}
