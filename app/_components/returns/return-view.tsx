import Link from "next/link";
import { Card } from "@/app/_components/ui/card";
import { formatMoney } from "@/server/commerce/money";
import { getLocale, getT } from "@/server/i18n/server";
import type { ReturnDetail } from "@/server/returns/queries";
import { DocumentLink, documentNo } from "../documents/document-link";
import { ReturnStatusBadge } from "./status-badge";

const dateTime = (locale: string, at: Date | string) => new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short" }).format(new Date(at));

/** One request as staff and its consultant read it: what, why, the items, photos, and the decision with its document. */
export async function ReturnView({ detail, staff }: { detail: ReturnDetail; staff: boolean }) {
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const money = (minor: number) => formatMoney(minor, detail.currency, locale);
  const r = detail.request;
  const reason = (locale !== "pt-BR" && detail.reason[locale]) || detail.reason["pt-BR"];
  const orderHref = (id: number) => (staff ? `/admin/orders/${id}` : `/portal/orders/${id}`);
  const noteLabel = detail.noteKind && detail.noteNumber !== null ? `${t(`invoices.kind.${detail.noteKind}`)} ${documentNo(detail.noteNumber)}` : null;
  return (
    <div className="space-y-6">
      <Card>
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
          <Item label={t("returns.list.status")}>
            <ReturnStatusBadge status={r.status} label={t(`returns.status.${r.status}`)} />
          </Item>
          <Item label={t("returns.list.kind")}>{t(`returns.kind.${r.kind}`)}</Item>
          <Item label={t("returns.detail.order")}>
            <Link href={orderHref(r.orderId)} className="text-brand-700 hover:underline" data-testid="return-order">
              {detail.orderNumber}
            </Link>
          </Item>
          <Item label={t("returns.detail.consultant")}>
            {staff ? (
              <Link href={`/admin/network/${detail.consultantId}`} className="text-brand-700 hover:underline">
                {detail.consultantName} · {detail.consultantCode}
              </Link>
            ) : (
              `${detail.consultantName} · ${detail.consultantCode}`
            )}
          </Item>
          {detail.customerName ? <Item label={t("returns.detail.customer")}>{detail.customerName}</Item> : null}
          <Item label={t("returns.detail.reason")}>{reason}</Item>
          <Item label={t("returns.detail.requestedBy")}>{detail.requestedByName}</Item>
          <Item label={t("returns.detail.requestedAt")}>{dateTime(locale, r.requestedAt)}</Item>
          <Item label={t("returns.detail.value")}>
            <span className="font-semibold tabular-nums" data-testid="return-value">
              {money(detail.value)}
            </span>
          </Item>
          {r.notes ? (
            <Item label={t("returns.detail.notes")} wide>
              <span className="whitespace-pre-line">{r.notes}</span>
            </Item>
          ) : null}
        </dl>
      </Card>

      <Card title={t("returns.detail.lines")}>
        <div className="overflow-x-auto">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">{t("returns.detail.lines")}</caption>
            <thead className="text-left text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">{t("returns.form.product")}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{t("returns.form.bought")}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{t("returns.form.quantity")}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{t("returns.list.value")}</th>
                {r.kind === "exchange" ? <th scope="col" className="px-3 py-2 font-medium">{t("returns.form.replacement")}</th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {detail.lines.map((l) => (
                <tr key={l.orderLineId}>
                  <td className="py-2 pr-3">
                    <div className="font-medium text-slate-900">{l.name}</div>
                    <div className="text-xs text-slate-500">{l.sku}</div>
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{l.bought}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{l.quantity}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{money(l.lineTotal)}</td>
                  {r.kind === "exchange" ? <td className="px-3 py-2">{l.replacement ? `${(locale !== "pt-BR" && l.replacement.name[locale]) || l.replacement.name["pt-BR"]} (${l.replacement.sku})` : "—"}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>

      {r.photoCount > 0 ? (
        <Card title={t("returns.detail.photos")}>
          <ul className="flex flex-wrap gap-3">
            {Array.from({ length: r.photoCount }, (_, n) => (
              <li key={n}>
                <a href={`/api/returns/${r.id}/photos/${n}`} target="_blank" rel="noreferrer">
                  {/* eslint-disable-next-line @next/next/no-img-element -- private photos behind an access check, not optimisable */}
                  <img src={`/api/returns/${r.id}/photos/${n}`} alt={t("returns.detail.photoAlt", { n: n + 1 })} className="h-28 w-28 rounded-md object-cover ring-1 ring-slate-200" />
                </a>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      {r.status !== "pending" ? (
        <Card title={t("returns.decide.title")}>
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
            <Item label={t("returns.detail.decidedBy")}>{detail.decidedByName ?? "—"}</Item>
            <Item label={t("returns.detail.decidedAt")}>{r.decidedAt ? dateTime(locale, r.decidedAt) : "—"}</Item>
            {r.decisionComment ? (
              <Item label={t("returns.detail.comment")} wide>
                <span data-testid="return-comment">{r.decisionComment}</span>
              </Item>
            ) : null}
            {r.status === "approved" ? (
              <Item label={t("returns.detail.note")}>
                {noteLabel && r.creditNoteId ? (
                  <span data-testid="return-note">
                    <DocumentLink id={r.creditNoteId} label={`${noteLabel} · ${money(detail.noteTotal ?? 0)}`} title={t("returns.detail.downloadNote", { document: noteLabel })} testId="return-note-pdf" />
                  </span>
                ) : (
                  <span className="text-slate-500">{t("returns.detail.noNote")}</span>
                )}
              </Item>
            ) : null}
            {r.replacementOrderId && detail.replacementOrderNumber ? (
              <Item label={t("returns.detail.replacementOrder")}>
                <Link href={orderHref(r.replacementOrderId)} className="text-brand-700 hover:underline" data-testid="return-replacement-order">
                  {detail.replacementOrderNumber}
                </Link>
              </Item>
            ) : null}
          </dl>
        </Card>
      ) : null}
    </div>
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
