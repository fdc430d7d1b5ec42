import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("plans.section.title") };
}

/** The compensation section: plans (versions) and runs (each period's commissions). */
export default async function CompensationPage() {
  const t = await getT();
  const links = [
    { href: "/admin/compensation/plans", title: t("plans.section.plans"), hint: t("plans.section.plansHint"), testId: "comp-link-plans" },
    { href: "/admin/compensation/runs", title: t("plans.section.runs"), hint: t("plans.section.runsHint"), testId: "comp-link-runs" },
  ];
  return (
    <>
      <PageHeader title={t("plans.section.title")} description={t("plans.section.description")} />
      <div className="grid gap-4 sm:grid-cols-2">
        {links.map((l) => (
          <Link key={l.href} href={l.href} data-testid={l.testId} className="block rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200 hover:ring-brand-500">
            <span className="text-base font-semibold text-brand-700">{l.title}</span>
            <span className="mt-1 block text-sm text-slate-600">{l.hint}</span>
          </Link>
        ))}
      </div>
    </>
  );
}
