"use client";

import { useQuery } from "@tanstack/react-query";
import { ReportCardView } from "@/app/_components/compensation/report-card-view";
import { Alert } from "@/app/_components/ui/card";
import { useT } from "@/app/_lib/i18n";
import { useTRPC } from "@/app/_lib/trpc";

/** Her own report card, read live: refetched every minute and whenever the tab regains focus. */
export function MyRank() {
  const t = useT();
  const trpc = useTRPC();
  const card = useQuery({ ...trpc.compExplain.reportCard.queryOptions(), staleTime: 0, refetchInterval: 60_000, refetchOnWindowFocus: true });
  if (card.isPending) return <p className="text-sm text-slate-500">{t("compExplain.lines.loading")}</p>;
  if (card.isError) return <Alert kind="error">{card.error.message}</Alert>;
  return <ReportCardView result={card.data} updatedAt={card.dataUpdatedAt} />;
}
