import { inArray, sql } from "drizzle-orm";
import type { Db } from "./client";
import { customers, orders } from "./schema";
import { closePeriod, createCampaign, setCampaignCatalogue } from "@/server/commerce/campaigns";
import { issueInvoice } from "@/server/commerce/invoices";
import { advanceOrder, createOrder, payOrder } from "@/server/commerce/orders";

const DAY = 86_400_000;

/** Customers with a purchase history going back more than a year, so every state and segment shows. */
const HISTORY: { name: string; owner: "ana" | "bruno"; orders: [daysAgo: number, lines: [string, number][]][] }[] = [
  { name: "Helena Duarte", owner: "ana", orders: [[12, [["PER-FLOR-10", 1], ["BAT-VERM-01", 2]]], [40, [["KIT-PRES-50", 1]]], [75, [["PER-AMAD-11", 1]]], [110, [["HID-CORP-20", 2]]], [185, [["PER-FLOR-10", 1]]]] },
  { name: "Isabela Moura", owner: "ana", orders: [[25, [["SHA-CACH-30", 1]]], [95, [["CON-CACH-31", 1]]], [230, [["SAB-ERVA-21", 2]]]] },
  { name: "Larissa Pires", owner: "ana", orders: [[8, [["BAT-NUDE-02", 1]]]] },
  { name: "Mônica Teles", owner: "ana", orders: [[130, [["PER-AMAD-11", 1]]], [180, [["KIT-PRES-50", 1]]], [220, [["PER-FLOR-10", 1]]], [260, [["HID-CORP-20", 2]]]] },
  { name: "Natália Rocha", owner: "ana", orders: [[300, [["SAB-ERVA-21", 1]]]] },
  { name: "Priscila Vieira", owner: "ana", orders: [] },
  { name: "Olívia Santos", owner: "bruno", orders: [[420, [["BAT-VERM-01", 1]]], [500, [["SHA-CACH-30", 1]]]] },
  { name: "Raquel Lima", owner: "bruno", orders: [[60, [["PRO-SOL-40", 1]]], [178, [["PER-FLOR-10", 1]]]] },
];

/** A past campaign (closed) with its own catalogue, 195 to 175 days ago: some of the history above was bought in it. */
const CAMPAIGN = { code: "CICLO-01", name: "Ciclo 1 — Lançamentos", fromDaysAgo: 195, toDaysAgo: 175, skus: ["PER-FLOR-10", "KIT-PRES-50", "BAT-VERM-01", "HID-CORP-20", "PRO-SOL-40"] };

const emailOf = (name: string) => `${name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/ /g, ".")}@cliente.exemplo.com`;

/**
 * Older customers and a past campaign for the customer, segment and period screens. The orders go
 * through the real services, dated in the past. Payment stamps the purchase summary with the day
 * it runs (today, here), so the summary is then set to the orders' own days: this is history that
 * happened before the demo started, and the state and RFM screens read it from the summary.
 */
export async function seedCustomerHistory(db: Db, ctx: { adminId: string; sku: Map<string, number>; ana: number; bruno: number }) {
  const now = Date.now();
  const day = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString().slice(0, 10);
  const campaign = await createCampaign(db, { code: CAMPAIGN.code, name: CAMPAIGN.name, startsOn: day(CAMPAIGN.fromDaysAgo), endsOn: day(CAMPAIGN.toDaysAgo) }, { actorUserId: ctx.adminId, locale: "pt-BR" });
  await setCampaignCatalogue(db, { periodId: campaign.id, productIds: CAMPAIGN.skus.map((s) => ctx.sku.get(s)!) }, ctx.adminId);

  const made = await db
    .insert(customers)
    .values(HISTORY.map((h, i) => ({ consultantId: h.owner === "ana" ? ctx.ana : ctx.bruno, fullName: h.name, email: emailOf(h.name), phone: `+55 11 96000-${String(2000 + i)}`, city: "Campinas", state: "SP", createdAt: new Date(now - 540 * DAY) })))
    .returning({ id: customers.id });
  for (const [i, h] of HISTORY.entries()) {
    for (const [daysAgo, lines] of h.orders) {
      const order = await createOrder(db, {
        consultantId: h.owner === "ana" ? ctx.ana : ctx.bruno,
        customerId: made[i]!.id,
        channel: "site",
        lines: lines.map(([s, quantity]) => ({ productId: ctx.sku.get(s)!, quantity })),
        paymentMethod: "bank_slip",
        place: true,
        actorUserId: ctx.adminId,
        at: new Date(now - daysAgo * DAY),
      });
      await payOrder(db, { orderId: order.id, method: "bank_slip" }, ctx.adminId);
      await issueInvoice(db, order.id, ctx.adminId);
      await advanceOrder(db, { orderId: order.id, to: "shipped" }, ctx.adminId);
      await advanceOrder(db, { orderId: order.id, to: "delivered" }, ctx.adminId);
    }
  }
  const ids = made.map((m) => m.id);
  await db
    .update(customers)
    .set({
      firstOrderAt: sql`(select min(${orders.placedAt}) from ${orders} where ${orders.customerId} = ${customers.id} and ${orders.paidAt} is not null)`,
      lastOrderAt: sql`(select max(${orders.placedAt}) from ${orders} where ${orders.customerId} = ${customers.id} and ${orders.paidAt} is not null)`,
    })
    .where(inArray(customers.id, ids));
  await closePeriod(db, campaign.id, ctx.adminId);
  return { customers: ids.length, campaign: campaign.code };
}

