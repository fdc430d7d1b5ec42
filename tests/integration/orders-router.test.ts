import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, consultants, customers, orders, periodVolumes, products, rateLimitHits, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { hit } from "@/server/auth/rate-limit";
import { CHECKOUT_LIMITS } from "@/server/commerce/checkout";
import { createCaller } from "@/server/trpc/root";
import { callerAs, contextFor, countRows, failureOf } from "./admin-helpers";
import { createTestDatabase } from "./db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
const ids = {} as { ana: number; bruno: number; anaCustomer: number; brunoCustomer: number; lipstick: number; perfume: number; off: number };
const userIds = {} as Record<"admin" | "finance" | "ana" | "bruno", string>;
let seq = 0;
const key = () => `test-key-${Date.now()}-${++seq}`;

const as = async (who: keyof typeof userIds) => callerAs(db, userIds[who]);
const anonymous = (ip = "203.0.113.7") => {
  const ctx = { ...contextFor(db, null), ip };
  return { api: createCaller(ctx), ctx };
};

/** Rows that any order write touches: "changes nothing" means none of these moved. */
async function footprint() {
  return {
    orders: await countRows(db, "orders"),
    lines: await countRows(db, "order_lines"),
    customers: await countRows(db, "customers"),
    postings: await countRows(db, "postings"),
    payments: await countRows(db, "payments"),
    volumes: await countRows(db, "volume_events"),
  };
}

const checkoutInput = (over: Record<string, unknown> = {}) => ({
  slug: "ana",
  idempotencyKey: key(),
  locale: "pt-BR" as const,
  fullName: "Helena Duarte",
  email: `helena.${seq}@cliente.exemplo.com`,
  phone: "+55 11 98888-1234",
  addressLine: "Rua das Flores, 120, ap. 3",
  city: "Campinas",
  state: "SP",
  postalCode: "13010-100",
  paymentMethod: "bank_slip" as const,
  lines: [
    { productId: ids.lipstick, quantity: 2 },
    { productId: ids.perfume, quantity: 1 },
  ],
  ...over,
});

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  await seedDemo(db, { size: 120 });
  const people = await db.select({ id: consultants.id, code: consultants.code }).from(consultants).where(sql`${consultants.code} in ('RD000002', 'RD000017')`);
  ids.ana = people.find((p) => p.code === "RD000002")!.id;
  ids.bruno = people.find((p) => p.code === "RD000017")!.id;
  ids.anaCustomer = (await db.select({ id: customers.id }).from(customers).where(eq(customers.consultantId, ids.ana)).limit(1))[0]!.id;
  ids.brunoCustomer = (await db.select({ id: customers.id }).from(customers).where(eq(customers.consultantId, ids.bruno)).limit(1))[0]!.id;
  const sku = async (s: string) => (await db.select({ id: products.id }).from(products).where(eq(products.sku, s)))[0]!.id;
  ids.lipstick = await sku("BAT-VERM-01");
  ids.perfume = await sku("PER-FLOR-10");
  [{ id: ids.off }] = (await db.insert(products).values({ sku: "OFF-99", name: { "pt-BR": "Fora de linha" }, retailPrice: 100, consultantPrice: 90, active: false }).returning({ id: products.id })) as [{ id: number }];
  for (const [who, email] of [["admin", "admin@rede.test"], ["finance", "financeiro@rede.test"], ["ana", "ana@rede.test"], ["bruno", "bruno@rede.test"]] as const) {
    userIds[who] = (await db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;
  }
});
afterAll(() => t?.drop());

