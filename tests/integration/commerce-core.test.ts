import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { consultants, customers, genealogy, invoices, journalEntries, orders, payments, periodVolumes, postings, products, users, volumeEvents } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { prng } from "@/db/seed-data";
import { issueInvoice } from "@/server/commerce/invoices";
import { advanceOrder, createOrder, payOrder } from "@/server/commerce/orders";
import { accountId, balanceOf, postEntry } from "@/server/ledger/post";
import { accountStatement } from "@/server/ledger/statement";
import { idsOf } from "@/server/network/tree/path";
import { moveSubtree } from "@/server/network/tree/move";
import { createTestDatabase } from "./db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let adminId: string;
let anaId: number;
const product = {} as Record<"lipstick" | "perfume" | "off", number>;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  await seedDemo(db, { size: 120, commerce: false }); // this file makes its own products and orders
  [{ id: adminId }] = (await db.select({ id: users.id }).from(users).where(eq(users.email, "admin@rede.test"))) as [{ id: string }];
  [{ id: anaId }] = (await db.select({ id: consultants.id }).from(consultants).where(eq(consultants.code, "RD000002"))) as [{ id: number }];
  const rows = await db
    .insert(products)
    .values([
      { sku: "BAT-01", name: { "pt-BR": "Batom" }, retailPrice: 4990, consultantPrice: 3490, pv: 1500, cv: 1200 },
      { sku: "PER-02", name: { "pt-BR": "Perfume" }, retailPrice: 18990, consultantPrice: 13290, pv: 6000, cv: 5000 },
      { sku: "OFF-03", name: { "pt-BR": "Fora de linha" }, retailPrice: 100, consultantPrice: 100, active: false },
    ])
    .returning({ id: products.id });
  [product.lipstick, product.perfume, product.off] = rows.map((r) => r.id) as [number, number, number];
});
afterAll(() => t?.drop());

const own = (consultantId: number, extra: Partial<Parameters<typeof createOrder>[1]> = {}) =>
  createOrder(db, { consultantId, customerId: null, channel: "staff", lines: [{ productId: product.lipstick, quantity: 2 }], paymentMethod: "bank_slip", place: true, actorUserId: adminId, ...extra });

/** GV must equal own PV plus the PV of the whole sponsor downline, for everyone, in every period. */
async function expectGroupVolumesExact() {
  const wrong = await db.execute(sql`
    select v.period_id, v.consultant_id, v.gv,
           (select coalesce(sum(d.pv), 0) from period_volumes d join genealogy dg on dg.consultant_id = d.consultant_id
             where d.period_id = v.period_id and dg.sponsor_path >= g.sponsor_path and dg.sponsor_path < g.sponsor_path || '~') as expected
      from period_volumes v join genealogy g on g.consultant_id = v.consultant_id
     where v.gv <> (select coalesce(sum(d.pv), 0) from period_volumes d join genealogy dg on dg.consultant_id = d.consultant_id
                     where d.period_id = v.period_id and dg.sponsor_path >= g.sponsor_path and dg.sponsor_path < g.sponsor_path || '~')`);
  expect(wrong).toEqual([]);
  const pvWrong = await db.execute(sql`
    select v.consultant_id from period_volumes v
     where v.pv <> (select coalesce(sum(e.pv), 0) from volume_events e where e.period_id = v.period_id and e.consultant_id = v.consultant_id)`);
  expect(pvWrong).toEqual([]);
}

async function expectLedgerBalanced() {
  const unbalanced = await db.execute(sql`select entry_id from postings group by entry_id, currency having sum(amount) <> 0`);
  expect(unbalanced).toEqual([]);
  const [total] = await db.select({ n: sql<string>`coalesce(sum(${postings.amount}), 0)::text` }).from(postings);
  expect(total!.n).toBe("0");
}

