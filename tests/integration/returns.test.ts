import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { consultants, emailOutbox, invoices, orders, periods, products, returnReasons, returnRequests, users, volumeEvents } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { issueInvoice } from "@/server/commerce/invoices";
import { advanceOrder, createOrder, payOrder } from "@/server/commerce/orders";
import { dayOf, periodFor } from "@/server/commerce/periods";
import { canReadDocument, documentById } from "@/server/invoices/documents";
import { renderDocumentPdf } from "@/server/invoices/pdf";
import { accountId, balanceOf } from "@/server/ledger/post";
import { decideReturn } from "@/server/returns/decide";
import { storeReturnPhoto } from "@/server/returns/photos";
import { createReturnRequest, type Requester } from "@/server/returns/request";
import { returnableOrders } from "@/server/returns/returnable";
import { localFileStore } from "@/server/storage/files";
import { callerAs } from "./admin-helpers";
import { createTestDatabase } from "./db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let adminId: string;
let anaUser: string;
let brunoUser: string;
let anaId: number;
let brunoId: number;
let reasonId: number;
const product = {} as Record<"lipstick" | "perfume" | "soap", number>;
const links = { appUrl: "http://localhost:3000" };
const photoDir = fs.mkdtempSync(path.join(os.tmpdir(), "rede-return-photos-"));
const store = localFileStore(photoDir);

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  await seedDemo(db, { size: 120, commerce: false });
  const user = async (email: string) => (await db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;
  [adminId, anaUser, brunoUser] = [await user("admin@rede.test"), await user("ana@rede.test"), await user("bruno@rede.test")];
  const code = async (c: string) => (await db.select({ id: consultants.id }).from(consultants).where(eq(consultants.code, c)))[0]!.id;
  [anaId, brunoId] = [await code("RD000002"), await code("RD000017")];
  const rows = await db
    .insert(products)
    .values([
      { sku: "BAT-01", name: { "pt-BR": "Batom" }, retailPrice: 4990, consultantPrice: 3490, pv: 1500, cv: 1200 },
      { sku: "PER-02", name: { "pt-BR": "Perfume" }, retailPrice: 18990, consultantPrice: 13290, pv: 6000, cv: 5000 },
      { sku: "SAB-03", name: { "pt-BR": "Sabonete" }, retailPrice: 1990, consultantPrice: 1390, pv: 500, cv: 400 },
    ])
    .returning({ id: products.id });
  [product.lipstick, product.perfume, product.soap] = rows.map((r) => r.id) as [number, number, number];
  [{ id: reasonId }] = (await db.insert(returnReasons).values({ name: { "pt-BR": "Defeito", es: "Defecto", en: "Defect" } }).returning({ id: returnReasons.id })) as [{ id: number }];
});
afterAll(async () => {
  await t?.drop();
  fs.rmSync(photoDir, { recursive: true, force: true });
});

/** An order taken all the way: placed, paid, invoiced, shipped, delivered (the state returns need). */
async function delivered(consultantId: number, lines: { productId: number; quantity: number }[]) {
  const order = await createOrder(db, { consultantId, customerId: null, channel: "staff", lines, paymentMethod: "bank_slip", place: true, actorUserId: adminId });
  await payOrder(db, { orderId: order.id, method: "bank_slip" }, adminId);
  await issueInvoice(db, order.id, adminId);
  await advanceOrder(db, { orderId: order.id, to: "shipped" }, adminId);
  await advanceOrder(db, { orderId: order.id, to: "delivered" }, adminId);
  const lineIds = await db.execute<{ id: number; product_id: number }>(sql`select id::int, product_id::int from order_lines where order_id = ${order.id} order by id`);
  return { ...order, lineOf: (productId: number) => lineIds.find((l) => l.product_id === productId)!.id };
}

