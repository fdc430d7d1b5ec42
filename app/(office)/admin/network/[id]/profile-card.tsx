import Link from "next/link";
import { Badge, Card } from "@/app/_components/ui/card";
import { slotLabel, type ShapeLike } from "@/app/_lib/slot-label";
import type { RouterOutputs } from "@/app/_lib/trpc";
import { getLocale, getT } from "@/server/i18n/server";
import type { Locale } from "@/server/i18n/locales";
import { formatDocument, isDocumentType } from "@/server/network/documents";
import type { getIdentityDocument } from "@/server/network/history";

type ConsultantCard = RouterOutputs["consultants"]["card"];
type Chain = RouterOutputs["network"]["upline"];
type IdentityDocument = Awaited<ReturnType<typeof getIdentityDocument>>;

export const STATUS_TONE = { active: "green", inactive: "amber", terminated: "red" } as const;

/** `joined_at` is a calendar date: read it as UTC so no time zone moves it to the day before. */
function formatCalendarDate(locale: Locale, day: string) {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
}

/** The consultant's basics: who they are, how to reach them, and where they sit in both trees. */
export async function ProfileCard({ card, placement, document, shape }: { card: ConsultantCard; placement: Chain | null; document: IdentityDocument; shape: ShapeLike }) {
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const none = t("common.none");
  const parent = placement && placement.length > 1 ? placement.at(-2) : undefined;
  const slot = placement?.at(-1)?.slot;
  const place = [card.city, card.state].filter(Boolean).join(" / ");
  const rows: { label: string; value: React.ReactNode; testId: string }[] = [
    { label: t("network.profile.code"), value: card.code, testId: "code" },
    { label: t("network.profile.status"), value: <Badge tone={STATUS_TONE[card.status]}>{t(`common.status.${card.status}`)}</Badge>, testId: "status" },
    { label: t("network.profile.rank"), value: card.rank ?? none, testId: "rank" },
    {
      label: t("network.profile.document"),
      value: document ? `${document.type} ${isDocumentType(document.type) ? formatDocument(document.type, document.number) : document.number}` : none,
      testId: "document",
    },
    {
      label: t("network.profile.email"),
      value: (
        <a href={`mailto:${card.email}`} className="text-brand-700 hover:underline">
          {card.email}
        </a>
      ),
      testId: "email",
    },
    { label: t("network.profile.phone"), value: card.phone ?? none, testId: "phone" },
    { label: t("network.profile.city"), value: place || none, testId: "city" },
    { label: t("network.profile.joined"), value: formatCalendarDate(locale, card.joinedAt), testId: "joined" },
    {
      label: t("network.profile.sponsor"),
      value: card.sponsor ? (
        <Link href={`/admin/network/${card.sponsor.id}`} className="text-brand-700 hover:underline">
          {card.sponsor.fullName} · {card.sponsor.code}
        </Link>
      ) : (
        t("network.profile.noSponsor")
      ),
      testId: "sponsor",
    },
    {
      label: t("network.profile.placement"),
      value: parent ? (
        <Link href={`/admin/network/${parent.id}`} className="text-brand-700 hover:underline">
          {t("network.profile.placedUnder", { name: parent.fullName, leg: slotLabel(t, shape, slot ?? 1) })}
        </Link>
      ) : placement ? (
        none
      ) : (
        t("network.profile.notPlaced")
      ),
      testId: "placement",
    },
  ];
  return (
    <Card title={t("network.profile.details")}>
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
        {rows.map((row) => (
          <div key={row.testId}>
            <dt className="text-slate-500">{row.label}</dt>
            <dd className="mt-0.5 break-words text-slate-900" data-testid={`profile-${row.testId}`}>
              {row.value}
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
