import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, consultants, customers, orders, periods, products, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { commercialState, rfmScores, segmentCaseSql, segmentOf, type Score } from "@/server/commerce/customer-segments";
import { customersForExport, listCustomers, loadRfmCuts } from "@/server/commerce/customers";
import { createOrder } from "@/server/commerce/orders";
import { periodFor } from "@/server/commerce/periods";
import { loadActiveUser } from "@/server/auth/users";
import { createCaller } from "@/server/trpc/root";
import { callerAs, contextFor, countRows, failureOf } from "./admin-helpers";
import { createTestDatabase } from "./db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let admin: Awaited<ReturnType<typeof callerAs>>;
let ana: Awaited<ReturnType<typeof callerAs>>;
let bruno: Awaited<ReturnType<typeof callerAs>>;
let adminId: string;
let anaId: number;
let brunoId: number;

async function userId(email: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row!.id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  await seedDemo(db, { size: 120 });
  adminId = await userId("admin@rede.test");
  admin = await callerAs(db, adminId);
  ana = await callerAs(db, await userId("ana@rede.test"));
  bruno = await callerAs(db, await userId("bruno@rede.test"));
  anaId = ana.ctx.user!.consultantId!;
  brunoId = bruno.ctx.user!.consultantId!;
});
afterAll(() => t?.drop());

const form = (over: Record<string, unknown> = {}) => ({
  sku: "MAS-CIL-60",
  name: { "pt-BR": "Máscara de Cílios", es: "Máscara de Pestañas", en: "" },
  description: { "pt-BR": "Volume e curvatura.", es: "", en: "" },
  retailPrice: "R$ 1.249,90",
  consultantPrice: "0,29",
  pv: "15,5",
  cv: "12",
  photoUrl: "",
  ...over,
});

