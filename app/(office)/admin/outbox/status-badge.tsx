"use client";

import { Badge } from "@/app/_components/ui/card";
import { useT } from "@/app/_lib/i18n";
import type { RouterOutputs } from "@/app/_lib/trpc";

export type OutboxStatus = RouterOutputs["outbox"]["list"]["rows"][number]["status"];
export const OUTBOX_STATUSES: OutboxStatus[] = ["pending", "sent", "dev_delivered", "failed"];

const TONE = { pending: "amber", sent: "green", dev_delivered: "blue", failed: "red" } as const;

export function OutboxStatusBadge({ status }: { status: OutboxStatus }) {
  const t = useT();
  return <Badge tone={TONE[status]}>{t(`admin.outbox.statuses.${status}`)}</Badge>;
}
