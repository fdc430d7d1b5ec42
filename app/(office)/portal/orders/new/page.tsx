import type { Metadata } from "next";
import { OrderForm } from "@/app/_components/orders/order-form";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("orders.form.title") };
}

export default async function PortalNewOrderPage() {
  const t = await getT();
  return (
    <>
      <PageHeader title={t("orders.form.title")} description={t("orders.form.myDescription")} />
      <OrderForm mode="portal" />
    </>
  );
}
