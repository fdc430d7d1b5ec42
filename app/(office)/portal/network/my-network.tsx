"use client";

import { DownlineTable } from "@/app/_components/network/downline-table";
import { TreeView } from "@/app/_components/network/tree-view";

export function MyNetwork({ rootId, rootName, list }: { rootId: number; rootName: string; list?: boolean }) {
  return list ? <DownlineTable rootId={rootId} /> : <TreeView rootId={rootId} rootName={rootName} />;
}
