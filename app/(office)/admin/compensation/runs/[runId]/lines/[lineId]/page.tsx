import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { requirePermission } from "../../../../../_lib/require-permission";
import { AdminLineExplanation } from "./admin-line-explanation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("compExplain.explain.title") };
}

const whole = (s: string) => (/^\d{1,9}$/.test(s) ? Number(s) : null);

export default async function AdminLinePage({ params }: { params: Promise<{ runId: string; lineId: string }> }) {
  await requirePermission("runs.close");
  const t = await getT();
  const p = await params;
  const runId = whole(p.runId), lineNo = whole(p.lineId);
  if (runId === null || runId < 1 || lineNo === null) notFound();
  return (
    <>
      <PageHeader
        title={t("compExplain.explain.adminTitle", { line: String(lineNo), run: String(runId) })}
        actions={
          <Link href={`/admin/compensation/runs/${runId}`} className="text-sm font-medium text-brand-700 hover:underline">
            ← {t("compExplain.explain.back")}
          </Link>
        }
      />
      <AdminLineExplanation runId={runId} lineNo={lineNo} />
    </>
  );
}
