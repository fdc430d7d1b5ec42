import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OrderView } from "@/app/_components/orders/order-view";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { serverApi } from "@/server/trpc/request-context";
import { requirePermission } from "../../_lib/require-permission";
import { OrderActions } from "./order-actions";

type Props = { params: Promise<{ id: string }> };

function parseId(raw: string) {
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : 0;
  return id > 0 ? id : null;
}

async function load(raw: string) {
  const id = parseId(raw);
  if (id === null) return null;
  try {
    return await (await serverApi()).orders.get({ id });
  } catch (error) {
    if ((error as { code?: string }).code === "NOT_FOUND") return null;
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getT();
  const order = await load((await params).id).catch(() => null);
  return { title: order ? t("orders.detail.title", { number: order.number }) : t("orders.list.title") };
}

export default async function AdminOrderPage({ params }: Props) {
  await requirePermission("orders.manage");
  const order = await load((await params).id);
  if (!order) notFound();
  const t = await getT();
  return (
    <>
      <PageHeader
        title={t("orders.detail.title", { number: order.number })}
        actions={
          <Link href="/admin/orders" className="text-sm text-brand-700 hover:underline">
            ← {t("orders.detail.back")}
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_280px]">
        <div className="order-2 lg:order-1">
          <OrderView order={order} staff />
        </div>
        <div className="order-1 lg:order-2">
          <OrderActions order={{ id: order.id, number: order.number, status: order.status, total: order.total, currency: order.currency, paymentMethod: order.paymentMethod, next: order.next }} />
        </div>
      </div>
    </>
  );
}
