"use client";

import { TreeView } from "@/app/_components/network/tree-view";

/** Client wrapper: a function (the profile link) cannot be passed from a server component. */
export function ProfileTree({ rootId, rootName }: { rootId: number; rootName: string }) {
  return <TreeView rootId={rootId} rootName={rootName} profileHref={(id) => `/admin/network/${id}`} />;
}
