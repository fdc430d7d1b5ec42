import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { requirePermission } from "../_lib/require-permission";
import { CustomerSettingsForm } from "./customer-settings-form";
import { NetworkSettingsForm } from "./network-settings-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("settings.title") };
}

export default async function SettingsPage() {
  // Staff who read the network may look; only plans.edit may change (the procedure decides too).
  const user = await requirePermission("network.read");
  const t = await getT();
  return (
    <>
      <PageHeader title={t("settings.title")} description={t("settings.description")} />
      <div className="space-y-6">
        <NetworkSettingsForm canEdit={user.permissions.has("plans.edit")} />
        <CustomerSettingsForm canEdit={user.permissions.has("orders.manage")} />
      </div>
    </>
  );
}
