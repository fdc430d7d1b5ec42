import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, consultants, customers, invoices, journalEntries, payments, products, returnReasons, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { agingByConsultant, openOrders } from "@/server/collections/aging";
import { issueInvoice } from "@/server/commerce/invoices";
import { advanceOrder, createOrder, payOrder } from "@/server/commerce/orders";
import { dayOf } from "@/server/commerce/periods";
import { documentById } from "@/server/invoices/documents";
import { renderDocumentPdf } from "@/server/invoices/pdf";
import { entryDetail } from "@/server/ledger/entries";
import { accountId, balanceOf } from "@/server/ledger/post";
import { decideReturn } from "@/server/returns/decide";
import { createReturnRequest } from "@/server/returns/request";
import { localFileStore } from "@/server/storage/files";
import { callerAs, failureOf } from "./admin-helpers";
import { createTestDatabase } from "./db";

/** Debit notes are receivables: they age, are collected, and leave the list once paid or reversed. */
let t: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let adminId: string;
let anaUser: string;
let anaId: number;
let brunoId: number;
let reasonId: number;
const product = {} as Record<"lipstick" | "perfume" | "soap", number>;
const links = { appUrl: "http://localhost:3000" };
const store = localFileStore("/tmp/rede-receivables-test-photos");
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  await seedDemo(db, { size: 60, commerce: false });
  const user = async (email: string) => (await db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;
  [adminId, anaUser] = [await user("admin@rede.test"), await user("ana@rede.test")];
  const code = async (c: string) => (await db.select({ id: consultants.id }).from(consultants).where(eq(consultants.code, c)))[0]!.id;
  [anaId, brunoId] = [await code("RD000002"), await code("RD000017")];
  const rows = await db
    .insert(products)
    .values([
      { sku: "REC-BAT", name: { "pt-BR": "Batom" }, retailPrice: 4990, consultantPrice: 3490, pv: 1500, cv: 1200 },
      { sku: "REC-PER", name: { "pt-BR": "Perfume" }, retailPrice: 18990, consultantPrice: 13290, pv: 6000, cv: 5000 },
      { sku: "REC-SAB", name: { "pt-BR": "Sabonete" }, retailPrice: 1990, consultantPrice: 1390, pv: 500, cv: 400 },
    ])
    .returning({ id: products.id });
  [product.lipstick, product.perfume, product.soap] = rows.map((r) => r.id) as [number, number, number];
  [{ id: reasonId }] = (await db.insert(returnReasons).values({ name: { "pt-BR": "Defeito", es: "Defecto", en: "Defect" } }).returning({ id: returnReasons.id })) as [{ id: number }];
});
afterAll(() => t?.drop());

async function delivered(consultantId: number, productId: number) {
  const order = await createOrder(db, { consultantId, customerId: null, channel: "staff", lines: [{ productId, quantity: 2 }], paymentMethod: "bank_slip", place: true, actorUserId: adminId });
  await payOrder(db, { orderId: order.id, method: "bank_slip" }, adminId);
  await issueInvoice(db, order.id, adminId);
  await advanceOrder(db, { orderId: order.id, to: "shipped" }, adminId);
  await advanceOrder(db, { orderId: order.id, to: "delivered" }, adminId);
  const [line] = await db.execute<{ id: number }>(sql`select id::int from order_lines where order_id = ${order.id}`);
  return { order, lineId: line!.id };
}

async function exchange(consultantId: number, from: number, to: number) {
  const { order, lineId } = await delivered(consultantId, from);
  const request = await createReturnRequest(db, { orderId: order.id, kind: "exchange", reasonId, notes: null, lines: [{ orderLineId: lineId, quantity: 1, replacementProductId: to }], photos: [] }, { userId: adminId, ownConsultantId: null }, store);
  return decideReturn(db, { id: request.id, decision: "approve", comment: "" }, adminId, links);
}

const notesIn = async (asOf?: string) => (await openOrders(db, { page: 1, pageSize: 100 }, asOf)).rows.filter((r) => r.kind === "debit_note");
const plusDays = (day: string, n: number) => dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY));
const expectBalanced = async () => expect(await db.execute(sql`select entry_id from postings group by entry_id, currency having sum(amount) <> 0`)).toEqual([]);

