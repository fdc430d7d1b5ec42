import { Badge } from "@/app/_components/ui/card";
import type { OrderStatus } from "@/server/commerce/orders";

const TONE = { cart: "slate", placed: "amber", paid: "blue", invoiced: "blue", shipped: "blue", delivered: "green", cancelled: "red" } as const;

/** The label comes from the caller (server `t` or client `useT`), so both kinds of component use it. */
export function OrderStatusBadge({ status, label }: { status: OrderStatus; label: string }) {
  return (
    <span className="whitespace-nowrap" data-testid="order-status" data-status={status}>
      <Badge tone={TONE[status]}>{label}</Badge>
    </span>
  );
}
