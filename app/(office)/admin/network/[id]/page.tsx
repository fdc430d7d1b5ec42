import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader, Stat } from "@/app/_components/ui/card";
import { slotLabel } from "@/app/_lib/slot-label";
import { getDb } from "@/db/client";
import { getIdentityDocument, getStatusHistory } from "@/server/network/history";
import { getLocale, getT } from "@/server/i18n/server";
import { serverApi } from "@/server/trpc/request-context";
import { formatNumber } from "../../_lib/format";
import { requirePermission } from "../../_lib/require-permission";
import { LevelsTable } from "./levels-table";
import { ProfileCard } from "./profile-card";
import { ProfileTree } from "./profile-tree";
import { StatusHistory } from "./status-history";
import { StatusPanel } from "./status-panel";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("network.profile.title") };
}

/** Ids are bigserial numbers; anything else cannot exist, so it is a 404 without a query. */
function parseId(raw: string) {
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : 0;
  return id > 0 ? id : null;
}

/** A tree read that may miss (a consultant not placed yet): NOT_FOUND becomes null. */
async function orNull<T>(read: Promise<T>) {
  try {
    return await read;
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

export default async function ConsultantProfilePage({ params }: Props) {
  const user = await requirePermission("network.read");
  const id = parseId((await params).id);
  if (id === null) notFound();
  const [t, locale, api] = await Promise.all([getT(), getLocale(), serverApi()]);
  const card = await orNull(api.consultants.card({ id }));
  if (!card) notFound();

  const db = getDb();
  const [upline, placement, levels, legs, history, document, settings] = await Promise.all([
    orNull(api.network.upline({ tree: "sponsor", id })),
    orNull(api.network.upline({ tree: "placement", id })),
    orNull(api.network.levels({ tree: "sponsor", id })),
    api.network.legs({ tree: "placement", id }),
    getStatusHistory(db, id),
    getIdentityDocument(db, id),
    api.settings.network(),
  ]);
  const totalDownline = (levels ?? []).reduce((n, l) => n + l.count, 0);

  return (
    <>
      <PageHeader title={card.fullName} description={`${t("network.profile.title")} · ${card.code}`} />

      {upline && upline.length > 1 ? (
        <nav aria-label={t("network.profile.upline")} className="mb-6 text-sm" data-testid="profile-upline">
          <ol className="flex flex-wrap items-center gap-x-2 gap-y-1 text-slate-600">
            {upline.map((node, i) => (
              <li key={node.id} className="flex items-center gap-2">
                {i > 0 ? <span aria-hidden>›</span> : null}
                {node.id === id ? (
                  <span aria-current="page" className="font-medium text-slate-900">
                    {node.fullName}
                  </span>
                ) : (
                  <Link href={`/admin/network/${node.id}`} className="text-brand-700 hover:underline">
                    {node.fullName}
                  </Link>
                )}
              </li>
            ))}
          </ol>
        </nav>
      ) : null}

      <div className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat testId="direct-downline" label={t("network.profile.directDownline")} value={formatNumber(locale, card.directDownline)} />
        <Stat testId="total-downline" label={t("network.profile.totalDownline")} value={formatNumber(locale, totalDownline)} />
        {legs.map((leg) => (
          <Stat
            key={leg.slot}
            testId={`leg-${leg.slot}`}
            label={`${t("network.profile.legColumn")}: ${slotLabel(t, settings.shape, leg.slot)}`}
            value={formatNumber(locale, leg.size)}
          />
        ))}
      </div>

      <div className="mb-6 grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <ProfileCard card={card} placement={placement} document={document} shape={settings.shape} />
        </div>
        <LevelsTable levels={levels ?? []} />
      </div>

      <Card title={t("network.profile.tree")} className="mb-6">
        <ProfileTree rootId={card.id} rootName={card.fullName} />
      </Card>

      {user.permissions.has("network.edit") ? <StatusPanel consultantId={card.id} status={card.status} /> : null}

      <StatusHistory history={history} />
    </>
  );
}
