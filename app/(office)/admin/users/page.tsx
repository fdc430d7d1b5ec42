import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { requirePermission } from "../_lib/require-permission";
import { UsersScreen } from "./users-screen";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("admin.users.title") };
}

export default async function UsersPage() {
  const user = await requirePermission("users.admin");
  const t = await getT();
  return (
    <>
      <PageHeader title={t("admin.users.title")} description={t("admin.users.description")} />
      <UsersScreen currentUserId={user.id} />
    </>
  );
}
