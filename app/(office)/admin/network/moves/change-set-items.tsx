"use client";

import { useQueries } from "@tanstack/react-query";
import Link from "next/link";
import { usePlacementSlots } from "@/app/_components/network/placement-slots";
import { useT } from "@/app/_lib/i18n";
import { useTRPC, type RouterOutputs } from "@/app/_lib/trpc";

type ChangeSet = RouterOutputs["network"]["changeSet"];
/** A revert of a bulk set can hold hundreds of items; the first ones name the set well enough. */
const SHOWN = 20;

/** The consultants a change-set moves and where to, by name (items only store ids). */
export function ChangeSetItems({ kind, items }: { kind: ChangeSet["kind"]; items: ChangeSet["items"] }) {
  const t = useT();
  const slots = usePlacementSlots();
  const trpc = useTRPC();
  const shown = items.slice(0, SHOWN);
  const ids = [...new Set(shown.flatMap((i) => [i.consultantId, i.newSponsorId, i.newPlacementParentId]).filter((id): id is number => !!id))];
  const cards = useQueries({ queries: ids.map((id) => trpc.consultants.card.queryOptions({ id })) });
  const names = new Map(cards.flatMap((c) => (c.data ? [[c.data.id, `${c.data.fullName} · ${c.data.code}`] as const] : [])));
  const nameOf = (id: number) => names.get(id) ?? t("network.moves.id", { id });

  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-900">{t("network.moves.items")}</h3>
      <ul className="mt-2 space-y-2 text-sm" data-testid="change-set-items">
        {shown.map((item) => (
          <li key={item.id}>
            <Link href={`/admin/network/${item.consultantId}`} className="font-medium text-brand-700 hover:underline">
              {nameOf(item.consultantId)}
            </Link>
            {kind !== "termination" ? (
              <ul className="ml-5 mt-0.5 list-disc text-slate-600">
                {item.newSponsorId ? <li>{t("network.moves.toSponsor", { name: nameOf(item.newSponsorId) })}</li> : null}
                {item.newPlacementParentId ? (
                  <li>
                    {t("network.moves.toPlacement", {
                      name: nameOf(item.newPlacementParentId),
                      leg: slots.slotLabel(item.newPlacementSlot ?? 1),
                    })}
                  </li>
                ) : null}
                {item.newSponsorId ? <li>{t(item.withDownline ? "network.moves.withDownlineYes" : "network.moves.withDownlineNo")}</li> : null}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      {items.length > SHOWN ? <p className="mt-2 text-sm text-slate-500">{t("network.moves.moreItems", { count: items.length - SHOWN })}</p> : null}
    </div>
  );
}
