import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { serverApi } from "@/server/trpc/request-context";
import { requirePermission } from "../../_lib/require-permission";
import { ProductForm } from "../product-form";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("catalogue.title") };
}

export default async function EditProductPage({ params, searchParams }: Props) {
  await requirePermission("orders.manage");
  const raw = (await params).id;
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : 0;
  if (!id) notFound();
  const [t, api] = await Promise.all([getT(), serverApi()]);
  const product = await api.catalogue.get({ id }).catch((error) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return null;
    throw error;
  });
  if (!product) notFound();
  const created = (await searchParams).created === "1";
  return (
    <>
      <PageHeader title={t("catalogue.editTitle", { sku: product.sku })} description={product.name["pt-BR"]} />
      <ProductForm product={product} currency={product.currency} notice={created ? t("catalogue.form.created", { sku: product.sku }) : undefined} />
    </>
  );
}