describe("staff orders", () => {
  it("creates an order for any consultant's customer at retail, pays it once per key, and audits both", async () => {
    const { api } = await as("finance");
    const order = await api.orders.create({ consultantId: ids.bruno, customerId: ids.brunoCustomer, lines: [{ productId: ids.lipstick, quantity: 3 }], paymentMethod: "bank_slip", idempotencyKey: key() });
    expect(order).toMatchObject({ status: "placed", channel: "staff", consultantId: ids.bruno, total: 3 * 4990, pv: 3 * 1500 });
    const payKey = key();
    const [p1, p2] = await Promise.all([
      api.orders.pay({ orderId: order.id, method: "bank_slip", reference: "BOL-1", idempotencyKey: payKey }),
      api.orders.pay({ orderId: order.id, method: "bank_slip", reference: "BOL-1", idempotencyKey: payKey }),
    ]);
    expect(p1.id).toBe(p2.id);
    const detail = await api.orders.get({ id: order.id });
    expect(detail).toMatchObject({ status: "paid", payments: [{ amount: order.total, reference: "BOL-1" }], invoice: null, next: ["invoiced"] });
    expect(detail.events.map((e) => e.toStatus)).toEqual(["placed", "paid"]);
    const [finance] = await db.select({ name: users.name }).from(users).where(eq(users.id, userIds.finance));
    expect(detail.events[1]!.actorName).toBe(finance!.name);
    const audits = await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entityType, "order"), eq(auditLog.entityId, String(order.id))));
    expect(audits.map((a) => a.action).sort()).toEqual(["order.create", "order.pay"]);
  });

  it("refuses a customer of another consultant, an inactive product and malformed input, writing nothing", async () => {
    const { api, ctx } = await as("admin");
    const before = await footprint();
    const wrong = await failureOf(api.orders.create({ consultantId: ids.ana, customerId: ids.brunoCustomer, lines: [{ productId: ids.lipstick, quantity: 1 }], paymentMethod: "bank_slip", idempotencyKey: key() }), ctx);
    expect(wrong).toMatchObject({ message: "Este cliente pertence a outro consultor.", data: { httpStatus: 400, fieldErrors: { customerId: ["Este cliente pertence a outro consultor."] } } });
    const bad = await failureOf(api.orders.create({ consultantId: ids.ana, customerId: null, lines: [{ productId: ids.off, quantity: 1 }], paymentMethod: "bank_slip", idempotencyKey: key() }), ctx);
    expect(bad.data.fieldErrors).toEqual({ "lines.0.productId": ["Este produto não está disponível."] });
    const garbage = await failureOf(api.orders.create({ consultantId: ids.ana, customerId: null, lines: [{ productId: ids.lipstick, quantity: 0 }], paymentMethod: "cash" as never, idempotencyKey: "x" }), ctx);
    expect(Object.keys(garbage.data.fieldErrors ?? {}).sort()).toEqual(["idempotencyKey", "lines.0.quantity", "paymentMethod"]);
    expect(await footprint()).toEqual(before);
  });

  it("lists with filters, sorting and pages, and issues invoices in a batch that reports each refusal", async () => {
    const { api } = await as("admin");
    const all = await api.orders.list({ pageSize: 200 });
    expect(all.total).toBe(await countRows(db, "orders"));
    const paid = await api.orders.list({ status: "paid", pageSize: 200 });
    expect(paid.rows.length).toBeGreaterThan(0);
    expect(paid.rows.every((r) => r.status === "paid")).toBe(true);
    const anaOnly = await api.orders.list({ consultantId: ids.ana, pageSize: 200 });
    expect(anaOnly.rows.every((r) => r.consultantId === ids.ana)).toBe(true);
    const marina = await api.orders.list({ text: "MARINA lópes" });
    expect(marina.rows.length).toBeGreaterThan(0);
    expect(marina.rows.every((r) => r.customerName === "Marina Lopes")).toBe(true);
    const byTotal = await api.orders.list({ sort: "total", dir: "asc", pageSize: 200 });
    const totals = byTotal.rows.map((r) => r.total);
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    const page2 = await api.orders.list({ page: 2, pageSize: 3 });
    expect(page2.rows.map((r) => r.id)).toEqual(all.rows.slice(3, 6).map((r) => r.id));
    const future = await api.orders.list({ from: "2999-01-01" });
    expect(future).toMatchObject({ rows: [], total: 0 });

    const placed = (await api.orders.list({ status: "placed", pageSize: 1 })).rows[0]!;
    const result = await api.orders.issueInvoices({ orderIds: [...paid.rows.map((r) => r.id), placed.id] });
    expect(result.filter((r) => r.invoiceNumber).length).toBe(paid.rows.length);
    expect(result.find((r) => r.orderId === placed.id)).toMatchObject({ error: "commerce.errors.badTransition" });
    expect((await api.orders.list({ status: "paid" })).total).toBe(0);
  });

  it("ships, delivers and cancels along the allowed flow only", async () => {
    const { api, ctx } = await as("admin");
    const invoiced = (await api.orders.list({ status: "invoiced", pageSize: 1 })).rows[0]!;
    await api.orders.advance({ orderId: invoiced.id, to: "shipped" });
    await api.orders.advance({ orderId: invoiced.id, to: "delivered" });
    expect((await api.orders.get({ id: invoiced.id })).status).toBe("delivered");
    const refused = await failureOf(api.orders.advance({ orderId: invoiced.id, to: "cancelled" }), ctx);
    expect(refused.data.httpStatus).toBe(409);
    const placed = (await api.orders.list({ status: "placed", pageSize: 1 })).rows[0]!;
    await api.orders.advance({ orderId: placed.id, to: "cancelled", note: "Cliente desistiu" });
    const detail = await api.orders.get({ id: placed.id });
    expect(detail.events.at(-1)).toMatchObject({ toStatus: "cancelled", note: "Cliente desistiu" });
  });
});

