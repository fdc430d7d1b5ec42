/**
 * Property tests (fast-check) over random sequences of the money-moving operations: placing,
 * paying, cancelling and delivering orders, returns and exchanges approved or rejected, manual
 * credit and debit notes (on an order or on none) and their reversals, debit notes paid in
 * collections, and sponsor moves. After every sequence:
 * - every journal entry balances;
 * - each consultant's balance is the sum of their postings, equals what a plain model of the
 *   operations expects, and is where their paged statement's running balance ends;
 * - volumes stay exact: PV/CV per period are the sum of their events (returns included), GV is
 *   own PV plus the whole downline's, and each consultant's PV is what the model expects;
 * - no order line ever has more returned or pending than was bought.
 */
import fc from "fast-check";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { consultants, journalEntries, orderLines, products, returnReasons, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { issueInvoice } from "@/server/commerce/invoices";
import { advanceOrder, createOrder, payOrder } from "@/server/commerce/orders";
import { AppError } from "@/server/errors";
import { openOrders } from "@/server/collections/aging";
import { payDebitNote } from "@/server/collections/note-payments";
import { postAdjustment, reverseAdjustment } from "@/server/ledger/adjustments";
import { moveSubtree } from "@/server/network/tree/move";
import { consultantAccount, consultantStatement } from "@/server/ledger/statement";
import { decideReturn } from "@/server/returns/decide";
import { createReturnRequest } from "@/server/returns/request";
import { localFileStore } from "@/server/storage/files";
import { createTestDatabase } from "./db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let adminId: string;
let reasonId: number;
let people: number[] = [];
let catalogue: { id: number; consultantPrice: number; pv: number; cv: number }[] = [];
const store = localFileStore("/nonexistent-photos");
let movesDone = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  await seedDemo(db, { size: 60, commerce: false });
  [{ id: adminId }] = (await db.select({ id: users.id }).from(users).where(eq(users.email, "admin@rede.test"))) as [{ id: string }];
  // Ana, Bruno and two more: some of them in each other's upline, so GV is exercised.
  people = (await db.select({ id: consultants.id }).from(consultants).where(sql`${consultants.code} in ('RD000002', 'RD000017', 'RD000003', 'RD000005')`)).map((r) => r.id);
  catalogue = await db
    .insert(products)
    .values([
      { sku: "P-A", name: { "pt-BR": "A" }, retailPrice: 4990, consultantPrice: 3490, pv: 1500, cv: 1200 },
      { sku: "P-B", name: { "pt-BR": "B" }, retailPrice: 18990, consultantPrice: 13290, pv: 6000, cv: 5000 },
      { sku: "P-C", name: { "pt-BR": "C" }, retailPrice: 1990, consultantPrice: 1390, pv: 500, cv: 0 },
    ])
    .returning({ id: products.id, consultantPrice: products.consultantPrice, pv: products.pv, cv: products.cv });
  [{ id: reasonId }] = (await db.insert(returnReasons).values({ name: { "pt-BR": "Defeito" } }).returning({ id: returnReasons.id })) as [{ id: number }];
});
afterAll(() => t?.drop());

type Op = { op: "place" | "pay" | "cancel" | "deliver" | "return" | "exchange" | "reject" | "credit" | "debit" | "reverse" | "payNote" | "move"; a: number; b: number; c: number };
const opArb: fc.Arbitrary<Op> = fc.record({
  op: fc.constantFrom("place", "place", "pay", "pay", "cancel", "deliver", "deliver", "deliver", "return", "exchange", "exchange", "reject", "credit", "debit", "reverse", "payNote", "move"),
  a: fc.nat(1000),
  b: fc.nat(1000),
  c: fc.nat(1000),
});

const pick = <T>(list: T[], n: number) => (list.length ? list[n % list.length] : undefined);

async function balances() {
  const out = new Map<number, number>();
  for (const id of people) out.set(id, (await consultantAccount(db, id, "receivable"))?.balance ?? 0);
  return out;
}
async function pvs() {
  const rows = await db.execute<{ id: number; pv: string }>(sql`select consultant_id::int as id, coalesce(sum(pv), 0)::text as pv from volume_events group by consultant_id`);
  return new Map(rows.map((r) => [r.id, Number(r.pv)]));
}