describe("an exchange for dearer goods", () => {
  it("leaves a debit note that ages in collections by its due date, is paid there once, and then leaves the list", async () => {
    const receivable = await accountId(db, { kind: "receivable", consultantId: anaId }, "BRL");
    const before = await balanceOf(db, receivable);
    const approved = await exchange(anaId, product.lipstick, product.perfume);
    const [note] = await db.select().from(invoices).where(eq(invoices.id, approved.noteId!));
    expect(note).toMatchObject({ kind: "debit_note", total: 13290 - 3490 });
    expect(await balanceOf(db, receivable)).toBe(before + 9800);

    // Today it is not yet due; 40 days after its due date it is 31–60 days overdue.
    const [open] = await notesIn();
    expect(open).toMatchObject({ kind: "debit_note", id: note!.id, number: String(note!.number).padStart(6, "0"), consultantId: anaId, total: 9800, dueOn: note!.dueOn, bucket: "notDue", orderId: approved.replacementOrderId });
    const later = plusDays(note!.dueOn!, 40);
    expect((await notesIn(later))[0]).toMatchObject({ daysPastDue: 40, bucket: "d31to60" });
    const aging = await agingByConsultant(db, { page: 1, pageSize: 25, overdueOnly: true }, later);
    const ana = aging.rows.find((r) => r.consultantId === anaId)!;
    expect(ana.buckets.d31to60).toBe(9800);
    expect(ana.total).toBe(9800);
    expect((await openOrders(db, { page: 1, pageSize: 10, bucket: "d31to60", consultantId: anaId }, later)).rows.map((r) => r.kind)).toEqual(["debit_note"]);

    // Paid from collections, through the router, once for a double click.
    const admin = await callerAs(db, adminId);
    const paid = await admin.api.collections.payDebitNote({ invoiceId: note!.id, method: "bank_transfer", reference: "TED 42", idempotencyKey: "note-pay-0001" });
    const again = await admin.api.collections.payDebitNote({ invoiceId: note!.id, method: "bank_transfer", idempotencyKey: "note-pay-0002" });
    expect(again.id).toBe(paid.id);
    expect(await db.select().from(payments).where(eq(payments.invoiceId, note!.id))).toHaveLength(1);
    expect(paid).toMatchObject({ amount: 9800, orderId: null, invoiceId: note!.id });
    expect(await balanceOf(db, receivable)).toBe(before);
    const [paymentEntry] = await db.select().from(journalEntries).where(and(eq(journalEntries.sourceType, "debit_note"), eq(journalEntries.sourceId, String(note!.id))));
    expect(await db.select().from(journalEntries).where(and(eq(journalEntries.sourceType, "debit_note"), eq(journalEntries.sourceId, String(note!.id))))).toHaveLength(1);
    // The payment's entry names its note, and cannot be reversed by hand.
    expect(await entryDetail(db, paymentEntry!.id)).toMatchObject({ document: { id: note!.id, kind: "debit_note" }, reversible: false });
    expect(await db.select().from(auditLog).where(and(eq(auditLog.action, "debit_note.pay"), eq(auditLog.entityId, String(note!.id))))).toHaveLength(1);
    expect(await notesIn(later)).toEqual([]);
    await expectBalanced();

    // A consultant cannot collect; an invoice or credit note is not a debit note.
    const ana2 = await callerAs(db, anaUser);
    expect((await failureOf(ana2.api.collections.payDebitNote({ invoiceId: note!.id, method: "bank_slip" }), ana2.ctx)).data.code).toBe("FORBIDDEN");
    const [invoice] = await db.select().from(invoices).where(eq(invoices.kind, "invoice")).limit(1);
    expect((await failureOf(admin.api.collections.payDebitNote({ invoiceId: invoice!.id, method: "bank_slip" }), admin.ctx)).message).toBe("Só notas de débito são cobradas aqui; o pedido é pago pelo próprio pedido.");
  });

  it("cheaper: the credit is recorded as a credit note and lowers the receivable; nothing is put in collections", async () => {
    const receivable = await accountId(db, { kind: "receivable", consultantId: brunoId }, "BRL");
    const before = await balanceOf(db, receivable);
    const approved = await exchange(brunoId, product.lipstick, product.soap);
    const [note] = await db.select().from(invoices).where(eq(invoices.id, approved.noteId!));
    expect(note).toMatchObject({ kind: "credit_note", total: 3490 - 1390, consultantId: brunoId });
    expect(await balanceOf(db, receivable)).toBe(before - 2100);
    expect((await openOrders(db, { page: 1, pageSize: 100, consultantId: brunoId })).rows).toEqual([]);
    await expectBalanced();
  });
});

