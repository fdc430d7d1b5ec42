import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { requirePermission } from "../_lib/require-permission";
import { OrdersScreen } from "./orders-screen";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("orders.list.title") };
}

export default async function AdminOrdersPage() {
  await requirePermission("orders.manage");
  const t = await getT();
  return (
    <>
      <PageHeader
        title={t("orders.list.title")}
        description={t("orders.list.description")}
        actions={
          <Link
            href="/admin/orders/new"
            className="inline-flex items-center rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700"
            data-testid="new-order-link"
          >
            {t("orders.nav.newOrder")}
          </Link>
        }
      />
      <OrdersScreen />
    </>
  );
}
