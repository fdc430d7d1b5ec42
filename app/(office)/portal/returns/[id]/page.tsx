import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReturnView } from "@/app/_components/returns/return-view";
import { Alert, PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { serverApi } from "@/server/trpc/request-context";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

async function load(raw: string) {
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : 0;
  if (!id) return null;
  try {
    return await (await serverApi()).returns.myGet({ id });
  } catch (error) {
    if ((error as { code?: string }).code === "NOT_FOUND") return null;
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getT())("returns.detailTitle", { id: (await params).id }) };
}

export default async function MyReturnPage({ params, searchParams }: Props) {
  const detail = await load((await params).id);
  if (!detail) notFound();
  const t = await getT();
  const created = (await searchParams).created === "1";
  return (
    <>
      <PageHeader
        title={t("returns.detailTitle", { id: detail.request.id })}
        actions={
          <Link href="/portal/returns" className="text-sm text-brand-700 hover:underline">
            ← {t("returns.back")}
          </Link>
        }
      />
      {created ? (
        <div className="mb-6" data-testid="return-created">
          <Alert kind="success">{t("returns.form.created", { id: detail.request.id })}</Alert>
        </div>
      ) : null}
      <ReturnView detail={detail} staff={false} />
    </>
  );
}
