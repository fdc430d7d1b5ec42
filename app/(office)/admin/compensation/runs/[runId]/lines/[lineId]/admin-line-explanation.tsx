"use client";

import { useQuery } from "@tanstack/react-query";
import { LineExplanation } from "@/app/_components/compensation/line-explanation";
import { Alert, Card } from "@/app/_components/ui/card";
import { useT } from "@/app/_lib/i18n";
import { useTRPC } from "@/app/_lib/trpc";

export function AdminLineExplanation({ runId, lineNo }: { runId: number; lineNo: number }) {
  const t = useT();
  const trpc = useTRPC();
  const e = useQuery(trpc.compExplain.adminExplainLine.queryOptions({ runId, lineNo }));
  if (e.isPending) return <p className="text-sm text-slate-500">{t("compExplain.lines.loading")}</p>;
  if (e.isError) return <Alert kind="error">{e.error.message}</Alert>;
  return (
    <Card>
      <LineExplanation e={e.data} mode="admin" />
    </Card>
  );
}
