"use client";

import { useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState } from "react";
import { Badge } from "@/app/_components/ui/card";
import { useT } from "@/app/_lib/i18n";
import { usePlacementSlots } from "@/app/_components/network/placement-slots";
import { useTRPC, type RouterOutputs } from "@/app/_lib/trpc";
import { ConsultantPicker } from "./consultant-picker";

type TreeKind = "sponsor" | "placement";
type Child = RouterOutputs["network"]["children"]["rows"][number];
const PAGE = 50;
const tone = { active: "green", inactive: "amber", terminated: "red" } as const;

/**
 * The interactive genealogy: children load when a node opens, 50 at a time, so a node with
 * thousands of recruits stays smooth. "Show in the tree" opens every node on the path to a
 * consultant and pins the next step of the path at the top of each list.
 */
export function TreeView(props: { rootId: number; rootName: string; profileHref?: (id: number) => string; revealId?: number }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [tree, setTree] = useState<TreeKind>("sponsor");
  const [hideInactive, setHideInactive] = useState(false);
  const [open, setOpen] = useState<Set<number>>(new Set([props.rootId]));
  const [pinned, setPinned] = useState<Map<number, number>>(new Map());
  const [target, setTarget] = useState<number | null>(null);

  async function reveal(id: number) {
    const chain = await queryClient.fetchQuery(trpc.network.upline.queryOptions({ tree, id }));
    const from = chain.findIndex((c) => c.id === props.rootId);
    const path = chain.slice(Math.max(from, 0));
    setOpen(new Set([props.rootId, ...path.map((c) => c.id).slice(0, -1)]));
    setPinned(new Map(path.slice(0, -1).map((c, i) => [c.id, path[i + 1]!.id])));
    setTarget(id);
  }

  // Opened from a link to one consultant (e.g. right after enrolling them): show them at once.
  const { revealId } = props;
  useEffect(() => {
    // Someone outside the user's scope (a hand-edited link) is refused by the server: plain tree.
    if (revealId !== undefined && revealId !== props.rootId) reveal(revealId).catch(() => setTarget(null));
    // Once per id: `reveal` reads the tree kind at the time, which starts as "sponsor".
  }, [revealId]);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-4">
        <div className="min-w-72 flex-1">
          <ConsultantPicker label={t("network.tree.search")} onPick={(c) => void reveal(c.id)} testId="tree-search" />
        </div>
        <fieldset className="flex rounded-md ring-1 ring-slate-300" aria-label={t("network.tree.title")}>
          {(["sponsor", "placement"] as const).map((k) => (
            <button
              key={k}
              type="button"
              aria-pressed={tree === k}
              onClick={() => {
                setTree(k);
                setPinned(new Map());
                setOpen(new Set([props.rootId]));
              }}
              className={`px-3 py-2 text-sm first:rounded-l-md last:rounded-r-md ${tree === k ? "bg-brand-600 text-white" : "bg-white text-slate-700 hover:bg-slate-50"}`}
            >
              {t(`network.tree.${k}`)}
            </button>
          ))}
        </fieldset>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={hideInactive} onChange={(e) => setHideInactive(e.target.checked)} className="h-4 w-4 rounded border-slate-300" />
          {t("network.tree.hideInactive")}
        </label>
      </div>
      <div className="overflow-x-auto rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" role="tree" aria-label={t("network.tree.title")}>
        <NodeRow
          node={{ id: props.rootId, fullName: props.rootName }}
          depth={0}
          ctx={{ tree, hideInactive, open, setOpen, pinned, target, profileHref: props.profileHref }}
        />
      </div>
    </div>
  );
}

type Ctx = {
  tree: TreeKind;
  hideInactive: boolean;
  open: Set<number>;
  setOpen: (s: Set<number>) => void;
  pinned: Map<number, number>;
  target: number | null;
  profileHref?: (id: number) => string;
};