const request = (orderId: number, lines: { orderLineId: number; quantity: number; replacementProductId?: number }[], kind: "return" | "exchange" = "return", requester?: Requester) =>
  createReturnRequest(db, { orderId, kind, reasonId, notes: null, lines, photos: [] }, requester ?? { userId: adminId, ownConsultantId: null }, store);

async function expectLedgerBalanced() {
  expect(await db.execute(sql`select entry_id from postings group by entry_id, currency having sum(amount) <> 0`)).toEqual([]);
}

async function expectVolumesExact() {
  const pvWrong = await db.execute(sql`
    select v.consultant_id from period_volumes v
     where v.pv <> (select coalesce(sum(e.pv), 0) from volume_events e where e.period_id = v.period_id and e.consultant_id = v.consultant_id)
        or v.cv <> (select coalesce(sum(e.cv), 0) from volume_events e where e.period_id = v.period_id and e.consultant_id = v.consultant_id)`);
  expect(pvWrong).toEqual([]);
  const gvWrong = await db.execute(sql`
    select v.consultant_id from period_volumes v join genealogy g on g.consultant_id = v.consultant_id
     where v.gv <> (select coalesce(sum(d.pv), 0) from period_volumes d join genealogy dg on dg.consultant_id = d.consultant_id
                     where d.period_id = v.period_id and dg.sponsor_path >= g.sponsor_path and dg.sponsor_path < g.sponsor_path || '~')`);
  expect(gvWrong).toEqual([]);
}

describe("requesting a return", () => {
  it("only for a delivered order, a listed reason and lines of that order, writing nothing when refused", async () => {
    const placed = await createOrder(db, { consultantId: anaId, customerId: null, channel: "staff", lines: [{ productId: product.lipstick, quantity: 1 }], paymentMethod: "bank_slip", place: true, actorUserId: adminId });
    const lineId = (await db.execute<{ id: number }>(sql`select id::int from order_lines where order_id = ${placed.id}`))[0]!.id;
    const before = await db.$count(returnRequests);
    await expect(request(placed.id, [{ orderLineId: lineId, quantity: 1 }])).rejects.toMatchObject({ messageKey: "returns.errors.notDelivered" });
    const order = await delivered(anaId, [{ productId: product.lipstick, quantity: 2 }]);
    await expect(request(order.id, [{ orderLineId: lineId, quantity: 1 }])).rejects.toMatchObject({ messageKey: "returns.errors.notOnOrder", field: "lines.0.orderLineId" });
    await expect(request(order.id, [{ orderLineId: order.lineOf(product.lipstick), quantity: 3 }])).rejects.toMatchObject({ messageKey: "returns.errors.tooMany", params: { max: 2 } });
    await expect(createReturnRequest(db, { orderId: order.id, kind: "return", reasonId: 999_999, lines: [{ orderLineId: order.lineOf(product.lipstick), quantity: 1 }], photos: [] }, { userId: adminId, ownConsultantId: null }, store)).rejects.toMatchObject({ messageKey: "returns.errors.reason" });
    expect(await db.$count(returnRequests)).toBe(before);
  });

  it("never lets returns exceed what was bought, even for two requests at the same moment", async () => {
    const order = await delivered(anaId, [{ productId: product.perfume, quantity: 3 }]);
    const line = order.lineOf(product.perfume);
    // Each asks for 2 of 3: both cannot fit. The order row lock makes the second see the first.
    const results = await Promise.allSettled([request(order.id, [{ orderLineId: line, quantity: 2 }]), request(order.id, [{ orderLineId: line, quantity: 2 }])]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ messageKey: "returns.errors.tooMany", params: { max: 1 } });
    // Many at once for one unit each: exactly the one left goes.
    const burst = await Promise.allSettled(Array.from({ length: 4 }, () => request(order.id, [{ orderLineId: line, quantity: 1 }])));
    expect(burst.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [held] = await db.execute<{ n: number }>(sql`select coalesce(sum(rl.quantity), 0)::int as n from return_lines rl join return_requests r on r.id = rl.request_id where r.order_id = ${order.id} and r.status <> 'rejected'`);
    expect(held!.n).toBe(3);
    // Nothing left to return: the portal's list of returnable orders drops it.
    expect((await returnableOrders(db, anaId)).map((o) => o.id)).not.toContain(order.id);
    // A rejection gives the quantity back.
    const [pending] = await db.select().from(returnRequests).where(eq(returnRequests.orderId, order.id)).limit(1);
    await decideReturn(db, { id: pending!.id, decision: "reject", comment: "Fora do prazo." }, adminId, links);
    expect((await returnableOrders(db, anaId)).map((o) => o.id)).toContain(order.id);
    await expect(request(order.id, [{ orderLineId: line, quantity: 2 }])).resolves.toMatchObject({ status: "pending" });
  });

  it("attaches only photos the requester uploaded, of an image type and size the store accepts", async () => {
    const order = await delivered(anaId, [{ productId: product.soap, quantity: 1 }]);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    expect(await storeReturnPhoto(store, anaUser, new TextEncoder().encode("<svg onload=alert(1)>"))).toEqual({ ok: false, problem: "type" });
    expect(await storeReturnPhoto(store, anaUser, new Uint8Array(5 * 1024 * 1024 + 1))).toEqual({ ok: false, problem: "tooLarge" });
    const mine = await storeReturnPhoto(store, anaUser, png);
    const brunos = await storeReturnPhoto(store, brunoUser, png);
    if (!mine.ok || !brunos.ok) throw new Error("photos not stored");
    const base = { orderId: order.id, kind: "return" as const, reasonId, lines: [{ orderLineId: order.lineOf(product.soap), quantity: 1 }] };
    await expect(createReturnRequest(db, { ...base, photos: [brunos.key] }, { userId: anaUser, ownConsultantId: anaId }, store)).rejects.toMatchObject({ messageKey: "returns.errors.photoMissing" });
    const made = await createReturnRequest(db, { ...base, photos: [mine.key] }, { userId: anaUser, ownConsultantId: anaId }, store);
    expect(made.photos).toEqual([mine.key]);
  });
});

