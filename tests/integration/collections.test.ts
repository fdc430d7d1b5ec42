import { eq, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, consultants, orders, payments, products, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { agingByConsultant, openOrders } from "@/server/collections/aging";
import { applyBankFile, previewBankFile } from "@/server/collections/bank-payments";
import { createOrder } from "@/server/commerce/orders";
import { callerAs } from "./admin-helpers";
import { createTestDatabase } from "./db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let adminId: string;
let anaId: number;
let brunoId: number;
let lipstick: number;
const DAY = 86_400_000;
const asOf = "2026-06-30";
const at = (daysBeforeAsOf: number) => new Date(Date.parse(`${asOf}T12:00:00Z`) - daysBeforeAsOf * DAY);

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  await seedDemo(db, { size: 120, commerce: false });
  [{ id: adminId }] = (await db.select({ id: users.id }).from(users).where(eq(users.email, "admin@rede.test"))) as [{ id: string }];
  const code = async (c: string) => (await db.select({ id: consultants.id }).from(consultants).where(eq(consultants.code, c)))[0]!.id;
  [anaId, brunoId] = [await code("RD000002"), await code("RD000017")];
  [{ id: lipstick }] = (await db.insert(products).values({ sku: "BAT-01", name: { "pt-BR": "Batom" }, retailPrice: 4990, consultantPrice: 3490, pv: 1500, cv: 1200 }).returning({ id: products.id })) as [{ id: number }];
});
afterAll(() => t?.drop());

const place = (consultantId: number, quantity: number, daysAgo: number) =>
  createOrder(db, { consultantId, customerId: null, channel: "staff", lines: [{ productId: lipstick, quantity }], paymentMethod: "bank_slip", place: true, actorUserId: adminId, at: at(daysAgo) });

describe("receivables by age", () => {
  it("puts each unpaid order in the bucket of its days past due (due 14 days after placement) and totals them", async () => {
    // Days since placement → days past due: 10 → −4 (not due), 14 → 0, 44 → 30, 45 → 31, 75 → 61, 105 → 91.
    await place(anaId, 1, 10);
    await place(anaId, 2, 14);
    await place(anaId, 3, 44);
    await place(brunoId, 1, 45);
    await place(brunoId, 2, 75);
    await place(brunoId, 4, 105);
    const aging = await agingByConsultant(db, { page: 1, pageSize: 25, overdueOnly: false }, asOf);
    const byId = new Map(aging.rows.map((r) => [r.consultantId, r]));
    expect(byId.get(anaId)!.buckets).toEqual({ notDue: 3490, d0to30: 2 * 3490 + 3 * 3490, d31to60: 0, d61to90: 0, d90plus: 0 });
    expect(byId.get(brunoId)!.buckets).toEqual({ notDue: 0, d0to30: 0, d31to60: 3490, d61to90: 2 * 3490, d90plus: 4 * 3490 });
    // Most overdue first; the grand total is the sum of the rows.
    expect(aging.rows[0]!.consultantId).toBe(brunoId);
    expect(aging.totals[0]!.total).toBe(13 * 3490);
    const open = await openOrders(db, { page: 1, pageSize: 25, bucket: "d90plus" }, asOf);
    expect(open.rows.map((r) => [r.daysPastDue, r.bucket])).toEqual([[91, "d90plus"]]);
  });
});

describe("the bank payment file", () => {
  it("matches by order number and amount, sends the rest to review, and applies a re-uploaded file without paying anything twice", async () => {
    const a = await place(anaId, 1, 3);
    const b = await place(anaId, 2, 3);
    const c = await place(brunoId, 5, 3);
    const file = [
      "date;amount;reference;payer",
      `20/06/2026;34,90;PIX ${a.number};Ana Souza`,
      `2026-06-21;${(b.total / 100).toFixed(2)};boleto ${b.number};Ana`,
      `2026-06-21;10,00;${c.number};Bruno`, // amount differs
      `2026-06-22;${(c.total / 100).toFixed(2).replace(".", ",")};sem referência;Bruno`, // no order number
      "2026-06-22;12,3x;P0000000;?", // invalid amount
    ].join("\n");
    const preview = await previewBankFile(db, { fileName: "extrato.csv", content: file });
    expect(preview.lines.map((l) => [l.line, l.status, l.reason])).toEqual([
      [2, "matched", null],
      [3, "matched", null],
      [4, "review", "amountDiffers"],
      [5, "review", "noReference"],
      [6, "invalid", null],
    ]);
    expect(preview.lines[3]!.candidates.map((o) => o.id)).toContain(c.id);

    const decisions = [
      { line: 3, orderId: null }, // staff ignore a matched line
      { line: 4, orderId: c.id }, // amount differs: refused even when picked
      { line: 5, orderId: c.id }, // picked from the candidates
    ];
    const first = await applyBankFile(db, { fileName: "extrato.csv", content: file, decisions }, adminId);
    expect(first.outcomes.map((o) => [o.line, o.result, o.reason ?? null])).toEqual([
      [2, "paid", null],
      [3, "ignored", null],
      [4, "refused", "amountDiffers"],
      [5, "paid", null],
      [6, "ignored", null],
    ]);
    expect(first.paidAmount).toBe(a.total + c.total);

    // The same file again (twice at once, even), now without ignoring line 3: only line 3 is new.
    const again = await Promise.all([
      applyBankFile(db, { fileName: "extrato.csv", content: file, decisions: [] }, adminId),
      applyBankFile(db, { fileName: "extrato (1).csv", content: file, decisions: [] }, adminId),
    ]);
    const results = again.map((r) => r.outcomes.map((o) => o.result));
    for (const r of results) expect([r[0], r[2], r[3], r[4]]).toEqual(["alreadyApplied", "ignored", "alreadyApplied", "ignored"]);
    // Line 3 is paid by one of the two; the other finds it applied (or, racing, the same payment).
    expect(results.map((r) => r[1])).toContain("paid");
    for (const r of results) expect(["paid", "alreadyApplied"]).toContain(r[1]);
    const paidOnce = await db.execute<{ order_id: number; n: number }>(sql`select order_id::int, count(*)::int as n from payments where order_id in (${a.id}, ${b.id}, ${c.id}) group by order_id`);
    expect(paidOnce.map((r) => r.n)).toEqual([1, 1, 1]);
    expect((await db.select().from(orders).where(eq(orders.id, b.id)))[0]!.status).toBe("paid");
    expect(await db.$count(payments, like(payments.idempotencyKey, "bank:%"))).toBe(3);
    expect(await db.$count(auditLog, eq(auditLog.action, "collections.bankFile.apply"))).toBe(3);
    // A third preview shows every payable line as applied.
    expect((await previewBankFile(db, { fileName: "x.csv", content: file })).summary).toMatchObject({ applied: 3, matched: 0 });
  });

  it("refuses a file it cannot read with a translated reason, through the router", async () => {
    const { api } = await callerAs(db, adminId);
    await expect(api.collections.previewBankFile({ content: "data,valor\n2026-01-01,10" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "collections.bank.problem.header" });
  });
});
