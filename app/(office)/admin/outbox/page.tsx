import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { requirePermission } from "../_lib/require-permission";
import { OutboxScreen } from "./outbox-screen";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("admin.outbox.title") };
}

export default async function OutboxPage() {
  await requirePermission("outbox.read");
  const t = await getT();
  return (
    <>
      <PageHeader title={t("admin.outbox.title")} description={t("admin.outbox.description")} />
      <OutboxScreen />
    </>
  );
}
