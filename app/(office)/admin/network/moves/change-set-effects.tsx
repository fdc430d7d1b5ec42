"use client";

import { useQueries } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useT } from "@/app/_lib/i18n";
import { useTRPC, type RouterOutputs } from "@/app/_lib/trpc";

export type Effects = RouterOutputs["network"]["preview"];
type Effect = Effects[number];
type Chain = NonNullable<Effect["sponsorBefore"]>;
type Legs = Effect["legs"][number]["before"];

const profileHref = (id: number) => `/admin/network/${id}`;
/** Long chains show the root and the last few steps: the part a move changes is near the end. */
const HEAD = 1;
const TAIL = 4;

/** Root → … → consultant as breadcrumbs, each a link to that profile. */
function ChainCrumbs({ chain, label }: { chain: Chain; label: string }) {
  const t = useT();
  const [whole, setWhole] = useState(false);
  const folded = !whole && chain.length > HEAD + TAIL + 1;
  const shown = folded ? [...chain.slice(0, HEAD), null, ...chain.slice(-TAIL)] : chain;
  return (
    <nav aria-label={label}>
      <ol className="flex flex-wrap items-center gap-x-1.5 gap-y-1 text-sm">
        {shown.map((node, i) => (
          <li key={node ? node.id : "fold"} className="flex items-center gap-1.5">
            {i > 0 ? (
              <span aria-hidden className="text-slate-400">
                ›
              </span>
            ) : null}
            {node === null ? (
              <button
                type="button"
                onClick={() => setWhole(true)}
                className="rounded px-1 text-brand-700 hover:bg-brand-50"
                aria-label={t("network.moves.showWhole", { count: chain.length })}
              >
                …
              </button>
            ) : i === shown.length - 1 ? (
              <span className="font-semibold text-slate-900">{node.fullName}</span>
            ) : (
              <Link href={profileHref(node.id)} className="text-brand-700 hover:underline">
                {node.fullName}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

function BeforeAfter({ title, before, after }: { title: string; before?: Chain; after?: Chain }) {
  const t = useT();
  if (!before && !after) return null;
  return (
    <div>
      <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h4>
      <dl className="mt-1 grid grid-cols-[4.5rem_1fr] gap-x-2 gap-y-1">
        {before ? (
          <>
            <dt className="text-sm text-slate-500">{t("network.moves.before")}</dt>
            <dd>
              <ChainCrumbs chain={before} label={`${title} · ${t("network.moves.before")}`} />
            </dd>
          </>
        ) : null}
        {after ? (
          <>
            <dt className="text-sm text-slate-500">{t("network.moves.after")}</dt>
            <dd>
              <ChainCrumbs chain={after} label={`${title} · ${t("network.moves.after")}`} />
            </dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}

const chainsOf = (e: Effect) => [e.sponsorAfter, e.placementAfter, e.sponsorBefore, e.placementBefore].filter((c): c is Chain => !!c);

/**
 * Names for every id the effects mention: from the chains, and for a leg owner that is on none of
 * them (an old placement parent when only the sponsor changes) from their card.
 */
function useNames(effects: Effects) {
  const trpc = useTRPC();
  const known = new Map(
    effects.flatMap((e) =>
      chainsOf(e)
        .flat()
        .map((n) => [n.id, n.fullName] as const),
    ),
  );
  const missing = [...new Set(effects.flatMap((e) => [e.consultantId, ...e.legs.map((l) => l.parentId)]))].filter((id) => !known.has(id));
  const cards = useQueries({ queries: missing.map((id) => trpc.consultants.card.queryOptions({ id })) });
  for (const card of cards) if (card.data) known.set(card.data.id, card.data.fullName);
  return known;
}

const sizeOf = (legs: Legs, slot: number) => legs.find((l) => l.slot === slot)?.size ?? 0;

/** What a change-set does (preview) or did (commit): who moves, old and new lines, leg sizes. */
export function ChangeSetEffects({ effects, title, hint }: { effects: Effects; title: string; hint?: string }) {
  const t = useT();
  const moved = effects.reduce((n, e) => n + e.moved, 0);
  const rolledUp = effects.reduce((n, e) => n + e.rolledUp, 0);
  const names = useNames(effects);
  return (
    <section className="space-y-3 rounded-md bg-slate-50 p-4 ring-1 ring-slate-200" data-testid="move-effects" aria-label={title}>
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      {hint ? <p className="text-xs text-slate-600">{hint}</p> : null}
      <ul className="text-sm text-slate-800">
        <li data-testid="move-effects-moved">{t("network.moves.moved", { count: moved })}</li>
        {rolledUp > 0 ? <li data-testid="move-effects-rolled-up">{t("network.moves.rolledUp", { count: rolledUp })}</li> : null}
      </ul>
      {effects.map((effect, i) => {
        const nameOf = (id: number) => names.get(id) ?? t("network.moves.id", { id });
        return (
          <article key={`${effect.consultantId}-${i}`} className="space-y-3 border-t border-slate-200 pt-3">
            <h4 className="text-sm font-medium text-slate-900">
              <Link href={profileHref(effect.consultantId)} className="hover:underline">
                {nameOf(effect.consultantId)}
              </Link>
            </h4>
            <BeforeAfter title={t("network.moves.sponsorChain")} before={effect.sponsorBefore} after={effect.sponsorAfter} />
            <BeforeAfter title={t("network.moves.placementChain")} before={effect.placementBefore} after={effect.placementAfter} />
            {effect.legs.length ? (
              <ul className="space-y-1 text-sm text-slate-700">
                {effect.legs.map((leg) => (
                  <li key={leg.parentId}>
                    <span className="font-medium">{t("network.moves.legsOf", { name: nameOf(leg.parentId) })}</span>
                    {": "}
                    {t("network.moves.legsBefore", { left: sizeOf(leg.before, 1), right: sizeOf(leg.before, 2) })}
                    {" → "}
                    {t("network.moves.legsAfter", { left: sizeOf(leg.after, 1), right: sizeOf(leg.after, 2) })}
                  </li>
                ))}
              </ul>
            ) : null}
          </article>
        );
      })}
    </section>
  );
}
