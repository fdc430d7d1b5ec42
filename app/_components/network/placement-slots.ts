"use client";

import { useQuery } from "@tanstack/react-query";
import { useT } from "@/app/_lib/i18n";
import { slotLabel } from "@/app/_lib/slot-label";
import { useTRPC } from "@/app/_lib/trpc";


/** The company's placement shape and its slots as select options (stored numbers as strings). */
export function usePlacementSlots() {
  const t = useT();
  const trpc = useTRPC();
  const settings = useQuery(trpc.settings.network.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const shape = settings.data?.shape;
  const count = shape?.kind === "matrix" ? shape.width : 2;
  const options = Array.from({ length: count }, (_, i) => ({ value: String(i + 1), label: slotLabel(t, shape, i + 1) }));
  return { shape, options, slotLabel: (slot: number) => slotLabel(t, shape, slot) };
}