describe("products", () => {
  it("stores prices typed in pt-BR as integer minor units and volumes as hundredths, audited", async () => {
    const p = await admin.api.catalogue.create(form());
    expect(p).toMatchObject({ sku: "MAS-CIL-60", retailPrice: 124990, consultantPrice: 29, pv: 1550, cv: 1200, currency: "BRL", active: true, photoUrl: null });
    expect(p.name).toEqual({ "pt-BR": "Máscara de Cílios", es: "Máscara de Pestañas" });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "product.create"), eq(auditLog.entityId, String(p.id))));
    expect(audit?.actorUserId).toBe(adminId);
  });

  it("refuses bad prices with translated field errors for every bad field, writing nothing", async () => {
    const before = await countRows(db, "products");
    const failure = await failureOf(admin.api.catalogue.create(form({ sku: "NOVO-01", retailPrice: "49.90", consultantPrice: "-3", pv: "1,234" })), admin.ctx);
    expect(failure.data.httpStatus).toBe(400);
    expect(failure.data.fieldErrors).toEqual({
      retailPrice: ["Valor inválido. Escreva como 49,90 (vírgula antes dos centavos; ponto só para milhares, como 1.249,90)."],
      consultantPrice: ["O valor não pode ser negativo."],
      pv: ["Use no máximo 2 casas decimais."],
    });
    const above = await failureOf(admin.api.catalogue.create(form({ sku: "NOVO-01", retailPrice: "10,00", consultantPrice: "12,00" })), admin.ctx);
    expect(above.data.fieldErrors?.consultantPrice).toEqual(["O preço do consultor não pode ser maior que o preço de venda."]);
    const missingName = await failureOf(admin.api.catalogue.create(form({ sku: "NOVO-01", name: { "pt-BR": "", es: "Algo", en: "" } })), admin.ctx);
    expect(missingName.data.fieldErrors?.["name.pt-BR"]).toEqual(["Informe o nome em português (pelo menos 2 caracteres)."]);
    const badPhoto = await failureOf(admin.api.catalogue.create(form({ sku: "NOVO-01", photoUrl: "javascript:alert(1)" })), admin.ctx);
    expect(badPhoto.data.fieldErrors?.photoUrl).toHaveLength(1);
    expect(await countRows(db, "products")).toBe(before);
  });

  it("reads amounts in the user's own locale (English: a dot before the cents)", async () => {
    const user = (await loadActiveUser(db, adminId))!;
    const english = createCaller({ ...contextFor(db, user), locale: "en" });
    const p = await english.catalogue.create(form({ sku: "EN-01", retailPrice: "1,249.90", consultantPrice: "0.29", pv: "15.5" }));
    expect(p).toMatchObject({ retailPrice: 124990, consultantPrice: 29, pv: 1550 });
    const failure = await failureOf(english.catalogue.create(form({ sku: "EN-02", retailPrice: "49,90" })), { ...admin.ctx, locale: "en" });
    expect(failure.data.fieldErrors?.retailPrice?.[0]).toMatch(/^Invalid amount\. Write it like 49\.90/);
  });

  it("refuses a duplicate SKU whatever its case, on create and on edit", async () => {
    const failure = await failureOf(admin.api.catalogue.create(form({ sku: "mas-cil-60" })), admin.ctx);
    expect(failure.data).toMatchObject({ httpStatus: 409, fieldErrors: { sku: ["Já existe um produto com este SKU."] } });
    const [other] = await db.select().from(products).where(eq(products.sku, "BAT-VERM-01"));
    const edit = await failureOf(admin.api.catalogue.update({ ...form({ sku: "Mas-Cil-60" }), id: other!.id }), admin.ctx);
    expect(edit.data.fieldErrors?.sku).toEqual(["Já existe um produto com este SKU."]);
    expect((await db.select().from(products).where(eq(products.id, other!.id)))[0]!.sku).toBe("BAT-VERM-01");
  });

  it("edits, deactivates and reactivates, each audited; a deactivated product cannot be ordered", async () => {
    const [p] = await db.select().from(products).where(eq(products.sku, "MAS-CIL-60"));
    const edited = await admin.api.catalogue.update({ ...form({ retailPrice: "59,90" }), id: p!.id });
    expect(edited.retailPrice).toBe(5990);
    await admin.api.catalogue.setActive({ id: p!.id, active: false });
    await expect(
      createOrder(db, { consultantId: anaId, customerId: null, channel: "staff", lines: [{ productId: p!.id, quantity: 1 }], paymentMethod: "bank_slip", place: true, actorUserId: adminId }),
    ).rejects.toMatchObject({ messageKey: "commerce.errors.productUnavailable" });
    await admin.api.catalogue.setActive({ id: p!.id, active: true });
    const actions = (await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entityType, "product"), eq(auditLog.entityId, String(p!.id))))).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["product.create", "product.update", "product.deactivate", "product.activate"]));
    const list = await admin.api.catalogue.list({ q: "mas-cil", status: "active" });
    expect(list.rows.map((r) => r.sku)).toEqual(["MAS-CIL-60"]);
  });
});

