import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { requirePermission } from "../../_lib/require-permission";
import { RunsScreen } from "./runs-screen";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("compRuns.title") };
}

export default async function CompRunsPage() {
  await requirePermission("runs.close");
  const t = await getT();
  return (
    <>
      <PageHeader title={t("compRuns.title")} description={t("compRuns.intro")} />
      <RunsScreen />
    </>
  );
}
