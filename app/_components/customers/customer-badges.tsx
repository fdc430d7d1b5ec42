"use client";

import { Badge } from "@/app/_components/ui/card";
import { useT } from "@/app/_lib/i18n";
import type { CommercialState, RfmScores, Segment } from "@/server/commerce/customer-segments";

const STATE_TONE = { prospect: "slate", active: "green", inactive: "amber", lost: "red" } as const;
const SEGMENT_TONE = {
  champions: "green",
  loyal: "green",
  new: "blue",
  promising: "blue",
  needs_attention: "amber",
  at_risk: "red",
  hibernating: "slate",
  prospect: "slate",
} as const;

export function StateBadge({ state }: { state: CommercialState }) {
  const t = useT();
  return (
    <span data-testid="customer-state" data-state={state}>
      <Badge tone={STATE_TONE[state]}>{t(`customers.states.${state}`)}</Badge>
    </span>
  );
}

/** The segment's name, with what it means on hover and for screen readers. */
export function SegmentBadge({ segment }: { segment: Segment }) {
  const t = useT();
  return (
    <span title={t(`customers.segmentHelp.${segment}`)} data-testid="customer-segment" data-segment={segment}>
      <Badge tone={SEGMENT_TONE[segment]}>{t(`customers.segments.${segment}`)}</Badge>
      <span className="sr-only"> — {t(`customers.segmentHelp.${segment}`)}</span>
    </span>
  );
}

/** "5 4 3": recency, frequency, monetary, each 1 (worst) to 5 (best). */
export function RfmCode({ rfm }: { rfm: RfmScores | { r: number; f: number; m: number } | null }) {
  const t = useT();
  if (!rfm) return <span className="text-slate-400">{t("common.none")}</span>;
  const label = t("customers.rfmTitle", { r: rfm.r, f: rfm.f, m: rfm.m });
  return (
    <abbr title={label} aria-label={label} className="font-mono text-xs tabular-nums no-underline">
      {rfm.r}·{rfm.f}·{rfm.m}
    </abbr>
  );
}