describe("deciding", () => {
  it("an approved return: gapless credit note, Dr returns / Cr receivable, negative volume in the current period, and an e-mail", async () => {
    const order = await delivered(anaId, [
      { productId: product.lipstick, quantity: 2 },
      { productId: product.soap, quantity: 1 },
    ]);
    const receivable = await accountId(db, { kind: "receivable", consultantId: anaId }, "BRL");
    const returns = await accountId(db, { kind: "returns" }, "BRL");
    const [recv0, ret0] = [await balanceOf(db, receivable), await balanceOf(db, returns)];
    const [{ last: lastNote }] = (await db.execute<{ last: number }>(sql`select last::int from document_counters where series = 'credit_note'`)) as unknown as [{ last: number }];
    const req = await request(order.id, [{ orderLineId: order.lineOf(product.lipstick), quantity: 1 }], "return", { userId: anaUser, ownConsultantId: anaId });
    const decided = await decideReturn(db, { id: req.id, decision: "approve", comment: "" }, adminId, links);
    expect(decided.status).toBe("approved");
    const [note] = await db.select().from(invoices).where(eq(invoices.id, decided.noteId!));
    expect(note).toMatchObject({ kind: "credit_note", number: lastNote + 1, total: 3490, orderId: order.id, consultantId: anaId });
    expect(note!.relatedInvoiceId).not.toBeNull();
    expect(await balanceOf(db, receivable)).toBe(recv0 - 3490);
    expect(await balanceOf(db, returns)).toBe(ret0 + 3490);
    const period = await periodFor(db, dayOf(new Date()));
    const [event] = await db.select().from(volumeEvents).where(eq(volumeEvents.returnId, req.id));
    expect(event).toMatchObject({ periodId: period.id, consultantId: anaId, orderId: order.id, pv: -1500, cv: -1200 });
    const [mail] = await db.select().from(emailOutbox).where(and(eq(emailOutbox.template, "return-decided"), eq(emailOutbox.toAddress, "ana@rede.test")));
    expect(mail!.props).toMatchObject({ requestId: req.id, decision: "approve", note: { kind: "credit_note", number: note!.number, total: 3490 } });
    await expectLedgerBalanced();
    await expectVolumesExact();
  });

  it("decides once when two staff decide at the same moment; the loser is told it is already decided", async () => {
    const order = await delivered(anaId, [{ productId: product.lipstick, quantity: 1 }]);
    const req = await request(order.id, [{ orderLineId: order.lineOf(product.lipstick), quantity: 1 }]);
    const [{ last: before }] = (await db.execute<{ last: number }>(sql`select last::int from document_counters where series = 'credit_note'`)) as unknown as [{ last: number }];
    const results = await Promise.allSettled([
      decideReturn(db, { id: req.id, decision: "approve", comment: "" }, adminId, links),
      decideReturn(db, { id: req.id, decision: "approve", comment: "" }, adminId, links),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ messageKey: "returns.errors.alreadyDecided" });
    const [{ last: after }] = (await db.execute<{ last: number }>(sql`select last::int from document_counters where series = 'credit_note'`)) as unknown as [{ last: number }];
    expect(after).toBe(before + 1);
    expect(await db.$count(volumeEvents, eq(volumeEvents.returnId, req.id))).toBe(1);
  });

  it("an exchange for something dearer makes a paid replacement order and a debit note for the difference; cheaper, a credit note", async () => {
    const receivable = await accountId(db, { kind: "receivable", consultantId: anaId }, "BRL");
    const order = await delivered(anaId, [{ productId: product.lipstick, quantity: 2 }]);
    const before = await balanceOf(db, receivable);
    const dearer = await request(order.id, [{ orderLineId: order.lineOf(product.lipstick), quantity: 1, replacementProductId: product.perfume }], "exchange");
    const up = await decideReturn(db, { id: dearer.id, decision: "approve", comment: "Troca autorizada." }, adminId, links);
    const [replacement] = await db.select().from(orders).where(eq(orders.id, up.replacementOrderId!));
    expect(replacement).toMatchObject({ status: "paid", consultantId: anaId, total: 13290, idempotencyKey: `exchange:${dearer.id}` });
    const [debit] = await db.select().from(invoices).where(eq(invoices.id, up.noteId!));
    expect(debit).toMatchObject({ kind: "debit_note", total: 13290 - 3490 });
    expect(debit!.dueOn).not.toBeNull();
    expect(debit!.lines.map((l) => l.lineTotal)).toEqual([-3490, 13290]);
    expect(await balanceOf(db, receivable)).toBe(before + 13290 - 3490);
    // The replacement's volume counts; the returned lipstick's is taken back.
    const events = await db.select().from(volumeEvents).where(eq(volumeEvents.consultantId, anaId));
    expect(events.find((e) => e.orderId === replacement!.id && e.returnId === null)).toMatchObject({ pv: 6000, cv: 5000 });
    expect(events.find((e) => e.returnId === dearer.id)).toMatchObject({ pv: -1500, cv: -1200 });

    const cheaper = await request(order.id, [{ orderLineId: order.lineOf(product.lipstick), quantity: 1, replacementProductId: product.soap }], "exchange");
    const down = await decideReturn(db, { id: cheaper.id, decision: "approve", comment: "" }, adminId, links);
    const [credit] = await db.select().from(invoices).where(eq(invoices.id, down.noteId!));
    expect(credit).toMatchObject({ kind: "credit_note", total: 3490 - 1390 });
    expect(await balanceOf(db, receivable)).toBe(before + 13290 - 3490 + 1390 - 3490);
    // Like for like: no difference, no note.
    const same = await delivered(anaId, [{ productId: product.soap, quantity: 1 }]);
    const swap = await request(same.id, [{ orderLineId: same.lineOf(product.soap), quantity: 1, replacementProductId: product.soap }], "exchange");
    expect(await decideReturn(db, { id: swap.id, decision: "approve", comment: "" }, adminId, links)).toMatchObject({ noteId: null });
    await expectLedgerBalanced();
    await expectVolumesExact();
  });
});

