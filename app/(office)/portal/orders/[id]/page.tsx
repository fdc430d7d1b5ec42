import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OrderView } from "@/app/_components/orders/order-view";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { serverApi } from "@/server/trpc/request-context";

type Props = { params: Promise<{ id: string }> };

/** Another consultant's order answers NOT_FOUND from the server, exactly like a missing one. */
async function load(raw: string) {
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : 0;
  if (id <= 0) return null;
  try {
    return await (await serverApi()).orders.myOrder({ id });
  } catch (error) {
    if ((error as { code?: string }).code === "NOT_FOUND") return null;
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getT();
  const order = await load((await params).id).catch(() => null);
  return { title: order ? t("orders.detail.title", { number: order.number }) : t("orders.nav.myOrders") };
}

export default async function PortalOrderPage({ params }: Props) {
  const order = await load((await params).id);
  if (!order) notFound();
  const t = await getT();
  return (
    <>
      <PageHeader
        title={t("orders.detail.title", { number: order.number })}
        actions={
          <Link href="/portal/orders" className="text-sm text-brand-700 hover:underline">
            ← {t("orders.detail.back")}
          </Link>
        }
      />
      <OrderView order={order} staff={false} />
    </>
  );
}
