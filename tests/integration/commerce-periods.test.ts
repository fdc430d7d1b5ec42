import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { consultants, genealogy, journalEntries, orderEvents, orders, payments, periodVolumes, products, users, volumeEvents } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { closePeriod, createCampaign, setCampaignCatalogue } from "@/server/commerce/campaigns";
import { createOrder, payOrder, placeCart } from "@/server/commerce/orders";
import { dayOf, periodFor } from "@/server/commerce/periods";
import { idsOf } from "@/server/network/tree/path";
import { createTestDatabase } from "./db";

/** A closed period is final: nothing placed or paid afterwards is written into its volumes. */
let t: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let adminId: string;
let anaId: number;
let sponsorId: number;
let lipstick: number;
let perfume: number;
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  await seedDemo(db, { size: 60, commerce: false });
  [{ id: adminId }] = (await db.select({ id: users.id }).from(users).where(eq(users.email, "admin@rede.test"))) as [{ id: string }];
  [{ id: anaId }] = (await db.select({ id: consultants.id }).from(consultants).where(eq(consultants.code, "RD000002"))) as [{ id: number }];
  const [g] = await db.select({ path: genealogy.sponsorPath }).from(genealogy).where(eq(genealogy.consultantId, anaId));
  sponsorId = idsOf(g!.path).at(-2)!;
  const rows = await db
    .insert(products)
    .values([
      { sku: "PER-BAT-01", name: { "pt-BR": "Batom" }, retailPrice: 4990, consultantPrice: 3490, pv: 1500, cv: 1200 },
      { sku: "PER-PER-02", name: { "pt-BR": "Perfume" }, retailPrice: 18990, consultantPrice: 13290, pv: 6000, cv: 5000 },
    ])
    .returning({ id: products.id });
  [lipstick, perfume] = rows.map((r) => r.id) as [number, number];
});
afterAll(() => t?.drop());

const volumeOf = async (periodId: number, consultantId: number) =>
  (await db.select().from(periodVolumes).where(and(eq(periodVolumes.periodId, periodId), eq(periodVolumes.consultantId, consultantId))))[0] ?? { pv: 0, cv: 0, gv: 0 };

