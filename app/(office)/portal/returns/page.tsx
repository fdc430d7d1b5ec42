import type { Metadata } from "next";
import Link from "next/link";
import { ReturnsTable } from "@/app/_components/returns/returns-table";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("returns.title") };
}

export default async function MyReturnsPage() {
  const t = await getT();
  return (
    <>
      <PageHeader
        title={t("returns.title")}
        description={t("returns.portalDescription")}
        actions={
          <Link href="/portal/returns/new" className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700" data-testid="return-new-link">
            {t("returns.newRequest")}
          </Link>
        }
      />
      <ReturnsTable mode="portal" />
    </>
  );
}
