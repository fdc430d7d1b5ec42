import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { MyCustomers } from "./my-customers";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("customers.portal.title") };
}

/** The portal layout already requires portal.access; the procedures only ever read the caller's own customers. */
export default async function MyCustomersPage() {
  const t = await getT();
  return (
    <>
      <PageHeader title={t("customers.portal.title")} description={t("customers.portal.description")} />
      <MyCustomers />
    </>
  );
}