describe("portal scope", () => {
  it("a consultant sees only their own orders and cannot open another's", async () => {
    const { api, ctx } = await as("ana");
    const mine = await api.orders.mine({ pageSize: 200 });
    expect(mine.rows.length).toBeGreaterThan(0);
    expect(mine.rows.every((r) => r.consultantId === ids.ana)).toBe(true);
    const brunos = await db.select({ id: orders.id }).from(orders).where(eq(orders.consultantId, ids.bruno)).limit(1);
    const failure = await failureOf(api.orders.myOrder({ id: brunos[0]!.id }), ctx);
    expect(failure).toMatchObject({ message: "Registro não encontrado.", data: { httpStatus: 404 } });
    // The customer picker lists her customers only, whatever she types.
    const found = await api.orders.myCustomers({ q: "" });
    const owners = await db.select({ consultantId: customers.consultantId }).from(customers).where(sql`${customers.id} in ${found.map((c) => c.id)}`);
    expect(owners.every((o) => o.consultantId === ids.ana)).toBe(true);
    expect(found.map((c) => c.fullName)).not.toContain("Renata Farias"); // Bruno's
  });

  it("a consultant cannot order for another consultant's customer, nor for a customer id that does not exist", async () => {
    const { api, ctx } = await as("ana");
    const before = await footprint();
    for (const customerId of [ids.brunoCustomer, 999_999]) {
      const failure = await failureOf(api.orders.placeMine({ customerId, lines: [{ productId: ids.lipstick, quantity: 1 }], paymentMethod: "bank_slip", idempotencyKey: key() }), ctx);
      expect(failure).toMatchObject({ message: "Este cliente não é seu.", data: { httpStatus: 403, fieldErrors: { customerId: ["Este cliente não é seu."] } } });
    }
    expect(await footprint()).toEqual(before);
  });

  it("orders for herself at consultant price and for her customer at retail, credited to her", async () => {
    const { api } = await as("ana");
    const own = await api.orders.placeMine({ customerId: null, lines: [{ productId: ids.lipstick, quantity: 1 }], paymentMethod: "bank_transfer", idempotencyKey: key() });
    const forCustomer = await api.orders.placeMine({ customerId: ids.anaCustomer, lines: [{ productId: ids.lipstick, quantity: 1 }], paymentMethod: "bank_slip", idempotencyKey: key() });
    expect([own.total, own.channel, own.consultantId]).toEqual([3490, "portal", ids.ana]);
    expect([forCustomer.total, forCustomer.customerId, forCustomer.consultantId]).toEqual([4990, ids.anaCustomer, ids.ana]);
    expect((await api.orders.myOrder({ id: own.id })).lines).toHaveLength(1);
  });

  it("shows this period's PV, CV and GV from period_volumes, and a payment moves them", async () => {
    const { api } = await as("ana");
    const before = await api.orders.myVolumes();
    const row = before.period ? (await db.select().from(periodVolumes).where(and(eq(periodVolumes.periodId, before.period.id), eq(periodVolumes.consultantId, ids.ana))))[0] : undefined;
    expect({ pv: before.pv, cv: before.cv, gv: before.gv }).toEqual({ pv: row?.pv ?? 0, cv: row?.cv ?? 0, gv: row?.gv ?? 0 });
    const order = await api.orders.placeMine({ customerId: null, lines: [{ productId: ids.perfume, quantity: 2 }], paymentMethod: "bank_slip", idempotencyKey: key() });
    const finance = (await as("finance")).api;
    await finance.orders.pay({ orderId: order.id, method: "bank_slip", idempotencyKey: key() });
    const after = await api.orders.myVolumes();
    expect([after.pv - before.pv, after.cv - before.cv, after.gv - before.gv]).toEqual([2 * 6000, 2 * 5000, 2 * 6000]);
  });
});