/** Runs one sequence, keeping a model of what each consultant owes and their PV. */
async function run(ops: Op[]) {
  const owed = await balances();
  const pv = await pvs();
  const add = (m: Map<number, number>, id: number, v: number) => m.set(id, (m.get(id) ?? 0) + v);
  const open: { id: number; consultantId: number; total: number; pv: number }[] = [];
  const paid: { id: number; consultantId: number }[] = [];
  const delivered: { id: number; consultantId: number }[] = [];
  const pending: { id: number; consultantId: number; kind: "return" | "exchange"; value: number; pv: number; replacement: number; replacementPv: number }[] = [];
  const adjustments: { entryId: number; noteId: number; consultantId: number; signed: number }[] = [];

  for (const { op, a, b, c } of ops) {
    if (op === "place") {
      const consultantId = pick(people, a)!;
      const lines = [{ productId: catalogue[b % 3]!.id, quantity: 1 + (c % 3) }];
      if (c % 2) lines.push({ productId: catalogue[(b + 1) % 3]!.id, quantity: 1 });
      const order = await createOrder(db, { consultantId, customerId: null, channel: "staff", lines, paymentMethod: "bank_slip", place: true, actorUserId: adminId });
      open.push({ id: order.id, consultantId, total: order.total, pv: order.pv });
      add(owed, consultantId, order.total);
    } else if (op === "pay" || op === "cancel") {
      const order = pick(open, a);
      if (!order) continue;
      open.splice(open.indexOf(order), 1);
      if (op === "pay") {
        await payOrder(db, { orderId: order.id, method: "bank_slip" }, adminId);
        paid.push(order);
        add(pv, order.consultantId, order.pv);
      } else await advanceOrder(db, { orderId: order.id, to: "cancelled" }, adminId);
      add(owed, order.consultantId, -order.total);
    } else if (op === "deliver") {
      const order = pick(paid, a);
      if (!order) continue;
      paid.splice(paid.indexOf(order), 1);
      await issueInvoice(db, order.id, adminId);
      await advanceOrder(db, { orderId: order.id, to: "shipped" }, adminId);
      await advanceOrder(db, { orderId: order.id, to: "delivered" }, adminId);
      delivered.push(order);
    } else if (op === "return" || op === "exchange") {
      const order = pick(delivered, a);
      if (!order) continue;
      const lines = await db.select().from(orderLines).where(eq(orderLines.orderId, order.id));
      const line = pick(lines, b)!;
      const quantity = 1 + (c % line.quantity);
      const replacement = catalogue[c % 3]!;
      try {
        const req = await createReturnRequest(
          db,
          { orderId: order.id, kind: op, reasonId, lines: [{ orderLineId: line.id, quantity, replacementProductId: op === "exchange" ? replacement.id : null }], photos: [] },
          { userId: adminId, ownConsultantId: null },
          store,
        );
        pending.push({ id: req.id, consultantId: order.consultantId, kind: op, value: line.unitPrice * quantity, pv: line.unitPv * quantity, replacement: replacement.consultantPrice * quantity, replacementPv: replacement.pv * quantity });
      } catch (error) {
        // Asking for more than is left is refused; that is the rule under test, not a failure.
        if (!(error instanceof AppError) || error.messageKey !== "returns.errors.tooMany") throw error;
      }
      // Approve the oldest pending request now and then, so requests both hold and release quantity.
      const next = pending.shift();
      if (next && b % 2 === 0) {
        await decideReturn(db, { id: next.id, decision: "approve", comment: "" }, adminId, { appUrl: "http://localhost:3000" });
        add(owed, next.consultantId, -next.value + (next.kind === "exchange" ? next.replacement : 0));
        add(pv, next.consultantId, -next.pv + (next.kind === "exchange" ? next.replacementPv : 0));
      } else if (next) pending.unshift(next);
    } else if (op === "reject") {
      const next = pending.shift();
      if (next) await decideReturn(db, { id: next.id, decision: "reject", comment: "Recusada no teste." }, adminId, { appUrl: "http://localhost:3000" });
    } else if (op === "credit" || op === "debit") {
      const consultantId = pick(people, a)!;
      // On their latest order, or (every other time, or when they have none) on no order at all.
      const [order] = await db.execute<{ id: number }>(sql`select id::int from orders where consultant_id = ${consultantId} and status <> 'cart' order by id desc limit 1`);
      const amount = 1 + b * 7 + c;
      const made = await postAdjustment(db, { consultantId, orderId: order && c % 2 ? order.id : null, kind: op === "credit" ? "credit_note" : "debit_note", amount, memo: "Ajuste de teste" }, adminId);
      const signed = op === "credit" ? -amount : amount;
      adjustments.push({ entryId: made.entryId, noteId: made.noteId, consultantId, signed });
      add(owed, consultantId, signed);
    } else if (op === "reverse") {
      const adj = pick(adjustments, a);
      if (!adj) continue;
      adjustments.splice(adjustments.indexOf(adj), 1);
      const [settled] = await db.execute<{ n: number }>(sql`select count(*)::int as n from payments where invoice_id = ${adj.noteId}`);
      if (settled!.n) {
        // A paid debit note is not reversed: refused, nothing changes.
        await expect(reverseAdjustment(db, { entryId: adj.entryId, memo: "Estorno de teste" }, adminId)).rejects.toMatchObject({ messageKey: "ledgerScreens.errors.notePaid" });
        continue;
      }
      await reverseAdjustment(db, { entryId: adj.entryId, memo: "Estorno de teste" }, adminId);
      add(owed, adj.consultantId, -adj.signed);
    } else if (op === "payNote") {
      // Collect an open debit note (an exchange's difference or a manual one) from the collections list.
      const notes = (await openOrders(db, { page: 1, pageSize: 200 })).rows.filter((r) => r.kind === "debit_note");
      const note = pick(notes, a);
      if (!note) continue;
      await payDebitNote(db, { invoiceId: note.id, method: "bank_transfer", idempotencyKey: `prop-note-${note.id}` }, adminId);
      // A retry pays nothing more.
      await payDebitNote(db, { invoiceId: note.id, method: "bank_transfer", idempotencyKey: `prop-note-${note.id}` }, adminId);
      add(owed, note.consultantId, -note.total);
    } else if (op === "move") {
      // A sponsor move of someone (with their downline) under someone else: GV follows, nothing else moves.
      const everyone = await db.execute<{ id: number }>(sql`select id::int from consultants where sponsor_id is not null order by id`);
      const mover = pick(everyone, a)!.id;
      const target = pick(everyone, b)!.id;
      await db
        .transaction((tx) => moveSubtree(tx, { tree: "sponsor", consultantId: mover, newParentId: target }))
        .then(() => movesDone++)
        .catch((e: { messageKey?: string }) => {
          if (e.messageKey !== "network.errors.cycle") throw e;
        });
    }
  }
  return { owed, pv };
}

