"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ReturnForm } from "@/app/_components/returns/return-form";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card } from "@/app/_components/ui/card";
import { TextField } from "@/app/_components/ui/field";
import { useT } from "@/app/_lib/i18n";
import { useTRPC } from "@/app/_lib/trpc";

/** Staff register a request for a customer or consultant on the phone: find the order by number, then the same form. */
export function StaffNewReturn() {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const [typed, setTyped] = useState("");
  const [number, setNumber] = useState("");
  const order = useQuery({ ...trpc.returns.orderByNumber.queryOptions({ number }), enabled: number.length > 0, retry: false });
  return (
    <div className="space-y-6">
      <Card>
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            setNumber(typed.trim());
          }}
        >
          <TextField className="min-w-56" label={t("returns.form.orderNumber")} value={typed} maxLength={20} placeholder="P0000001" onChange={(e) => setTyped(e.target.value)} data-testid="return-order-number" />
          <Button type="submit" variant="secondary" data-testid="return-find-order">
            {t("returns.form.findOrder")}
          </Button>
        </form>
      </Card>
      {order.error ? <Alert kind="error">{order.error.data?.code === "NOT_FOUND" ? t("returns.form.orderNotFound") : order.error.message}</Alert> : null}
      {order.data && order.data.status !== "delivered" ? <Alert kind="error">{t("returns.form.notDelivered", { status: t(`commerce.status.${order.data.status}`) })}</Alert> : null}
      {order.data && order.data.status === "delivered" ? (
        <Card title={`${order.data.number} · ${order.data.consultantName} (${order.data.consultantCode})`}>
          <ReturnForm key={order.data.id} order={order.data} mode="staff" onCreated={(id) => router.push(`/admin/returns/${id}?created=1`)} />
        </Card>
      ) : null}
    </div>
  );
}
