import { localMemo } from "@/server/ledger/memo";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DocumentLink, documentNo } from "@/app/_components/documents/document-link";
import { Alert, Card, PageHeader } from "@/app/_components/ui/card";
import { formatMoney } from "@/server/commerce/money";
import { getLocale, getT } from "@/server/i18n/server";
import { serverApi } from "@/server/trpc/request-context";
import { requirePermission } from "../../../_lib/require-permission";
import { ReverseEntry } from "./reverse-entry";

type Props = { params: Promise<{ id: string }> };

async function load(raw: string) {
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : 0;
  if (!id) return null;
  try {
    return await (await serverApi()).ledger.entry({ id });
  } catch (error) {
    if ((error as { code?: string }).code === "NOT_FOUND") return null;
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getT())("ledgerScreens.entry.title", { id: (await params).id }) };
}

export default async function EntryPage({ params }: Props) {
  await requirePermission("ledger.post");
  const entry = await load((await params).id);
  if (!entry) notFound();
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const currency = entry.postings[0]?.currency ?? "BRL";
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const debits = entry.postings.filter((p) => p.amount > 0).reduce((s, p) => s + p.amount, 0);
  const credits = -entry.postings.filter((p) => p.amount < 0).reduce((s, p) => s + p.amount, 0);
  const docName = entry.document ? `${t(`invoices.kind.${entry.document.kind}`)} ${documentNo(entry.document.number)}` : null;
  return (
    <>
      <PageHeader
        title={t("ledgerScreens.entry.title", { id: entry.id })}
        actions={
          <Link href="/admin/ledger/entries" className="text-sm text-brand-700 hover:underline">
            ← {t("ledgerScreens.entry.back")}
          </Link>
        }
      />
      <div className="space-y-6">
        <Card>
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
            <Item label={t("ledgerScreens.entry.at")}>{new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "medium" }).format(new Date(entry.at))}</Item>
            <Item label={t("ledgerScreens.entry.kind")}>
              <code className="text-xs">{entry.kind}</code>
            </Item>
            <Item label={t("ledgerScreens.entry.by")}>{entry.createdByName ?? t("ledgerScreens.entry.system")}</Item>
            <Item label={t("ledgerScreens.entry.memo")} wide>
              <span data-testid="entry-memo">{localMemo(entry.memo, t)}</span>
            </Item>
            {entry.sourceType ? (
              <Item label={t("ledgerScreens.entry.source")}>
                <code className="text-xs">
                  {entry.sourceType} {entry.sourceId}
                </code>
              </Item>
            ) : null}
            {entry.document && docName ? (
              <Item label={t("ledgerScreens.entry.document")}>
                <DocumentLink id={entry.document.id} label={docName} title={t("invoices.list.download", { document: docName })} />
              </Item>
            ) : null}
            {entry.reversesEntryId ? (
              <Item label={t("ledgerScreens.entries.reversal", { id: entry.reversesEntryId })}>
                <Link href={`/admin/ledger/entries/${entry.reversesEntryId}`} className="text-brand-700 hover:underline">
                  {t("ledgerScreens.entry.reverses", { id: entry.reversesEntryId })}
                </Link>
              </Item>
            ) : null}
            {entry.reversedById ? (
              <Item label={t("ledgerScreens.entries.reversed")}>
                <Link href={`/admin/ledger/entries/${entry.reversedById}`} className="text-brand-700 hover:underline" data-testid="entry-reversed-by">
                  {t("ledgerScreens.entry.reversedBy", { id: entry.reversedById })}
                </Link>
              </Item>
            ) : null}
          </dl>
        </Card>
        <Card title={t("ledgerScreens.entry.postings")}>
          <div className="overflow-x-auto">
            <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="entry-postings">
              <caption className="sr-only">{t("ledgerScreens.entry.postings")}</caption>
              <thead className="text-left text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">{t("ledgerScreens.entry.account")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("ledgerScreens.entry.owner")}</th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">{t("ledgerScreens.entry.debit")}</th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">{t("ledgerScreens.entry.credit")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {entry.postings.map((p) => (
                  <tr key={p.id}>
                    <td className="py-2 pr-3">{t(`commerce.account.${p.kind}`)}</td>
                    <td className="px-3 py-2">
                      {p.consultantId ? (
                        <Link href={`/admin/ledger/statement?consultant=${p.consultantId}&kind=${p.kind}`} className="text-brand-700 hover:underline">
                          {p.consultantName} · {p.consultantCode}
                        </Link>
                      ) : (
                        t("ledgerScreens.entry.company")
                      )}
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">{p.amount > 0 ? money(p.amount) : ""}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{p.amount < 0 ? money(-p.amount) : ""}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot className="border-t border-slate-300 font-semibold">
                <tr>
                  <td className="py-2 pr-3" colSpan={2}>
                    {t("ledgerScreens.entry.totals")}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{money(debits)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{money(credits)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </Card>
        {entry.reversible ? (
          <ReverseEntry id={entry.id} />
        ) : !entry.reversedById && entry.kind !== "reversal" ? (
          <Alert kind="info">{t("ledgerScreens.entry.notReversible")}</Alert>
        ) : null}
      </div>
    </>
  );
}

function Item({ label, children, wide }: { label: string; children: React.ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "sm:col-span-2 lg:col-span-3" : undefined}>
      <dt className="text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-slate-900">{children}</dd>
    </div>
  );
}