describe("orders, payments and the ledger", () => {
  it("prices a consultant's own order at consultant price and posts the sale, balanced", async () => {
    const order = await own(anaId);
    expect(order).toMatchObject({ status: "placed", subtotal: 6980, total: 6980, pv: 3000, cv: 2400, channel: "staff" });
    const receivable = await accountId(db, { kind: "receivable", consultantId: anaId }, "BRL");
    expect(await balanceOf(db, receivable)).toBe(6980);
    await expectLedgerBalanced();
  });

  it("refuses an inactive product, an empty order and duplicate lines, writing nothing", async () => {
    const before = await db.select({ n: sql<number>`count(*)::int` }).from(orders);
    await expect(own(anaId, { lines: [{ productId: product.off, quantity: 1 }] })).rejects.toMatchObject({ messageKey: "commerce.errors.productUnavailable", field: "lines.0.productId" });
    expect(await db.select({ n: sql<number>`count(*)::int` }).from(orders)).toEqual(before);
  });

  it("makes one order for one idempotency key, even for two simultaneous requests", async () => {
    const key = "checkout-7f3a9c1e";
    const [a, b] = await Promise.all([own(anaId, { idempotencyKey: key }), own(anaId, { idempotencyKey: key })]);
    expect(a.id).toBe(b.id);
    expect(await db.select({ n: sql<number>`count(*)::int` }).from(orders).where(eq(orders.idempotencyKey, key))).toEqual([{ n: 1 }]);
    // The same key for another consultant is a client bug, refused.
    const other = (await db.select({ id: consultants.id }).from(consultants).where(eq(consultants.code, "RD000003")))[0]!.id;
    await expect(own(other, { idempotencyKey: key })).rejects.toMatchObject({ messageKey: "commerce.errors.idempotencyReuse" });
  });

  it("pays once under a double click, and credits PV to the consultant and GV to the whole upline", async () => {
    const order = await own(anaId, { lines: [{ productId: product.perfume, quantity: 1 }] });
    const [p1, p2] = await Promise.all([
      payOrder(db, { orderId: order.id, method: "bank_slip" }, adminId),
      payOrder(db, { orderId: order.id, method: "bank_slip" }, adminId),
    ]);
    expect(p1.id).toBe(p2.id);
    expect(await db.select({ n: sql<number>`count(*)::int` }).from(payments).where(eq(payments.orderId, order.id))).toEqual([{ n: 1 }]);
    expect(await db.select({ n: sql<number>`count(*)::int` }).from(volumeEvents).where(eq(volumeEvents.orderId, order.id))).toEqual([{ n: 1 }]);
    const [path] = await db.select({ p: genealogy.sponsorPath }).from(genealogy).where(eq(genealogy.consultantId, anaId));
    const upline = idsOf(path!.p);
    const vols = await db.select().from(periodVolumes).where(eq(periodVolumes.periodId, order.periodId));
    const byId = new Map(vols.map((v) => [v.consultantId, v]));
    expect(byId.get(anaId)).toMatchObject({ pv: 6000, cv: 5000, gv: 6000 });
    for (const id of upline) expect(byId.get(id)!.gv).toBeGreaterThanOrEqual(6000);
    // Paid: the receivable of that order is settled, cash holds it.
    const cash = await accountId(db, { kind: "cash" }, "BRL");
    expect(await balanceOf(db, cash)).toBe(13290);
    await expectGroupVolumesExact();
    await expectLedgerBalanced();
  });

  it("cancels a placed order by reversing its sale; a paid order cannot be cancelled", async () => {
    const receivable = await accountId(db, { kind: "receivable", consultantId: anaId }, "BRL");
    const before = await balanceOf(db, receivable);
    const order = await own(anaId);
    expect(await balanceOf(db, receivable)).toBe(before + order.total);
    await advanceOrder(db, { orderId: order.id, to: "cancelled" }, adminId);
    expect(await balanceOf(db, receivable)).toBe(before);
    const paid = await own(anaId);
    await payOrder(db, { orderId: paid.id, method: "pay_on_delivery" }, adminId);
    await expect(advanceOrder(db, { orderId: paid.id, to: "cancelled" }, adminId)).rejects.toMatchObject({ messageKey: "commerce.errors.badTransition" });
    await expectLedgerBalanced();
  });

  it("numbers invoices without gaps; a refused issue takes no number", async () => {
    const made = [];
    for (let i = 0; i < 3; i++) {
      const o = await own(anaId);
      await payOrder(db, { orderId: o.id, method: "bank_transfer" }, adminId);
      made.push(o);
    }
    const unpaid = await own(anaId);
    const first = await issueInvoice(db, made[0]!.id, adminId);
    await expect(issueInvoice(db, unpaid.id, adminId)).rejects.toMatchObject({ messageKey: "commerce.errors.badTransition" });
    const second = await issueInvoice(db, made[1]!.id, adminId);
    const again = await issueInvoice(db, made[1]!.id, adminId);
    const third = await issueInvoice(db, made[2]!.id, adminId);
    expect([second.number - first.number, third.number - second.number, again.id]).toEqual([1, 1, second.id]);
    expect((await db.select().from(orders).where(eq(orders.id, made[0]!.id)))[0]!.status).toBe("invoiced");
    expect(await db.select({ n: sql<number>`count(*)::int` }).from(invoices)).toEqual([{ n: 3 }]);
  });

  it("the database itself refuses an unbalanced entry and any edit of a posting", async () => {
    await expect(
      db.transaction(async (tx) => {
        const [e] = await tx.insert(journalEntries).values({ kind: "test", memo: "unbalanced" }).returning({ id: journalEntries.id });
        await tx.insert(postings).values({ entryId: e!.id, accountId: await accountId(tx, { kind: "cash" }, "BRL"), amount: 100, currency: "BRL" });
      }),
    ).rejects.toThrow(/does not balance/);
    const edit = await db.execute(sql`update postings set amount = amount + 1`).catch((e: Error & { cause?: Error }) => e.cause ?? e);
    expect(String((edit as Error).message)).toMatch(/postings is append-only/);
    await expect(postEntry(db, { kind: "t", memo: "t", currency: "BRL", lines: [{ account: { kind: "cash" }, amount: 5 }, { account: { kind: "revenue" }, amount: -4 }] })).rejects.toMatchObject({ messageKey: "ledger.errors.unbalanced" });
  });

  it("a statement pages newest first with a running balance that ends at the account's balance", async () => {
    const receivable = await accountId(db, { kind: "receivable", consultantId: anaId }, "BRL");
    const all = [];
    let beforeId: number | undefined;
    for (;;) {
      const page = await accountStatement(db, receivable, { beforeId, limit: 3 });
      all.push(...page.lines);
      if (!page.nextBeforeId) break;
      beforeId = page.nextBeforeId;
    }
    expect(all[0]!.balance).toBe(await balanceOf(db, receivable));
    for (let i = 0; i + 1 < all.length; i++) expect(all[i]!.balance - all[i]!.amount).toBe(all[i + 1]!.balance);
    expect(all.at(-1)!.balance).toBe(all.at(-1)!.amount);
  });
});