describe("site checkout", () => {
  it("places one order for two submits of the same attempt, credited to the site's consultant at retail", async () => {
    const { api } = anonymous();
    const input = checkoutInput();
    const before = await footprint();
    const [a, b] = await Promise.all([api.orders.checkout(input), api.orders.checkout(input)]);
    const again = await api.orders.checkout(input);
    expect(a.number).toBe(b.number);
    expect(again.number).toBe(a.number);
    expect(a).toMatchObject({ total: 2 * 4990 + 18990, currency: "BRL", paymentMethod: "bank_slip" });
    const after = await footprint();
    expect([after.orders - before.orders, after.customers - before.customers]).toEqual([1, 1]);
    const [order] = await db.select().from(orders).where(eq(orders.number, a.number));
    const [buyer] = await db.select().from(customers).where(eq(customers.id, order!.customerId!));
    expect(order).toMatchObject({ consultantId: ids.ana, channel: "site", status: "placed", createdBy: null });
    expect(buyer).toMatchObject({ consultantId: ids.ana, fullName: "Helena Duarte", city: "Campinas" });
  });

  it("keeps an existing customer with their consultant (customer protection) and never rewrites their record", async () => {
    const [renata] = await db.select().from(customers).where(eq(customers.consultantId, ids.bruno)).limit(1);
    const { api } = anonymous();
    const result = await api.orders.checkout(checkoutInput({ email: renata!.email.toUpperCase(), fullName: "Outro Nome Qualquer", city: "Recife" }));
    const [order] = await db.select().from(orders).where(eq(orders.number, result.number));
    expect(order).toMatchObject({ consultantId: ids.bruno, customerId: renata!.id });
    expect(order!.shippingAddress).toMatchObject({ fullName: "Outro Nome Qualquer", city: "Recife", site: "ana" });
    expect((await db.select().from(customers).where(eq(customers.id, renata!.id)))[0]).toEqual(renata);
  });

  it("bad input changes nothing and says what is wrong in the visitor's language", async () => {
    const before = await footprint();
    const { api, ctx } = anonymous();
    const es = { ...ctx, locale: "es" as const };
    const failure = await failureOf(
      createCaller(es).orders.checkout(checkoutInput({ fullName: "   ", email: "not-an-email", phone: "12", postalCode: "??", paymentMethod: "bank_transfer", lines: [] })),
      es,
    );
    expect(failure.data.httpStatus).toBe(400);
    expect(failure.data.fieldErrors).toMatchObject({
      fullName: ["Campo obligatorio."],
      email: ["Ingresa un correo válido."],
      phone: [expect.stringContaining("teléfono")],
      postalCode: ["Ingresa un código postal válido."],
      paymentMethod: ["Elige boleto o pago contra entrega."],
      lines: ["Incluye al menos un producto."],
    });
    const inactive = await failureOf(api.orders.checkout(checkoutInput({ lines: [{ productId: ids.lipstick, quantity: 1 }, { productId: ids.off, quantity: 1 }] })), ctx);
    expect(inactive.data.fieldErrors).toEqual({ "lines.1.productId": ["Este produto não está disponível."] });
    const honeypot = await failureOf(api.orders.checkout(checkoutInput({ website: "http://spam.example" })), ctx);
    expect(honeypot.data.httpStatus).toBe(400);
    const noSite = await failureOf(api.orders.checkout(checkoutInput({ slug: "ninguem-aqui" })), ctx);
    expect(noSite.data.httpStatus).toBe(404);
    // The refused product came after a new customer would have been made: rolled back with the order.
    expect(await footprint()).toEqual(before);
  });

  it("a key reused for another buyer is refused", async () => {
    const { api, ctx } = anonymous();
    const input = checkoutInput();
    await api.orders.checkout(input);
    const failure = await failureOf(api.orders.checkout({ ...input, email: "someone.else@exemplo.com" }), ctx);
    expect(failure.data.httpStatus).toBe(409);
  });

  it("is rate-limited per client address, and a limited attempt writes nothing", async () => {
    const ip = "198.51.100.23";
    const limit = CHECKOUT_LIMITS.perIp(ip);
    for (let i = 0; i < limit.max; i++) await hit(db, limit);
    const before = await footprint();
    const { api, ctx } = anonymous(ip);
    const failure = await failureOf(api.orders.checkout(checkoutInput()), ctx);
    expect(failure).toMatchObject({ data: { httpStatus: 429 }, message: "Muitas tentativas. Aguarde alguns minutos e tente de novo." });
    expect(await footprint()).toEqual(before);
    // Another address is not held back by this one.
    await expect(anonymous("198.51.100.24").api.orders.checkout(checkoutInput())).resolves.toMatchObject({ number: expect.stringMatching(/^P\d+$/) });
    expect(await db.select().from(rateLimitHits).where(eq(rateLimitHits.key, ip))).toHaveLength(1);
  });
});