describe("periods and campaigns", () => {
  const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

  it("creates a campaign and refuses one that overlaps it, naming it", async () => {
    const made = await admin.api.periods.createCampaign({ code: "ciclo-90", name: "Ciclo 90", startsOn: future(400), endsOn: future(420) });
    expect(made).toMatchObject({ kind: "campaign", code: "CICLO-90", status: "open" });
    const failure = await failureOf(admin.api.periods.createCampaign({ code: "CICLO-91", name: "Ciclo 91", startsOn: future(410), endsOn: future(430) }), admin.ctx);
    expect(failure.data.httpStatus).toBe(409);
    expect(failure.message).toMatch(/^Estas datas se sobrepõem à campanha Ciclo 90 \(CICLO-90\), de \d\d\/\d\d\/\d{4} a \d\d\/\d\d\/\d{4}\./);
    expect(failure.data.fieldErrors?.startsOn).toEqual([failure.message]);
    const taken = await failureOf(admin.api.periods.createCampaign({ code: "CICLO-90", name: "Outro", startsOn: future(500), endsOn: future(510) }), admin.ctx);
    expect(taken.data.fieldErrors?.code).toEqual(["Já existe um período com o código CICLO-90."]);
  });

  it("refuses a campaign over a month that already exists, naming the month", async () => {
    const today = new Date().toISOString().slice(0, 10);
    await periodFor(db, today);
    const failure = await failureOf(admin.api.periods.createCampaign({ code: "AGORA-1", name: "Agora", startsOn: today, endsOn: today }), admin.ctx);
    expect(failure.message).toContain(`se sobrepõem ao mês ${today.slice(0, 7)}`);
    const bad = await failureOf(admin.api.periods.createCampaign({ code: "2026-01", name: "Mês?", startsOn: future(600), endsOn: future(590) }), admin.ctx);
    expect(Object.keys(bad.data.fieldErrors ?? {}).sort()).toEqual(["code", "endsOn"]);
  });

  it("chooses a campaign's catalogue, audited; a month has none", async () => {
    const [campaign] = await db.select().from(periods).where(eq(periods.code, "CICLO-90"));
    const ids = (await db.select({ id: products.id }).from(products).limit(3)).map((r) => r.id);
    await admin.api.periods.setCatalogue({ periodId: campaign!.id, productIds: ids });
    expect((await admin.api.periods.get({ id: campaign!.id })).productIds.sort()).toEqual([...ids].sort());
    const [month] = await db.select().from(periods).where(eq(periods.kind, "month")).limit(1);
    const failure = await failureOf(admin.api.periods.setCatalogue({ periodId: month!.id, productIds: ids }), admin.ctx);
    expect(failure.message).toBe("Só campanhas têm catálogo próprio.");
    expect(await db.select().from(auditLog).where(and(eq(auditLog.action, "period.catalogue"), eq(auditLog.entityId, String(campaign!.id))))).toHaveLength(1);
  });

  it("a closed period refuses new orders, with a message naming it, and writes nothing", async () => {
    const [campaign] = await db.select().from(periods).where(eq(periods.code, "CICLO-90"));
    const [product] = await db.select().from(products).where(eq(products.sku, "BAT-VERM-01"));
    await admin.api.periods.setCatalogue({ periodId: campaign!.id, productIds: [product!.id] });
    const at = new Date(`${campaign!.startsOn}T15:00:00Z`);
    const order = (idempotencyKey?: string) =>
      createOrder(db, { consultantId: anaId, customerId: null, channel: "staff", lines: [{ productId: product!.id, quantity: 1 }], paymentMethod: "bank_slip", place: true, actorUserId: adminId, at, idempotencyKey });
    // Open: an order lands in the campaign.
    expect((await order()).periodId).toBe(campaign!.id);
    const closed = await admin.api.periods.close({ id: campaign!.id });
    expect(closed.status).toBe("closed");
    const before = await countRows(db, "orders");
    await expect(order("closed-period-try")).rejects.toMatchObject({ code: "CONFLICT", messageKey: "periods.errors.closed", params: { period: "Ciclo 90" } });
    await expect(createOrder(db, { consultantId: anaId, customerId: null, channel: "portal", lines: [{ productId: product!.id, quantity: 1 }], paymentMethod: "bank_slip", place: false, actorUserId: null, at })).rejects.toMatchObject({ messageKey: "periods.errors.closed" });
    expect(await countRows(db, "orders")).toBe(before);
    // Closing again is a no-op; the catalogue of a closed campaign no longer changes.
    expect((await admin.api.periods.close({ id: campaign!.id })).status).toBe("closed");
    const frozen = await failureOf(admin.api.periods.setCatalogue({ periodId: campaign!.id, productIds: [] }), admin.ctx);
    expect(frozen.message).toBe("O período Ciclo 90 está fechado; o catálogo não muda mais.");
    expect(await db.select().from(auditLog).where(and(eq(auditLog.action, "period.close"), eq(auditLog.entityId, String(campaign!.id))))).toHaveLength(1);
    // Other periods still take orders.
    expect((await createOrder(db, { consultantId: anaId, customerId: null, channel: "staff", lines: [{ productId: product!.id, quantity: 1 }], paymentMethod: "bank_slip", place: true, actorUserId: adminId })).status).toBe("placed");
  });

  it("lists periods newest first with their orders and catalogue sizes", async () => {
    const list = await admin.api.periods.list({ kind: "campaign" });
    const row = list.rows.find((r) => r.code === "CICLO-90")!;
    expect(row).toMatchObject({ status: "closed", orders: 1, products: 1 });
    expect(list.rows.every((r) => r.kind === "campaign")).toBe(true);
  });
});