async function checkInvariants(model: { owed: Map<number, number>; pv: Map<number, number> }) {
  expect(await db.execute(sql`select entry_id from postings group by entry_id, currency having sum(amount) <> 0`)).toEqual([]);
  for (const id of people) {
    const account = await consultantAccount(db, id, "receivable");
    const [sum] = await db.execute<{ n: string }>(sql`select coalesce(sum(p.amount), 0)::text as n from postings p join accounts a on a.id = p.account_id where a.consultant_id = ${id} and a.kind = 'receivable'`);
    expect(account?.balance ?? 0).toBe(Number(sum!.n));
    expect(account?.balance ?? 0).toBe(model.owed.get(id) ?? 0);
    // The statement, paged, runs down from the balance to the first posting.
    let beforeId: number | undefined;
    let expected = account?.balance ?? 0;
    for (;;) {
      const page = await consultantStatement(db, id, { kind: "receivable", beforeId, limit: 7 });
      for (const line of page.lines) {
        expect(line.balance).toBe(expected);
        expected -= line.amount;
      }
      if (!page.nextBeforeId) break;
      beforeId = page.nextBeforeId;
    }
    expect(expected).toBe(0);
  }
  const events = await pvs();
  for (const id of people) expect(events.get(id) ?? 0).toBe(model.pv.get(id) ?? 0);
  expect(
    await db.execute(sql`
      select v.consultant_id from period_volumes v
       where v.pv <> (select coalesce(sum(e.pv), 0) from volume_events e where e.period_id = v.period_id and e.consultant_id = v.consultant_id)
          or v.cv <> (select coalesce(sum(e.cv), 0) from volume_events e where e.period_id = v.period_id and e.consultant_id = v.consultant_id)`),
  ).toEqual([]);
  expect(
    await db.execute(sql`
      select v.consultant_id from period_volumes v join genealogy g on g.consultant_id = v.consultant_id
       where v.gv <> (select coalesce(sum(d.pv), 0) from period_volumes d join genealogy dg on dg.consultant_id = d.consultant_id
                       where d.period_id = v.period_id and dg.sponsor_path >= g.sponsor_path and dg.sponsor_path < g.sponsor_path || '~')`),
  ).toEqual([]);
  expect(
    await db.execute(sql`
      select ol.id from order_lines ol
       where ol.quantity < (select coalesce(sum(rl.quantity), 0) from return_lines rl join return_requests r on r.id = rl.request_id
                             where rl.order_line_id = ol.id and r.status <> 'rejected')`),
  ).toEqual([]);
}

describe("property: the ledger and volumes stay exact under any sequence of sales, returns and adjustments", () => {
  it("holds for random sequences", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 30 }), async (ops) => {
        // Each sequence starts with a delivered order, so returns and exchanges have something to act on.
        const start: Op[] = [
          { op: "place", a: ops.length, b: 0, c: 1 },
          { op: "pay", a: 1_000_000, b: 0, c: 0 },
          { op: "deliver", a: 1_000_000, b: 0, c: 0 },
        ];
        const model = await run([...start, ...ops]);
        await checkInvariants(model);
      }),
      { numRuns: 20, seed: 20261127, endOnFailure: true },
    );
    // The sequences did exercise returns, exchanges and reversals.
    const kinds = (await db.selectDistinct({ kind: journalEntries.kind }).from(journalEntries)).map((k) => k.kind);
    expect(kinds).toEqual(expect.arrayContaining(["order.placed", "payment.received", "credit_note", "debit_note", "exchange", "reversal"]));
    const [notesPaid] = await db.execute<{ n: number }>(sql`select count(*)::int as n from payments where invoice_id is not null`);
    expect(notesPaid!.n).toBeGreaterThan(0);
    expect(movesDone).toBeGreaterThan(0);
  }, 240_000);
});
