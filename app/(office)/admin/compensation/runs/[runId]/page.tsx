import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getT } from "@/server/i18n/server";
import { requirePermission } from "../../../_lib/require-permission";
import { RunScreen } from "./run-screen";

export async function generateMetadata({ params }: { params: Promise<{ runId: string }> }): Promise<Metadata> {
  const { runId } = await params;
  return { title: `${(await getT())("compRuns.title")} · ${runId}` };
}

export default async function CompRunPage({ params }: { params: Promise<{ runId: string }> }) {
  await requirePermission("runs.close");
  const { runId } = await params;
  const id = Number(runId);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  return <RunScreen runId={id} />;
}