describe("customers", () => {
  it("the demo company has customers in every state and a closed past campaign", async () => {
    const all = await admin.api.customers.list({ pageSize: 200 });
    expect(new Set(all.rows.map((r) => r.commercialState))).toEqual(new Set(["prospect", "active", "inactive", "lost"]));
    expect(new Set(all.rows.map((r) => r.segment)).size).toBeGreaterThanOrEqual(5);
    const [campaign] = await db.select().from(periods).where(eq(periods.code, "CICLO-01"));
    expect(campaign).toMatchObject({ kind: "campaign", status: "closed" });
    expect((await admin.api.periods.get({ id: campaign!.id })).orderCount).toBeGreaterThan(0);
  });

  it("a consultant sees only their own customers, whatever they send", async () => {
    const mine = await ana.api.customers.mine({ pageSize: 200 });
    expect(mine.rows.length).toBeGreaterThan(0);
    expect(mine.rows.every((r) => r.consultantId === anaId)).toBe(true);
    // A consultantId in the input is not part of the portal's schema: dropped, not obeyed.
    const sneaky = await ana.api.customers.mine({ pageSize: 200, consultantId: brunoId } as never);
    expect(sneaky.rows.map((r) => r.id).sort()).toEqual(mine.rows.map((r) => r.id).sort());
    const brunos = await bruno.api.customers.mine({ pageSize: 200 });
    expect(brunos.rows.length).toBeGreaterThan(0);
    expect(brunos.rows.some((r) => mine.rows.some((m) => m.id === r.id))).toBe(false);
    // Text search cannot reach across either.
    const [other] = brunos.rows;
    expect((await ana.api.customers.mine({ q: other!.email })).rows).toEqual([]);
    // The staff procedures are not theirs.
    expect((await failureOf(ana.api.customers.get({ id: other!.id }), ana.ctx)).data.httpStatus).toBe(403);
    expect((await failureOf(ana.api.customers.list({ consultantId: brunoId }), ana.ctx)).data.httpStatus).toBe(403);
  });

  it("a consultant adds a customer; an e-mail another consultant already serves stays with them", async () => {
    const added = await ana.api.customers.add({ fullName: "Tereza Campos", email: "Tereza.Campos@Exemplo.com", phone: "+55 11 98888-0000" });
    const [row] = await db.select().from(customers).where(eq(customers.id, added.id));
    expect(row).toMatchObject({ consultantId: anaId, email: "tereza.campos@exemplo.com", ordersCount: 0 });
    const mine = await ana.api.customers.mine({ q: "tereza" });
    expect(mine.rows).toMatchObject([{ fullName: "Tereza Campos", commercialState: "prospect", segment: "prospect", rfm: null }]);
    const again = await failureOf(ana.api.customers.add({ fullName: "Tereza C.", email: "tereza.campos@exemplo.com" }), ana.ctx);
    expect(again.data.fieldErrors?.email).toEqual(["Este cliente já está na sua lista."]);
    const taken = await failureOf(bruno.api.customers.add({ fullName: "Tereza", email: "TEREZA.campos@exemplo.com" }), bruno.ctx);
    expect(taken.data).toMatchObject({ httpStatus: 409, fieldErrors: { email: ["Este cliente já é atendido por outro consultor."] } });
    expect(taken.message).not.toContain("Ana");
  });

  it("derives state and segment in SQL exactly as the documented pure functions do", async () => {
    // A spread of purchase histories, so every state appears.
    const ages = [1, 20, 60, 89, 91, 200, 364, 366, 800];
    for (const [i, days] of ages.entries()) {
      await db.insert(customers).values({
        consultantId: anaId,
        fullName: `Histórico ${i}`,
        email: `historico.${i}@exemplo.com`,
        firstOrderAt: new Date(Date.now() - (days + 30) * 86_400_000),
        lastOrderAt: new Date(Date.now() - days * 86_400_000),
        ordersCount: 1 + (i % 4) * 2,
        totalSpent: 1000 * (i + 1) ** 2,
      });
    }
    const now = new Date();
    const all = await listCustomers(db, { page: 1, pageSize: 200, sort: "recent" }, now);
    const cuts = await loadRfmCuts(db);
    const rows = await db.select().from(customers);
    expect(all.total).toBe(rows.length);
    for (const c of rows) {
      const listed = all.rows.find((r) => r.id === c.id)!;
      const scores = rfmScores(c, cuts, now, { activeDays: 90, lostDays: 365 });
      expect(listed.commercialState, c.fullName).toBe(commercialState(c.lastOrderAt, now, { activeDays: 90, lostDays: 365 }));
      expect(listed.rfm, c.fullName).toEqual(scores);
      expect(listed.segment, c.fullName).toBe(segmentOf(scores, c.ordersCount));
    }
    expect(new Set(all.rows.map((r) => r.commercialState))).toEqual(new Set(["prospect", "active", "inactive", "lost"]));
    // Filters agree with the derived columns.
    for (const state of ["prospect", "active", "inactive", "lost"] as const) {
      const filtered = await listCustomers(db, { page: 1, pageSize: 200, sort: "recent", state }, now);
      expect(filtered.rows.map((r) => r.id).sort()).toEqual(all.rows.filter((r) => r.commercialState === state).map((r) => r.id).sort());
    }
    const segment = all.rows.find((r) => r.segment !== "prospect")!.segment;
    const bySegment = await listCustomers(db, { page: 1, pageSize: 200, sort: "recent", segment }, now);
    expect(bySegment.rows.map((r) => r.id).sort()).toEqual(all.rows.filter((r) => r.segment === segment).map((r) => r.id).sort());
    // The export streams the same rows.
    const exported = [];
    for await (const batch of customersForExport(db, { state: "inactive" }, now, 2)) exported.push(...batch);
    expect(exported.map((r) => r.id)).toEqual(all.rows.filter((r) => r.commercialState === "inactive").map((r) => r.id).sort((a, b) => a - b));
  });

  it("the generated CASE, run by Postgres, names every score combination as segmentOf does", async () => {
    const combos: { r: Score; f: Score; m: Score; orders: number }[] = [];
    for (const r of [1, 2, 3, 4, 5] as Score[]) for (const f of [1, 2, 3, 4, 5] as Score[]) for (const m of [1, 2, 3, 4, 5] as Score[]) for (const orders of [1, 3]) combos.push({ r, f, m, orders });
    const values = sql.join(combos.map((c) => sql`(${c.r}::int, ${c.f}::int, ${c.m}::int, ${c.orders}::int)`), sql`, `);
    const caseSql = sql.join(segmentCaseSql((name) => sql.raw(`v.${name}`), (text) => sql.raw(text)), sql``);
    const rows = await db.execute<{ r: number; f: number; m: number; orders: number; segment: string }>(sql`select v.*, ${caseSql} as segment from (values ${values}) as v(r, f, m, orders)`);
    for (const row of rows) expect(row.segment, `${row.r}${row.f}${row.m}/${row.orders}`).toBe(segmentOf({ r: row.r as Score, f: row.f as Score, m: row.m as Score }, row.orders));
    const [prospect] = await db.execute<{ segment: string }>(sql`select ${caseSql} as segment from (values (null::int, null::int, null::int, 0)) as v(r, f, m, orders)`);
    expect(prospect!.segment).toBe("prospect");
  });

  it("the company's thresholds move customers between states", async () => {
    const [c] = await db.select().from(customers).where(eq(customers.email, "historico.4@exemplo.com")); // 91 days
    expect((await admin.api.customers.get({ id: c!.id })).customer.commercialState).toBe("inactive");
    const refused = await failureOf(admin.api.settings.updateCustomers({ activeDays: 120, lostDays: 100 }), admin.ctx);
    expect(refused.data.fieldErrors?.lostDays).toEqual(["O limite de perdido deve ser maior ou igual ao de ativo."]);
    await admin.api.settings.updateCustomers({ activeDays: 120, lostDays: 400 });
    expect((await admin.api.customers.get({ id: c!.id })).customer.commercialState).toBe("active");
    expect(await admin.api.settings.customers()).toMatchObject({ activeDays: 120, lostDays: 400 });
    await admin.api.settings.updateCustomers({ activeDays: 90, lostDays: 365 });
  });

  it("staff reassign a customer with a reason, audited; past orders stay with who made them", async () => {
    const [c] = await db.select().from(customers).where(and(eq(customers.consultantId, anaId), sql`${customers.ordersCount} > 0`)).limit(1);
    const ordersBefore = await db.select({ id: orders.id, consultantId: orders.consultantId }).from(orders).where(eq(orders.customerId, c!.id));
    const noReason = await failureOf(admin.api.customers.reassign({ customerId: c!.id, consultantId: brunoId, reason: "" }), admin.ctx);
    expect(Object.keys(noReason.data.fieldErrors ?? {})).toEqual(["reason"]);
    const same = await failureOf(admin.api.customers.reassign({ customerId: c!.id, consultantId: anaId, reason: "Mudou de cidade" }), admin.ctx);
    expect(same.data.fieldErrors?.consultantId).toEqual(["O cliente já é deste consultor."]);

    await admin.api.customers.reassign({ customerId: c!.id, consultantId: brunoId, reason: "Mudou de cidade" });
    expect((await db.select().from(customers).where(eq(customers.id, c!.id)))[0]!.consultantId).toBe(brunoId);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "customer.reassign"), eq(auditLog.entityId, String(c!.id))));
    expect(audit).toMatchObject({ actorUserId: adminId, before: { consultantId: anaId }, after: { consultantId: brunoId, reason: "Mudou de cidade" } });
    expect(await db.select({ id: orders.id, consultantId: orders.consultantId }).from(orders).where(eq(orders.customerId, c!.id))).toEqual(ordersBefore);
    // Now Bruno's, no longer Ana's; the profile tells the move.
    expect((await ana.api.customers.mine({ pageSize: 200 })).rows.some((r) => r.id === c!.id)).toBe(false);
    expect((await bruno.api.customers.mine({ pageSize: 200 })).rows.some((r) => r.id === c!.id)).toBe(true);
    const profile = await admin.api.customers.get({ id: c!.id });
    expect(profile.reassignments).toMatchObject([{ reason: "Mudou de cidade", toCode: "RD000017", actorName: expect.any(String) }]);
    // A terminated consultant cannot receive customers.
    const [gone] = await db.update(consultants).set({ status: "terminated" }).where(eq(consultants.code, "RD000050")).returning({ id: consultants.id });
    const refused = await failureOf(admin.api.customers.reassign({ customerId: c!.id, consultantId: gone!.id, reason: "Teste" }), admin.ctx);
    expect(refused.data.fieldErrors?.consultantId?.[0]).toMatch(/foi desligado/);
  });

  it("the staff list filters by consultant and text, pages, and carries the currency", async () => {
    const page = await admin.api.customers.list({ consultantId: brunoId, pageSize: 2 });
    expect(page.currency).toBe("BRL");
    expect(page.rows.length).toBeLessThanOrEqual(2);
    expect(page.rows.every((r) => r.consultantId === brunoId && r.consultantCode === "RD000017")).toBe(true);
    const text = await admin.api.customers.list({ q: "tereza" });
    expect(text.rows.map((r) => r.fullName)).toEqual(["Tereza Campos"]);
  });
});