describe("property: volumes and the ledger stay exact under any sequence of orders, payments and moves", () => {
  it("80 random steps", async () => {
    const rand = prng(20261127);
    const people = (await db.select({ id: consultants.id, sponsorId: consultants.sponsorId }).from(consultants)).map((c) => c);
    const [customer] = await db.insert(customers).values({ consultantId: anaId, fullName: "Cliente Teste", email: "cliente.teste@exemplo.com" }).returning();
    const open: number[] = [];
    for (let step = 0; step < 80; step++) {
      const r = rand();
      if (r < 0.45 || !open.length) {
        const who = people[Math.floor(rand() * people.length)]!.id;
        const o = await createOrder(db, {
          consultantId: who === anaId && rand() < 0.5 ? anaId : who,
          customerId: who === anaId ? customer!.id : null,
          channel: "staff",
          lines: [{ productId: rand() < 0.5 ? product.lipstick : product.perfume, quantity: 1 + Math.floor(rand() * 3) }],
          paymentMethod: "bank_slip",
          place: true,
          actorUserId: adminId,
        });
        open.push(o.id);
      } else if (r < 0.8) {
        const orderId = open.splice(Math.floor(rand() * open.length), 1)[0]!;
        await payOrder(db, { orderId, method: "bank_slip" }, adminId);
      } else {
        // A sponsor move of someone (with their downline) under someone outside it.
        const mover = people[1 + Math.floor(rand() * (people.length - 1))]!.id;
        const target = people[Math.floor(rand() * people.length)]!.id;
        await db
          .transaction((tx) => moveSubtree(tx, { tree: "sponsor", consultantId: mover, newParentId: target }))
          .catch((e: { messageKey?: string }) => {
            if (e.messageKey !== "network.errors.cycle") throw e;
          });
      }
    }
    await expectGroupVolumesExact();
    await expectLedgerBalanced();
    // A consultant's receivable balance is the sum of their postings (and never drifts from the orders).
    const [check] = await db.execute<{ bad: number }>(sql`
      select count(*)::int as bad from accounts a
       where a.kind = 'receivable'
         and (select coalesce(sum(amount), 0) from postings p where p.account_id = a.id)
          <> (select coalesce(sum(total), 0) from orders o where o.consultant_id = a.consultant_id and o.status = 'placed')`);
    expect(check!.bad).toBe(0);
  });
});

describe("the demo shop", () => {
  it("is seeded through the services: balanced, volumes exact, orders in every state", async () => {
    const other = await createTestDatabase();
    try {
      await seedDemo(other.db, { size: 120 });
      const states = await other.db.select({ s: orders.status, n: sql<number>`count(*)::int` }).from(orders).groupBy(orders.status);
      expect(new Set(states.map((r) => r.s))).toEqual(new Set(["placed", "paid", "invoiced", "shipped", "delivered", "cancelled"]));
      const [unbalanced] = await other.db.execute<{ n: number }>(sql`select count(*)::int as n from (select 1 from postings group by entry_id, currency having sum(amount) <> 0) x`);
      expect(unbalanced!.n).toBe(0);
      expect((await other.db.select().from(periodVolumes)).length).toBeGreaterThan(0);
    } finally {
      await other.drop();
    }
  });
});
