import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { serverApi } from "@/server/trpc/request-context";
import { requirePermission } from "../_lib/require-permission";
import { ProfileLinks } from "./profile-links";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("network.list.title") };
}

export default async function ConsultantsPage() {
  const user = await requirePermission("network.read");
  const [t, api] = [await getT(), await serverApi()];
  const root = await api.network.root();
  return (
    <>
      <PageHeader
        title={t("network.list.title")}
        description={t("network.list.description")}
        actions={
          user.permissions.has("network.edit") ? (
            <div className="flex flex-wrap gap-3">
              <Link
                href="/admin/network/import"
                className="inline-flex items-center rounded-md bg-white px-3.5 py-2 text-sm font-medium text-slate-800 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50"
                data-testid="network-import-link"
              >
                {t("networkImport.nav.import")}
              </Link>
              <Link
                href="/admin/network/new"
                className="inline-flex items-center rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700"
                data-testid="network-new-consultant"
              >
                {t("network.enrol.newButton")}
              </Link>
            </div>
          ) : undefined
        }
      />
      <ProfileLinks rootId={root.id} canEditStatus={user.permissions.has("network.edit")} />
    </>
  );
}

