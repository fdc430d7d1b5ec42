import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { MyOrders } from "./my-orders";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("orders.nav.myOrders") };
}

export default async function PortalOrdersPage() {
  const t = await getT();
  return (
    <>
      <PageHeader
        title={t("orders.nav.myOrders")}
        description={t("orders.list.myDescription")}
        actions={
          <Link
            href="/portal/orders/new"
            className="inline-flex items-center rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700"
            data-testid="portal-new-order"
          >
            {t("orders.nav.newOrder")}
          </Link>
        }
      />
      <MyOrders />
    </>
  );
}