describe("a closed period", () => {
  it("takes no negative volume: approving while today's period is closed is refused and writes nothing", async () => {
    const order = await delivered(anaId, [{ productId: product.soap, quantity: 1 }]);
    const req = await request(order.id, [{ orderLineId: order.lineOf(product.soap), quantity: 1 }]);
    const period = await periodFor(db, dayOf(new Date()));
    const notes = await db.$count(invoices);
    await db.update(periods).set({ status: "closed" }).where(eq(periods.id, period.id));
    try {
      await expect(decideReturn(db, { id: req.id, decision: "approve", comment: "" }, adminId, links)).rejects.toMatchObject({ messageKey: "periods.errors.closed" });
      expect((await db.select().from(returnRequests).where(eq(returnRequests.id, req.id)))[0]!.status).toBe("pending");
      expect(await db.$count(invoices)).toBe(notes);
      expect(await db.$count(volumeEvents, eq(volumeEvents.returnId, req.id))).toBe(0);
    } finally {
      await db.update(periods).set({ status: "open" }).where(eq(periods.id, period.id));
    }
  });
});

describe("scope", () => {
  it("a consultant neither requests on, nor sees, another consultant's orders, returns, statement or documents", async () => {
    const brunos = await delivered(brunoId, [{ productId: product.lipstick, quantity: 1 }]);
    const brunoRequest = await request(brunos.id, [{ orderLineId: brunos.lineOf(product.lipstick), quantity: 1 }], "return", { userId: brunoUser, ownConsultantId: brunoId });
    const approved = await decideReturn(db, { id: brunoRequest.id, decision: "approve", comment: "" }, adminId, links);
    const { api: ana, ctx } = await callerAs(db, anaUser);
    const line = { orderLineId: brunos.lineOf(product.lipstick), quantity: 1 };
    await expect(ana.returns.myCreate({ orderId: brunos.id, kind: "return", reasonId, lines: [line] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(ana.returns.myOrder({ orderId: brunos.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(ana.returns.myGet({ id: brunoRequest.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await ana.returns.mine({})).rows.every((r) => r.consultantId === anaId)).toBe(true);
    // Staff procedures are closed to her, whatever id she sends.
    await expect(ana.ledger.statement({ consultantId: brunoId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(ana.returns.get({ id: brunoRequest.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Her own statement and documents are hers only (an id she sends is ignored).
    const mine = await ana.ledger.myStatement({ kind: "receivable" });
    const anaReceivable = await accountId(db, { kind: "receivable", consultantId: anaId }, "BRL");
    expect(mine.account?.id).toBe(anaReceivable);
    expect((await ana.invoices.mine({ consultantId: brunoId, pageSize: 200 })).rows.every((d) => d.consultantId === anaId)).toBe(true);
    const note = await documentById(db, approved.noteId!);
    expect(canReadDocument(ctx.user!, note!)).toBe(false);
    const { ctx: brunoCtx } = await callerAs(db, brunoUser);
    expect(canReadDocument(brunoCtx.user!, note!)).toBe(true);
  });

  it("renders a document's PDF in each language", async () => {
    const [note] = await db.select({ id: invoices.id }).from(invoices).where(eq(invoices.kind, "credit_note")).limit(1);
    const doc = (await documentById(db, note!.id))!;
    for (const locale of ["pt-BR", "es", "en"] as const) {
      const pdf = await renderDocumentPdf(doc, locale, { name: "Rede" });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      expect(pdf.length).toBeGreaterThan(1000);
    }
  });
});
