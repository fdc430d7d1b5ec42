"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ReturnForm } from "@/app/_components/returns/return-form";
import { Alert, Card } from "@/app/_components/ui/card";
import { SelectField } from "@/app/_components/ui/select-field";
import { useLocale, useT } from "@/app/_lib/i18n";
import { useTRPC } from "@/app/_lib/trpc";
import { formatMoney } from "@/server/commerce/money";

/** Pick one of her delivered orders with something left to return, then fill in the request. */
export function NewReturn({ initialOrderId }: { initialOrderId: number | null }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const [orderId, setOrderId] = useState<number | null>(initialOrderId);
  const orders = useQuery(trpc.returns.myReturnableOrders.queryOptions());
  const order = useQuery({ ...trpc.returns.myOrder.queryOptions({ orderId: orderId ?? 0 }), enabled: orderId !== null });
  const date = (d: Date | string | null) => (d ? new Intl.DateTimeFormat(locale, { dateStyle: "short" }).format(new Date(d)) : "");

  return (
    <div className="space-y-6">
      <Card>
        {orders.data && !orders.data.length ? (
          <p className="text-sm text-slate-600" data-testid="return-no-orders">
            {t("returns.form.noOrders")}
          </p>
        ) : (
          <SelectField
            label={t("returns.form.order")}
            value={orderId === null ? "" : String(orderId)}
            onChange={(e) => setOrderId(e.target.value ? Number(e.target.value) : null)}
            options={[
              { value: "", label: t("returns.form.chooseOrder") },
              ...(orders.data ?? []).map((o) => ({ value: String(o.id), label: `${o.number} · ${date(o.placedAt)} · ${formatMoney(o.total, o.currency, locale)}` })),
            ]}
            data-testid="return-order-select"
          />
        )}
      </Card>
      {order.error ? <Alert kind="error">{order.error.message}</Alert> : null}
      {order.data && order.data.status !== "delivered" ? <Alert kind="error">{t("returns.form.notDelivered", { status: t(`commerce.status.${order.data.status}`) })}</Alert> : null}
      {order.data && order.data.status === "delivered" ? (
        <Card>
          <ReturnForm key={order.data.id} order={order.data} mode="portal" onCreated={(id) => router.push(`/portal/returns/${id}?created=1`)} />
        </Card>
      ) : null}
    </div>
  );
}
