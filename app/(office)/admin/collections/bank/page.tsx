import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { requirePermission } from "../../_lib/require-permission";
import { BankFileScreen } from "./bank-file-screen";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("collections.bank.title") };
}

export default async function BankFilePage() {
  await requirePermission("orders.manage");
  const t = await getT();
  return (
    <>
      <PageHeader
        title={t("collections.bank.title")}
        description={t("collections.bank.description")}
        actions={
          <Link href="/admin/collections" className="text-sm text-brand-700 hover:underline">
            ← {t("collections.title")}
          </Link>
        }
      />
      <div className="space-y-6">
        <Card title={t("collections.bank.format")}>
          <div className="space-y-2 text-sm text-slate-700">
            <p>{t("collections.bank.formatIntro")}</p>
            <p className="break-words font-mono text-xs text-slate-800">date,amount,reference,payer</p>
            <p className="break-words font-mono text-xs text-slate-800">2026-11-20,139.80,P0000042,Marina Lopes</p>
            <p>{t("collections.bank.formatColumns")}</p>
            <p className="text-slate-600">{t("collections.bank.formatSafe")}</p>
          </div>
        </Card>
        <BankFileScreen />
      </div>
    </>
  );
}
