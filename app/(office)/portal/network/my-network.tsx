"use client";

import { DownlineTable } from "@/app/_components/network/downline-table";
import { TreeView } from "@/app/_components/network/tree-view";

export function MyNetwork({ rootId, rootName, list, revealId }: { rootId: number; rootName: string; list?: boolean; revealId?: number }) {
  return list ? <DownlineTable rootId={rootId} /> : <TreeView rootId={rootId} rootName={rootName} revealId={revealId} />;
}
