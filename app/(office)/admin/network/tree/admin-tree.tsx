"use client";

import { TreeView } from "@/app/_components/network/tree-view";

export function AdminTree({ rootId, rootName }: { rootId: number; rootName: string }) {
  return <TreeView rootId={rootId} rootName={rootName} profileHref={(id) => `/admin/network/${id}`} />;
}
