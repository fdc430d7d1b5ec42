import type { Metadata } from "next";
import Link from "next/link";
import { OrderForm } from "@/app/_components/orders/order-form";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { requirePermission } from "../../_lib/require-permission";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("orders.form.title") };
}

export default async function AdminNewOrderPage() {
  await requirePermission("orders.manage");
  const t = await getT();
  return (
    <>
      <PageHeader
        title={t("orders.form.title")}
        description={t("orders.form.staffDescription")}
        actions={
          <Link href="/admin/orders" className="text-sm text-brand-700 hover:underline">
            ← {t("orders.detail.back")}
          </Link>
        }
      />
      <OrderForm mode="staff" />
    </>
  );
}
