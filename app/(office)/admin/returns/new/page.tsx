import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { requirePermission } from "../../_lib/require-permission";
import { StaffNewReturn } from "./staff-new-return";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("returns.newRequestStaff") };
}

export default async function StaffNewReturnPage() {
  await requirePermission("orders.manage");
  const t = await getT();
  return (
    <>
      <PageHeader
        title={t("returns.newRequestStaff")}
        description={t("returns.description")}
        actions={
          <Link href="/admin/returns" className="text-sm text-brand-700 hover:underline">
            ← {t("returns.back")}
          </Link>
        }
      />
      <StaffNewReturn />
    </>
  );
}