describe("manual adjustments", () => {
  it("a debit note on a consultant's account with no order: reason required, audited, balanced, in collections, reversed out of it", async () => {
    const admin = await callerAs(db, adminId);
    const receivable = await accountId(db, { kind: "receivable", consultantId: brunoId }, "BRL");
    const before = await balanceOf(db, receivable);
    const noReason = await failureOf(admin.api.ledger.adjust({ consultantId: brunoId, orderId: null, kind: "debit_note", amount: 2500, memo: " " }), admin.ctx);
    expect(noReason.data.fieldErrors?.memo).toEqual(["Escreva o motivo (pelo menos 3 caracteres)."]);
    const made = await admin.api.ledger.adjust({ consultantId: brunoId, kind: "debit_note", amount: 2500, memo: "Taxa do kit de início" });
    const [note] = await db.select().from(invoices).where(eq(invoices.id, made.noteId));
    expect(note).toMatchObject({ kind: "debit_note", orderId: null, consultantId: brunoId, total: 2500, currency: "BRL" });
    expect(note!.lines).toEqual([{ sku: "—", name: "Taxa do kit de início", quantity: 1, unitPrice: 2500, lineTotal: 2500 }]);
    expect(await balanceOf(db, receivable)).toBe(before + 2500);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "ledger.adjustment"), eq(auditLog.entityId, String(note!.id))));
    expect(audit!.after).toMatchObject({ orderId: null, memo: "Taxa do kit de início", amount: 2500 });
    // Its PDF prints without an order.
    const doc = await documentById(db, note!.id);
    expect(doc).toMatchObject({ orderId: null, orderNumber: null });
    expect((await renderDocumentPdf(doc!, "pt-BR", { name: "Rede" })).subarray(0, 5).toString()).toBe("%PDF-");
    // It is a receivable until reversed.
    expect((await notesIn()).map((n) => n.id)).toContain(note!.id);
    await admin.api.ledger.reverse({ entryId: made.entryId, memo: "Lançado por engano" });
    expect(await balanceOf(db, receivable)).toBe(before);
    expect((await notesIn()).map((n) => n.id)).not.toContain(note!.id);
    expect((await failureOf(admin.api.collections.payDebitNote({ invoiceId: note!.id, method: "bank_slip" }), admin.ctx)).message).toBe(
      `A nota de débito ${String(note!.number).padStart(6, "0")} foi estornada: não há nada a cobrar.`,
    );
    await expectBalanced();
  });

  it("a paid manual debit note cannot be reversed (issue a credit note instead); a credit note needs no order either", async () => {
    const admin = await callerAs(db, adminId);
    const made = await admin.api.ledger.adjust({ consultantId: anaId, orderId: null, kind: "debit_note", amount: 1000, memo: "Reposição de material" });
    await admin.api.collections.payDebitNote({ invoiceId: made.noteId, method: "bank_slip" });
    const refused = await failureOf(admin.api.ledger.reverse({ entryId: made.entryId, memo: "Engano" }), admin.ctx);
    expect(refused.message).toBe(`A nota de débito ${String(made.number).padStart(6, "0")} já foi paga; para devolver o valor, emita uma nota de crédito.`);
    const credit = await admin.api.ledger.adjust({ consultantId: anaId, kind: "credit_note", amount: 1000, memo: "Devolução da reposição" });
    const [row] = await db.select().from(invoices).where(eq(invoices.id, credit.noteId));
    expect(row).toMatchObject({ kind: "credit_note", orderId: null, dueOn: null });
    // A consultant id that does not exist is refused, nothing written.
    const count = await db.$count(invoices);
    expect((await failureOf(admin.api.ledger.adjust({ consultantId: 999_999, kind: "credit_note", amount: 1000, memo: "Ninguém" }), admin.ctx)).data.code).toBe("NOT_FOUND");
    expect(await db.$count(invoices)).toBe(count);
    await expectBalanced();
  });
});

describe("a customer's purchase summary (RFM monetary)", () => {
  it("loses what a return gives back and moves by an exchange's difference; the order count stays", async () => {
    const [customer] = await db.insert(customers).values({ consultantId: anaId, fullName: "Cliente RFM", email: "rfm@exemplo.com" }).returning();
    const order = await createOrder(db, { consultantId: anaId, customerId: customer!.id, channel: "staff", lines: [{ productId: product.lipstick, quantity: 3 }], paymentMethod: "bank_slip", place: true, actorUserId: adminId });
    await payOrder(db, { orderId: order.id, method: "bank_slip" }, adminId);
    await issueInvoice(db, order.id, adminId);
    await advanceOrder(db, { orderId: order.id, to: "shipped" }, adminId);
    await advanceOrder(db, { orderId: order.id, to: "delivered" }, adminId);
    const spent = async () => (await db.select({ n: customers.totalSpent, c: customers.ordersCount }).from(customers).where(eq(customers.id, customer!.id)))[0]!;
    expect(await spent()).toEqual({ n: 3 * 4990, c: 1 });
    const [line] = await db.execute<{ id: number }>(sql`select id::int from order_lines where order_id = ${order.id}`);
    const ask = (kind: "return" | "exchange", replacementProductId?: number) =>
      createReturnRequest(db, { orderId: order.id, kind, reasonId, notes: null, lines: [{ orderLineId: line!.id, quantity: 1, replacementProductId }], photos: [] }, { userId: adminId, ownConsultantId: null }, store);
    await decideReturn(db, { id: (await ask("return")).id, decision: "approve", comment: "" }, adminId, links);
    expect(await spent()).toEqual({ n: 2 * 4990, c: 1 });
    await decideReturn(db, { id: (await ask("exchange", product.perfume)).id, decision: "approve", comment: "" }, adminId, links);
    expect(await spent()).toEqual({ n: 2 * 4990 + 18990 - 4990, c: 1 });
  });
});

