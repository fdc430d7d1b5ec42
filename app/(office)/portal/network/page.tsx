import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { serverApi } from "@/server/trpc/request-context";
import { MyNetwork } from "./my-network";

type Props = { searchParams: Promise<{ show?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("portal.nav.network") };
}

/** `?show=ID` opens the tree down to that consultant (the server refuses anyone outside the user's network). */
function parseShow(raw: string | string[] | undefined) {
  const id = typeof raw === "string" && /^\d{1,15}$/.test(raw) ? Number(raw) : 0;
  return id > 0 ? id : undefined;
}

export default async function PortalNetworkPage({ searchParams }: Props) {
  const [t, api] = [await getT(), await serverApi()];
  const root = await api.network.root();
  const show = parseShow((await searchParams).show);
  return (
    <>
      <PageHeader
        title={t("portal.nav.network")}
        description={t("portal.networkHelp")}
        actions={
          <Link
            href="/portal/network/new"
            className="inline-flex items-center rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700"
            data-testid="portal-enrol-link"
          >
            {t("portal.enrol.button")}
          </Link>
        }
      />
      <MyNetwork rootId={root.id} rootName={root.fullName} revealId={show} />
      <Card className="mt-8" title={t("network.list.title")}>
        <MyNetwork rootId={root.id} rootName={root.fullName} list />
      </Card>
    </>
  );
}
