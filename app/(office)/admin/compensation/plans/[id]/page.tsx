import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getT } from "@/server/i18n/server";
import { requirePermission } from "../../../_lib/require-permission";
import { VersionScreen } from "./version-screen";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("plans.list.title") };
}

export default async function PlanVersionPage({ params }: Props) {
  const user = await requirePermission("admin.access");
  const raw = (await params).id;
  const id = /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
  if (!id) notFound();
  return <VersionScreen id={id} canEdit={user.permissions.has("plans.edit")} />;
}