describe("the bank payment file", () => {
  it("matches a line naming an open debit note (ND 000012) by number and amount, pays it once, and sends a paid or wrong-amount note to review", async () => {
    const admin = await callerAs(db, adminId);
    const due = await admin.api.ledger.adjust({ consultantId: brunoId, kind: "debit_note", amount: 4321, memo: "Taxa de reposição" });
    const wrong = await admin.api.ledger.adjust({ consultantId: brunoId, kind: "debit_note", amount: 1000, memo: "Outra taxa" });
    const nd = (n: number) => `ND ${String(n).padStart(6, "0")}`;
    const content = `data;valor;referencia;pagador\n20/11/2026;43,21;TED ${nd(due.number)};Bruno\n21/11/2026;9,99;PIX ${nd(wrong.number)};Bruno\n22/11/2026;1,00;${nd(999_999)};X\n`;
    const preview = await admin.api.collections.previewBankFile({ fileName: "extrato.csv", content });
    expect(preview.lines.map((l) => [l.line, l.status, l.reason, l.note?.id ?? null])).toEqual([
      [2, "matched", null, due.noteId],
      [3, "review", "noteAmountDiffers", wrong.noteId],
      [4, "review", "unknownNote", null],
    ]);
    const applied = await admin.api.collections.applyBankFile({ fileName: "extrato.csv", content, decisions: [{ line: 2, orderId: null, invoiceId: due.noteId }, { line: 3, orderId: null }, { line: 4, orderId: null }] });
    expect(applied.outcomes.map((o) => [o.line, o.result])).toEqual([
      [2, "paid"],
      [3, "ignored"],
      [4, "ignored"],
    ]);
    expect(applied.paidAmount).toBe(4321);
    const [payment] = await db.select().from(payments).where(eq(payments.invoiceId, due.noteId));
    expect(payment).toMatchObject({ amount: 4321, method: "bank_transfer", orderId: null });
    // The same file again pays nothing; the paid note shows as applied.
    const again = await admin.api.collections.previewBankFile({ fileName: "extrato.csv", content });
    expect(again.lines[0]).toMatchObject({ status: "applied", order: { number: nd(due.number) } });
    const twice = await admin.api.collections.applyBankFile({ fileName: "extrato.csv", content, decisions: [] });
    expect(twice.paid).toBe(0);
    expect(await db.select().from(payments).where(eq(payments.invoiceId, due.noteId))).toHaveLength(1);
    // Another file naming the now-paid note sends it to review.
    const other = await admin.api.collections.previewBankFile({ fileName: "outro.csv", content: `date,amount,reference\n2026-11-23,43.21,${nd(due.number)}\n` });
    expect(other.lines[0]).toMatchObject({ status: "review", reason: "noteNotOpen" });
    await expectBalanced();
  });
});

describe("the portal", () => {
  it("shows a consultant her own open items (orders and debit notes) with due dates, and no one else's", async () => {
    const admin = await callerAs(db, adminId);
    const mine = await admin.api.ledger.adjust({ consultantId: anaId, kind: "debit_note", amount: 777, memo: "Taxa da Ana" });
    const theirs = await admin.api.ledger.adjust({ consultantId: brunoId, kind: "debit_note", amount: 888, memo: "Taxa do Bruno" });
    const order = await createOrder(db, { consultantId: anaId, customerId: null, channel: "portal", lines: [{ productId: product.soap, quantity: 1 }], paymentMethod: "bank_slip", place: true, actorUserId: anaUser });
    const ana = await callerAs(db, anaUser);
    const items = await ana.api.collections.myOpenItems({ page: 1, pageSize: 50 });
    expect(items.rows.every((r) => r.consultantId === anaId)).toBe(true);
    expect(items.rows.map((r) => `${r.kind}:${r.id}`)).toEqual(expect.arrayContaining([`debit_note:${mine.noteId}`, `order:${order.id}`]));
    expect(items.rows.map((r) => r.id)).not.toContain(theirs.noteId);
    expect(items.rows.find((r) => r.id === mine.noteId && r.kind === "debit_note")).toMatchObject({ total: 777, bucket: "notDue" });
  });
});
