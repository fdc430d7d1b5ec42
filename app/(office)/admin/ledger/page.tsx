import type { Metadata } from "next";
import { Card, PageHeader } from "@/app/_components/ui/card";
import { formatMoney } from "@/server/commerce/money";
import { getLocale, getT } from "@/server/i18n/server";
import { serverApi } from "@/server/trpc/request-context";
import { requirePermission } from "../_lib/require-permission";
import { ConsultantAccounts } from "./consultant-accounts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("ledgerScreens.accounts.title") };
}

export default async function LedgerAccountsPage() {
  await requirePermission("ledger.post");
  const [t, locale, company] = await Promise.all([getT(), getLocale(), (await serverApi()).ledger.companyAccounts()]);
  return (
    <>
      <PageHeader title={t("ledgerScreens.accounts.title")} description={t("ledgerScreens.accounts.description")} />
      <div className="space-y-8">
        <Card title={t("ledgerScreens.accounts.company")}>
          <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="company-accounts">
            {company.map((a) => (
              <div key={a.id} className="rounded-md bg-slate-50 p-3">
                <dt className="text-sm text-slate-500">{t(`commerce.account.${a.kind}`)}</dt>
                <dd className="mt-1 text-lg font-semibold tabular-nums text-slate-900" data-testid={`company-account-${a.kind}`}>
                  {formatMoney(a.balance, a.currency, locale)}
                </dd>
              </div>
            ))}
          </dl>
        </Card>
        <section className="space-y-3">
          <h2 className="text-base font-semibold text-slate-900">{t("ledgerScreens.accounts.consultants")}</h2>
          <ConsultantAccounts />
        </section>
      </div>
    </>
  );
}
