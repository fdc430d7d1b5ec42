import Link from "next/link";
import { Card } from "@/app/_components/ui/card";
import { localised } from "@/server/commerce/catalogue";
import { formatMoney, formatVolume } from "@/server/commerce/money";
import type { OrderDetail } from "@/server/commerce/order-queries";
import { getLocale, getT } from "@/server/i18n/server";
import { localOrderNote } from "@/server/ledger/memo";
import { OrderStatusBadge } from "./status-badge";

const dateTime = (locale: string, at: Date | string) => new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short" }).format(new Date(at));

/**
 * One order as staff and its consultant read it: summary, items, payments and invoice, and the
 * history of every status change with who made it. Read-only; the admin adds its actions beside it.
 */
export async function OrderView({ order, staff }: { order: OrderDetail; staff: boolean }) {
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const money = (minor: number) => formatMoney(minor, order.currency, locale);
  const address = order.shippingAddress;
  return (
    <div className="space-y-6">
      <Card title={t("orders.detail.summary")}>
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
          <Item label={t("orders.list.status")}>
            <OrderStatusBadge status={order.status} label={t(`commerce.status.${order.status}`)} />
          </Item>
          <Item label={t("orders.detail.placedAt")}>{dateTime(locale, order.placedAt ?? order.createdAt)}</Item>
          <Item label={t("orders.list.channel")}>{t(`commerce.channel.${order.channel}`)}</Item>
          <Item label={t("orders.detail.consultant")}>
            {staff ? (
              <Link href={`/admin/network/${order.consultant.id}`} className="text-brand-700 hover:underline">
                {order.consultant.fullName} · {order.consultant.code}
              </Link>
            ) : (
              `${order.consultant.fullName} · ${order.consultant.code}`
            )}
          </Item>
          <Item label={t("orders.detail.customer")}>
            <span data-testid="order-customer">{order.customer ? `${order.customer.fullName} · ${order.customer.email}` : t("orders.detail.ownPurchase")}</span>
          </Item>
          <Item label={t("orders.detail.period")}>{order.period.name}</Item>
          <Item label={t("orders.detail.paymentMethod")}>{order.paymentMethod ? t(`commerce.paymentMethod.${order.paymentMethod}`) : t("common.none")}</Item>
          <Item label={t("orders.detail.total")}>
            <span className="font-semibold tabular-nums" data-testid="order-total">
              {money(order.total)}
            </span>
          </Item>
          <Item label={t("orders.detail.volumes")}>
            <span className="tabular-nums" data-testid="order-volumes">
              {t("orders.detail.pvcv", { pv: formatVolume(order.pv, locale), cv: formatVolume(order.cv, locale) })}
            </span>
          </Item>
          {address ? (
            <Item label={t("orders.detail.shipTo")} wide>
              {[address.fullName, address.addressLine, [address.city, address.state].filter(Boolean).join(" – "), address.postalCode, address.phone].filter(Boolean).join(" · ")}
            </Item>
          ) : null}
        </dl>
      </Card>

      <Card title={t("orders.detail.lines")}>
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm" data-testid="order-lines">
            <caption className="sr-only">{t("orders.detail.lines")}</caption>
            <thead>
              <tr className="border-b border-slate-200 text-left text-slate-600">
                <th scope="col" className="py-2 pr-4 font-medium">{t("orders.detail.product")}</th>
                <th scope="col" className="py-2 pr-4 font-medium">{t("orders.detail.sku")}</th>
                <th scope="col" className="py-2 pr-4 text-right font-medium">{t("orders.detail.quantity")}</th>
                <th scope="col" className="py-2 pr-4 text-right font-medium">{t("orders.detail.unitPrice")}</th>
                <th scope="col" className="py-2 text-right font-medium">{t("orders.detail.lineTotal")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {order.lines.map((line) => (
                <tr key={line.id}>
                  <td className="py-2 pr-4">{localised(line.productName, locale)}</td>
                  <td className="py-2 pr-4 font-mono text-xs text-slate-600">{line.sku}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{line.quantity}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{money(line.unitPrice)}</td>
                  <td className="py-2 text-right tabular-nums">{money(line.lineTotal)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="border-t border-slate-200">
                <th scope="row" colSpan={4} className="py-2 pr-4 text-right font-medium text-slate-600">{t("orders.detail.total")}</th>
                <td className="py-2 text-right font-semibold tabular-nums">{money(order.total)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("orders.detail.payments")}>
          {order.payments.length === 0 ? (
            <p className="text-sm text-slate-500">{t("orders.detail.noPayments")}</p>
          ) : (
            <ul className="space-y-2 text-sm" data-testid="order-payments">
              {order.payments.map((p) => (
                <li key={p.id}>
                  {t("orders.detail.paymentLine", { amount: formatMoney(p.amount, p.currency, locale), method: t(`commerce.paymentMethod.${p.method}`), at: dateTime(locale, p.receivedAt) })}
                  {p.reference ? <span className="text-slate-600"> · {t("orders.detail.reference")}: {p.reference}</span> : null}
                  {p.recordedByName ? <span className="text-slate-500"> · {t("orders.detail.recordedBy", { name: p.recordedByName })}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("orders.detail.invoice")}>
          <p className="text-sm" data-testid="order-invoice">
            {order.invoice ? t("orders.detail.invoiceLine", { number: String(order.invoice.number), at: dateTime(locale, order.invoice.issuedAt) }) : <span className="text-slate-500">{t("orders.detail.noInvoice")}</span>}
          </p>
        </Card>
      </div>

      <Card title={t("orders.detail.timeline")}>
        <ol className="relative space-y-4 border-l border-slate-200 pl-5" data-testid="order-timeline">
          {order.events.map((e) => (
            <li key={e.id} className="text-sm">
              <span aria-hidden className="absolute -left-1.5 mt-1.5 h-3 w-3 rounded-full bg-brand-500 ring-4 ring-white" />
              <div className="font-medium text-slate-900">
                {e.fromStatus
                  ? t("orders.detail.changed", { from: t(`commerce.status.${e.fromStatus}`), to: t(`commerce.status.${e.toStatus}`) })
                  : t("orders.detail.created", { status: t(`commerce.status.${e.toStatus}`) })}
              </div>
              <div className="text-slate-600">
                <time dateTime={new Date(e.at).toISOString()}>{dateTime(locale, e.at)}</time> ·{" "}
                {e.actorName ? t("orders.detail.by", { name: e.actorName }) : order.channel === "site" && !e.fromStatus ? t("orders.detail.bySite") : t("orders.detail.bySystem")}
              </div>
              {e.note ? <div className="mt-0.5 text-slate-700">{localOrderNote(e.note, t)}</div> : null}
            </li>
          ))}
        </ol>
      </Card>
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
