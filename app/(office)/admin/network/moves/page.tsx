import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { requirePermission } from "../../_lib/require-permission";
import { MovesScreen } from "./moves-screen";

type Props = { searchParams: Promise<{ set?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("network.moves.title") };
}

export default async function MovesPage({ searchParams }: Props) {
  // Reading needs network.read; drafting, previewing and committing need network.move.
  const user = await requirePermission("network.read");
  const t = await getT();
  const set = Number((await searchParams).set);
  return (
    <>
      <PageHeader title={t("network.moves.title")} description={t("network.moves.description")} />
      <MovesScreen canMove={user.permissions.has("network.move")} initialSetId={Number.isSafeInteger(set) && set > 0 ? set : null} />
    </>
  );
}
