"use client";

import { Badge } from "@/app/_components/ui/card";
import { useT } from "@/app/_lib/i18n";

export function PlanStatusBadge({ status }: { status: "draft" | "active" | "archived" }) {
  const t = useT();
  const tone = status === "active" ? "green" : status === "draft" ? "blue" : "slate";
  return (
    <span data-testid={`plan-status-${status}`}>
      <Badge tone={tone}>{t(`plans.statuses.${status}`)}</Badge>
    </span>
  );
}
