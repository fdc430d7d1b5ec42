import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { NewReturn } from "./new-return";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("returns.newRequest") };
}

export default async function NewReturnPage({ searchParams }: { searchParams: Promise<{ order?: string }> }) {
  const t = await getT();
  const raw = (await searchParams).order;
  const orderId = raw && /^\d{1,15}$/.test(raw) ? Number(raw) : null;
  return (
    <>
      <PageHeader
        title={t("returns.newRequest")}
        description={t("returns.portalDescription")}
        actions={
          <Link href="/portal/returns" className="text-sm text-brand-700 hover:underline">
            ← {t("returns.back")}
          </Link>
        }
      />
      <NewReturn initialOrderId={orderId} />
    </>
  );
}
