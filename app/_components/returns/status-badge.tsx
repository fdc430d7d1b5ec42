import { Badge } from "@/app/_components/ui/card";

const TONE = { pending: "amber", approved: "green", rejected: "red" } as const;

export function ReturnStatusBadge({ status, label }: { status: keyof typeof TONE; label: string }) {
  return (
    <span data-testid="return-status" data-status={status}>
      <Badge tone={TONE[status]}>{label}</Badge>
    </span>
  );
}