describe("abandoned carts", () => {
  it("the worker task marks carts older than the company's threshold, and only those", async () => {
    const { buildTaskList, MARK_ABANDONED_CARTS_TASK } = await import("@/server/jobs/worker");
    const { createOrder } = await import("@/server/commerce/orders");
    const old = await createOrder(db, { consultantId: ids.ana, customerId: null, channel: "portal", lines: [{ productId: ids.lipstick, quantity: 1 }], paymentMethod: "bank_slip", place: false, actorUserId: null });
    const fresh = await createOrder(db, { consultantId: ids.ana, customerId: null, channel: "portal", lines: [{ productId: ids.lipstick, quantity: 1 }], paymentMethod: "bank_slip", place: false, actorUserId: null });
    await db.update(orders).set({ updatedAt: new Date(Date.now() - 49 * 3600_000) }).where(eq(orders.id, old.id));
    const task = buildTaskList(db)[MARK_ABANDONED_CARTS_TASK]!;
    await task({}, {} as never);
    const rows = await db.select({ id: orders.id, abandonedAt: orders.abandonedAt }).from(orders).where(sql`${orders.id} in (${old.id}, ${fresh.id})`);
    expect(rows.find((r) => r.id === old.id)!.abandonedAt).not.toBeNull();
    expect(rows.find((r) => r.id === fresh.id)!.abandonedAt).toBeNull();
  });
});

