import { Badge } from "@/app/_components/ui/card";

const SLA_TONE = { on_track: "green", near_expiry: "amber", expired: "red", met: "slate" } as const;
const STATUS_TONE = { new: "blue", open: "amber", waiting: "slate", resolved: "green", closed: "slate" } as const;
const PRIORITY_TONE = { low: "slate", normal: "slate", high: "amber", critical: "red" } as const;

export function SlaBadge({ state, label }: { state: string | null; label: string }) {
  return (
    <span data-testid="sla-badge" data-state={state ?? "none"}>
      <Badge tone={state ? (SLA_TONE[state as keyof typeof SLA_TONE] ?? "slate") : "slate"}>{label}</Badge>
    </span>
  );
}

export function StatusBadge({ status, label }: { status: string; label: string }) {
  return <Badge tone={STATUS_TONE[status as keyof typeof STATUS_TONE] ?? "slate"}>{label}</Badge>;
}

export function PriorityBadge({ priority, label }: { priority: string; label: string }) {
  return <Badge tone={PRIORITY_TONE[priority as keyof typeof PRIORITY_TONE] ?? "slate"}>{label}</Badge>;
}