function NodeRow({ node, depth, ctx }: { node: Partial<Child> & { id: number; fullName: string }; depth: number; ctx: Ctx }) {
  const t = useT();
  const slots = usePlacementSlots();
  const isOpen = ctx.open.has(node.id);
  const size = ctx.tree === "sponsor" ? node.downlineSize : node.placementSize;
  const leaf = size === 0;
  const toggle = () => {
    const next = new Set(ctx.open);
    if (isOpen) next.delete(node.id);
    else next.add(node.id);
    ctx.setOpen(next);
  };
  return (
    <div role="treeitem" aria-expanded={leaf ? undefined : isOpen} aria-selected={ctx.target === node.id} data-testid={`node-${node.id}`}>
      <div className={`flex items-center gap-2 rounded-md py-1 pr-2 ${ctx.target === node.id ? "bg-amber-50 ring-1 ring-amber-300" : ""}`} style={{ paddingLeft: depth * 20 }}>
        <button
          type="button"
          onClick={toggle}
          disabled={leaf}
          aria-label={t(isOpen ? "network.tree.collapse" : "network.tree.expand", { name: node.fullName })}
          className="flex h-6 w-6 items-center justify-center rounded text-slate-500 hover:bg-slate-100 disabled:invisible"
        >
          {isOpen ? "▾" : "▸"}
        </button>
        {ctx.tree === "placement" && node.slot ? <span className="text-xs text-slate-400">{slots.slotLabel(node.slot)}</span> : null}
        <span className="font-medium text-slate-900">{node.fullName}</span>
        {node.code ? <span className="text-xs text-slate-500">{node.code}</span> : null}
        {node.status ? <Badge tone={tone[node.status]}>{t(`common.status.${node.status}`)}</Badge> : null}
        {node.rank ? <Badge tone="blue">{node.rank}</Badge> : null}
        {size !== undefined ? <span className="text-xs text-slate-500">{t("network.tree.downline", { count: size })}</span> : null}
        {ctx.profileHref && node.code ? (
          <Link href={ctx.profileHref(node.id)} className="ml-auto text-xs text-brand-700 hover:underline">
            {t("network.tree.openProfile")}
          </Link>
        ) : null}
      </div>
      {isOpen ? <Children parentId={node.id} depth={depth + 1} ctx={ctx} /> : null}
    </div>
  );
}

function Children({ parentId, depth, ctx }: { parentId: number; depth: number; ctx: Ctx }) {
  const t = useT();
  const trpc = useTRPC();
  const [pages, setPages] = useState(1);
  const pin = ctx.pinned.get(parentId);
  const results = useQueries({
    queries: Array.from({ length: pages }, (_, i) =>
      trpc.network.children.queryOptions({ tree: ctx.tree, parentId, hideInactive: ctx.hideInactive, page: i + 1, pageSize: PAGE }),
    ),
  });
  const pinnedCard = useQuery({ ...trpc.network.upline.queryOptions({ tree: ctx.tree, id: pin ?? parentId }), enabled: pin !== undefined });
  const rows = results.flatMap((r) => r.data?.rows ?? []);
  const total = results[0]?.data?.total ?? 0;
  const loading = results.some((r) => r.isPending);
  const pinnedRow = pin !== undefined && !rows.some((r) => r.id === pin) ? pinnedCard.data?.at(-1) : undefined;
  return (
    <div role="group">
      {pinnedRow ? <NodeRow node={pinnedRow} depth={depth} ctx={ctx} /> : null}
      {rows.map((child) => (
        <NodeRow key={child.id} node={child} depth={depth} ctx={ctx} />
      ))}
      {loading ? <p className="py-1 text-sm text-slate-500" style={{ paddingLeft: depth * 20 + 32 }}>{t("common.loading")}</p> : null}
      {!loading && total === 0 ? <p className="py-1 text-sm text-slate-500" style={{ paddingLeft: depth * 20 + 32 }}>{t("network.tree.noChildren")}</p> : null}
      {!loading && rows.length < total ? (
        <button type="button" onClick={() => setPages(pages + 1)} className="py-1 text-sm text-brand-700 hover:underline" style={{ paddingLeft: depth * 20 + 32 }}>
          {t("network.tree.loadMore", { shown: rows.length, total })}
        </button>
      ) : null}
    </div>
  );
}
