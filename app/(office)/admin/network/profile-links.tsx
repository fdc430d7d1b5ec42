"use client";

import { DownlineTable } from "@/app/_components/network/downline-table";

/** Client wrapper: functions cannot cross from a server component, so the link shape lives here. */
export function ProfileLinks({ rootId }: { rootId: number }) {
  return <DownlineTable rootId={rootId} profileHref={(id) => `/admin/network/${id}`} />;
}
