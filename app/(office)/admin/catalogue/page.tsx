import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { requirePermission } from "../_lib/require-permission";
import { ProductsScreen } from "./products-screen";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("catalogue.title") };
}

export default async function CataloguePage() {
  await requirePermission("orders.manage");
  const t = await getT();
  return (
    <>
      <PageHeader
        title={t("catalogue.title")}
        description={t("catalogue.description")}
        actions={
          <Link
            href="/admin/catalogue/new"
            className="inline-flex items-center rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700"
            data-testid="new-product"
          >
            {t("catalogue.newProduct")}
          </Link>
        }
      />
      <ProductsScreen />
    </>
  );
}
