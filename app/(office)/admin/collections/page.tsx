import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/app/_components/ui/card";
import { PAYMENT_TERMS_DAYS } from "@/server/commerce/invoices";
import { getT } from "@/server/i18n/server";
import { requirePermission } from "../_lib/require-permission";
import { CollectionsScreen } from "./collections-screen";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("collections.title") };
}

export default async function CollectionsPage() {
  await requirePermission("orders.manage");
  const t = await getT();
  return (
    <>
      <PageHeader
        title={t("collections.title")}
        description={t("collections.description", { days: PAYMENT_TERMS_DAYS })}
        actions={
          <Link href="/admin/collections/bank" className="rounded-md bg-white px-3.5 py-2 text-sm font-medium text-slate-800 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50" data-testid="bank-file-link">
            {t("collections.bank.title")}
          </Link>
        }
      />
      <CollectionsScreen />
    </>
  );
}