describe("a period closed after its orders were placed", () => {
  it("a later payment credits the volume to the current open period, never to the closed one", async () => {
    const past = await createCampaign(db, { code: "CICLO-PASSADO", name: "Ciclo passado", startsOn: dayOf(daysAgo(70)), endsOn: dayOf(daysAgo(40)) }, { actorUserId: adminId, locale: "pt-BR" });
    const at = daysAgo(50);
    const order = await createOrder(db, { consultantId: anaId, customerId: null, channel: "staff", lines: [{ productId: lipstick, quantity: 2 }], paymentMethod: "bank_slip", place: true, actorUserId: adminId, at });
    const cart = await createOrder(db, { consultantId: anaId, customerId: null, channel: "portal", lines: [{ productId: perfume, quantity: 1 }], paymentMethod: "bank_slip", place: false, actorUserId: null, at });
    expect([order.periodId, cart.periodId]).toEqual([past.id, past.id]);
    await closePeriod(db, past.id, adminId);
    const closedBefore = await db.select().from(periodVolumes).where(eq(periodVolumes.periodId, past.id));

    const payment = await payOrder(db, { orderId: order.id, method: "bank_slip", idempotencyKey: "late-payment-1" }, adminId);
    expect(payment.amount).toBe(order.total);
    const current = await periodFor(db, dayOf(new Date()));
    expect(current.id).not.toBe(past.id);
    // The closed period's volumes are exactly as they were; the sale counts once, in the current one.
    expect(await db.select().from(periodVolumes).where(eq(periodVolumes.periodId, past.id))).toEqual(closedBefore);
    const events = await db.select().from(volumeEvents).where(eq(volumeEvents.orderId, order.id));
    expect(events.map((e) => [e.periodId, e.pv, e.cv])).toEqual([[current.id, 3000, 2400]]);
    expect(await volumeOf(current.id, anaId)).toMatchObject({ pv: 3000, cv: 2400, gv: 3000 });
    expect((await volumeOf(current.id, sponsorId)).gv).toBe(3000);
    // The order keeps its own period; its timeline says where the volume went.
    const [after] = await db.select().from(orders).where(eq(orders.id, order.id));
    expect(after!.periodId).toBe(past.id);
    const [paidEvent] = await db.select().from(orderEvents).where(and(eq(orderEvents.orderId, order.id), eq(orderEvents.toStatus, "paid")));
    expect(paidEvent!.note).toBe(`Volume creditado no período ${current.name} (Ciclo passado está fechado)`);
    // A retry pays nothing twice and counts nothing twice.
    expect((await payOrder(db, { orderId: order.id, method: "bank_slip", idempotencyKey: "late-payment-1" }, adminId)).id).toBe(payment.id);
    expect(await db.select().from(volumeEvents).where(eq(volumeEvents.orderId, order.id))).toHaveLength(1);
  });

  it("a cart started in the closed period is placed into today's open period, posted once", async () => {
    const [cart] = await db.select().from(orders).where(eq(orders.status, "cart"));
    const current = await periodFor(db, dayOf(new Date()));
    const placed = await placeCart(db, cart!.id, adminId);
    expect(placed.status).toBe("placed");
    expect(placed.periodId).toBe(current.id);
    const [row] = await db.select().from(orders).where(eq(orders.id, cart!.id));
    expect(row!.periodId).toBe(current.id);
    const [event] = await db.select().from(orderEvents).where(and(eq(orderEvents.orderId, cart!.id), eq(orderEvents.toStatus, "placed")));
    expect(event!.note).toBe(`Período ${current.name} (carrinho de um período anterior)`);
    // A double click places it once.
    await placeCart(db, cart!.id, adminId);
    expect(await db.select().from(journalEntries).where(and(eq(journalEntries.sourceType, "order"), eq(journalEntries.sourceId, String(cart!.id))))).toHaveLength(1);
    // Its payment's volume lands in the current period like any of today's orders.
    await payOrder(db, { orderId: cart!.id, method: "bank_slip" }, adminId);
    expect((await db.select().from(volumeEvents).where(eq(volumeEvents.orderId, cart!.id))).map((e) => e.periodId)).toEqual([current.id]);
  });

  it("a cart whose items today's campaign does not sell is refused naming the line, and stays a cart", async () => {
    const past = await createCampaign(db, { code: "CICLO-ANTIGO", name: "Ciclo antigo", startsOn: dayOf(daysAgo(100)), endsOn: dayOf(daysAgo(90)) }, { actorUserId: adminId, locale: "pt-BR" });
    const cart = await createOrder(db, { consultantId: anaId, customerId: null, channel: "portal", lines: [{ productId: lipstick, quantity: 1 }, { productId: perfume, quantity: 1 }], paymentMethod: "bank_slip", place: false, actorUserId: null, at: daysAgo(95) });
    expect(cart.periodId).toBe(past.id);
    await closePeriod(db, past.id, adminId);
    // The cart is placed on a day that falls in a campaign selling only the lipstick.
    const campaign = await createCampaign(db, { code: "CICLO-FUTURO", name: "Ciclo futuro", startsOn: dayOf(daysAgo(-400)), endsOn: dayOf(daysAgo(-410)) }, { actorUserId: adminId, locale: "pt-BR" });
    await setCampaignCatalogue(db, { periodId: campaign.id, productIds: [lipstick] }, adminId);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(daysAgo(-405));
    try {
      await expect(placeCart(db, cart.id, adminId)).rejects.toMatchObject({ messageKey: "commerce.errors.notInCampaign", params: { period: "Ciclo futuro" }, field: "lines.1.productId" });
    } finally {
      vi.useRealTimers();
    }
    const [row] = await db.select().from(orders).where(eq(orders.id, cart.id));
    expect([row!.status, row!.periodId]).toEqual(["cart", past.id]);
  });

  it("when today's period is closed too, a payment and a placement are refused with the period's name and write nothing", async () => {
    const order = await createOrder(db, { consultantId: anaId, customerId: null, channel: "staff", lines: [{ productId: lipstick, quantity: 1 }], paymentMethod: "bank_slip", place: true, actorUserId: adminId });
    const cart = await createOrder(db, { consultantId: anaId, customerId: null, channel: "portal", lines: [{ productId: lipstick, quantity: 1 }], paymentMethod: "bank_slip", place: false, actorUserId: null });
    const current = await periodFor(db, dayOf(new Date()));
    await closePeriod(db, current.id, adminId);
    const count = async () => (await db.execute<{ n: string }>(sql`select (select count(*) from payments) + (select count(*) from volume_events) + (select count(*) from journal_entries) as n`))[0]!.n;
    const before = await count();
    await expect(payOrder(db, { orderId: order.id, method: "bank_slip" }, adminId)).rejects.toMatchObject({ code: "CONFLICT", messageKey: "periods.errors.closed", params: { period: current.name } });
    await expect(placeCart(db, cart.id, adminId)).rejects.toMatchObject({ code: "CONFLICT", messageKey: "periods.errors.closed", params: { period: current.name } });
    expect(await count()).toBe(before);
    expect((await db.select().from(orders).where(eq(orders.id, order.id)))[0]!.status).toBe("placed");
    expect(await db.select().from(payments).where(eq(payments.orderId, order.id))).toEqual([]);
  });
});
