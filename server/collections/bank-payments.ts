import { createHash } from "node:crypto";
import { and, eq, inArray, like, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { consultants, invoices, orders, payments } from "@/db/schema";
import { recordAudit } from "../audit/record";
import { payOrder } from "../commerce/orders";
import { AppError } from "../errors";
import { documentNumber } from "../invoices/notes";
import { ADJUSTMENT_SOURCE } from "../ledger/entries";
import { getCommerceSettings } from "../settings/company";
import { payDebitNote } from "./note-payments";
import { BANK_FILE_MAX_BYTES, parseBankFile, type BankLine } from "./bank-file";

/**
 * Bank payment files: preview (parse, match each line to an open order) and apply (pay the
 * matched and the hand-picked lines). Nothing is stored between the two: the page sends the file
 * again with the decisions, and each payment's idempotency key is the file's SHA-256 plus the line
 * number, so applying the same file twice, or a second time after a crash half-way, pays no line
 * twice (payOrder returns the payment the key already made).
 */

export const bankFileSchema = z.object({
  fileName: z.string().trim().max(255, { error: "errors.tooLong" }).default(""),
  content: z.string().min(1, { error: "collections.bank.problem.empty" }).max(BANK_FILE_MAX_BYTES, { error: "collections.bank.problem.tooLarge" }),
});

export const applyBankFileSchema = bankFileSchema.extend({
  /** Per line: pay this order (or the debit note it matched), or ignore the line. Matched lines without a decision are paid. */
  decisions: z
    .array(z.object({ line: z.number().int().min(2), orderId: z.number().int().positive().nullable(), invoiceId: z.number().int().positive().nullish() }))
    .max(5000)
    .default([]),
});

export type MatchStatus = "matched" | "review" | "applied" | "invalid";
export type ReviewReason = "noReference" | "unknownOrder" | "amountDiffers" | "alreadyPaid" | "notOpen" | "duplicateInFile" | "unknownNote" | "noteNotOpen" | "noteAmountDiffers";
/** A debit note a line names ("ND 000012"): paid like an order, in full, once. */
type NoteBrief = { id: number; number: number; total: number; consultantCode: string; consultantName: string; open: boolean };
type OrderBrief = { id: number; number: string; total: number; status: string; consultantCode: string; consultantName: string; placedAt: Date | null };

export const fileHash = (content: string) => createHash("sha256").update(content, "utf8").digest("hex");
/** The idempotency key of one line of one file. */
export const lineKey = (hash: string, line: number) => `bank:${hash.slice(0, 48)}:${line}`;

const orderBrief = {
  id: orders.id,
  number: orders.number,
  total: orders.total,
  status: orders.status,
  consultantCode: consultants.code,
  consultantName: consultants.fullName,
  placedAt: orders.placedAt,
};

async function companyDigits(db: DbOrTx) {
  const { currency } = await getCommerceSettings(db);
  return { currency, digits: new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2 };
}

function parseOrRefuse(content: string, digits: number) {
  const parsed = parseBankFile(content, digits);
  if (!parsed.ok) throw new AppError("BAD_REQUEST", `collections.bank.problem.${parsed.problem}`, { columns: (parsed.missing ?? []).join(", ") }, "content");
  return parsed.lines;
}

/** Every line with what it matches: an open order, candidates to pick from, or why not. */
async function matchLines(db: DbOrTx, hash: string, lines: BankLine[]) {
  const numbers = [...new Set(lines.map((l) => l.orderNumber).filter((n): n is string => n !== null))];
  const named = numbers.length ? await db.select(orderBrief).from(orders).innerJoin(consultants, eq(consultants.id, orders.consultantId)).where(inArray(orders.number, numbers)) : [];
  const byNumber = new Map(named.map((o) => [o.number, o]));
  const applied = await db
    .select({ key: payments.idempotencyKey, orderId: payments.orderId, number: orders.number, invoiceId: payments.invoiceId, noteNumber: invoices.number })
    .from(payments)
    .leftJoin(orders, eq(orders.id, payments.orderId))
    .leftJoin(invoices, eq(invoices.id, payments.invoiceId))
    .where(like(payments.idempotencyKey, `bank:${hash.slice(0, 48)}:%`));
  const noteNumbers = [...new Set(lines.map((l) => l.noteNumber).filter((n): n is number => n !== null))];
  const notes: NoteBrief[] = noteNumbers.length
    ? await db
        .select({
          id: invoices.id,
          number: invoices.number,
          total: invoices.total,
          consultantCode: consultants.code,
          consultantName: consultants.fullName,
          open: sql<boolean>`not exists (select 1 from payments p where p.invoice_id = ${invoices.id})
            and not exists (select 1 from journal_entries e join journal_entries r on r.reverses_entry_id = e.id
                             where e.source_type = ${ADJUSTMENT_SOURCE} and e.source_id = ${invoices.id}::text)`,
        })
        .from(invoices)
        .innerJoin(consultants, eq(consultants.id, invoices.consultantId))
        .where(and(eq(invoices.kind, "debit_note"), inArray(invoices.number, noteNumbers)))
    : [];
  const noteByNumber = new Map(notes.map((n) => [n.number, n]));
  const appliedByKey = new Map(applied.map((a) => [a.key, a]));
  const amounts = [...new Set(lines.filter((l) => l.amount !== null && !l.orderNumber).map((l) => l.amount!))];
  // Candidates for a line without an order number: open orders of the same amount (a few each).
  const candidates = amounts.length
    ? await db
        .select({ ...orderBrief, rank: sql<number>`row_number() over (partition by ${orders.total} order by ${orders.placedAt})` })
        .from(orders)
        .innerJoin(consultants, eq(consultants.id, orders.consultantId))
        .where(and(eq(orders.status, "placed"), inArray(orders.total, amounts)))
    : [];
  const candidatesByAmount = new Map<number, OrderBrief[]>();
  for (const c of candidates) if (c.rank <= 6) (candidatesByAmount.get(c.total) ?? candidatesByAmount.set(c.total, []).get(c.total)!).push(c);

  const claimed = new Set<number>();
  const claimedNotes = new Set<number>();
  type Target = { id: number | null; number: string };
  return lines.map((l) => {
    const base = { ...l, key: lineKey(hash, l.line), note: null as NoteBrief | null };
    const done = appliedByKey.get(base.key);
    if (done) {
      const order: Target = done.invoiceId ? { id: null, number: `ND ${documentNumber(done.noteNumber ?? 0)}` } : (byNumber.get(done.number ?? "") ?? { id: done.orderId, number: done.number ?? "" });
      return { ...base, status: "applied" as MatchStatus, order, reason: null, candidates: [] };
    }
    if (l.errors.length || l.amount === null) return { ...base, status: "invalid" as MatchStatus, order: null, reason: null, candidates: [] };
    const review = (reason: ReviewReason, order: OrderBrief | null = null, note: NoteBrief | null = null) => ({
      ...base,
      note,
      status: "review" as MatchStatus,
      order,
      reason,
      candidates: (candidatesByAmount.get(l.amount!) ?? []).filter((c) => !claimed.has(c.id)).slice(0, 5),
    });
    if (!l.orderNumber && l.noteNumber !== null) {
      const note = noteByNumber.get(l.noteNumber);
      if (!note) return review("unknownNote");
      if (!note.open) return review("noteNotOpen", null, note);
      if (note.total !== l.amount) return review("noteAmountDiffers", null, note);
      if (claimedNotes.has(note.id)) return review("duplicateInFile", null, note);
      claimedNotes.add(note.id);
      return { ...base, note, status: "matched" as MatchStatus, order: null, reason: null, candidates: [] };
    }
    if (!l.orderNumber) return review("noReference");
    const order = byNumber.get(l.orderNumber);
    if (!order) return review("unknownOrder");
    if (order.status === "paid" || order.status === "invoiced" || order.status === "shipped" || order.status === "delivered") return review("alreadyPaid", order);
    if (order.status !== "placed") return review("notOpen", order);
    if (order.total !== l.amount) return review("amountDiffers", order);
    if (claimed.has(order.id)) return review("duplicateInFile", order);
    claimed.add(order.id);
    return { ...base, status: "matched" as MatchStatus, order, reason: null, candidates: [] };
  });
}

export async function previewBankFile(db: DbOrTx, input: z.output<typeof bankFileSchema>) {
  const { currency, digits } = await companyDigits(db);
  const lines = parseOrRefuse(input.content, digits);
  const hash = fileHash(input.content);
  const matched = await matchLines(db, hash, lines);
  const count = (s: MatchStatus) => matched.filter((l) => l.status === s).length;
  return {
    hash,
    currency,
    lines: matched,
    summary: { lines: matched.length, matched: count("matched"), review: count("review"), applied: count("applied"), invalid: count("invalid") },
  };
}

export type ApplyOutcome = { line: number; result: "paid" | "alreadyApplied" | "ignored" | "refused"; orderNumber?: string; reason?: string };

/**
 * Pays the lines: matched ones unless the decision ignores them, review ones only when staff
 * picked an order. A picked order must be open and of the line's amount (payments are whole),
 * and one order is paid by one line of the file. Each payment is its own transaction.
 */
export async function applyBankFile(db: Db, input: z.output<typeof applyBankFileSchema>, actorUserId: string) {
  const { digits } = await companyDigits(db);
  const lines = parseOrRefuse(input.content, digits);
  const hash = fileHash(input.content);
  const matched = await matchLines(db, hash, lines);
  const decisions = new Map(input.decisions.map((d) => [d.line, d.orderId]));
  const noteDecisions = new Map(input.decisions.map((d) => [d.line, d.invoiceId ?? null]));
  const picked = [...decisions.values()].filter((id): id is number => id !== null);
  const pickedOrders = picked.length ? await db.select({ id: orders.id, number: orders.number, total: orders.total, status: orders.status }).from(orders).where(inArray(orders.id, picked)) : [];
  const pickedById = new Map(pickedOrders.map((o) => [o.id, o]));
  const used = new Set<number>();
  const outcomes: ApplyOutcome[] = [];
  let paidAmount = 0;
  for (const l of matched) {
    if (l.status === "applied") {
      outcomes.push({ line: l.line, result: "alreadyApplied", orderNumber: l.order?.number });
      continue;
    }
    if (l.status === "invalid") {
      outcomes.push({ line: l.line, result: "ignored" });
      continue;
    }
    // A line that matched a debit note pays it unless staff chose otherwise (ignore, or an order).
    if (l.note && l.status === "matched" && (!decisions.has(l.line) || noteDecisions.get(l.line) === l.note.id)) {
      const label = `ND ${documentNumber(l.note.number)}`;
      try {
        const reference = [l.reference, l.payer].filter(Boolean).join(" — ").slice(0, 100) || null;
        const payment = await payDebitNote(db, { invoiceId: l.note.id, method: "bank_transfer", reference, idempotencyKey: l.key }, actorUserId);
        if (payment.idempotencyKey !== l.key) outcomes.push({ line: l.line, result: "refused", orderNumber: label, reason: "noteNotOpen" });
        else {
          paidAmount += l.amount!;
          outcomes.push({ line: l.line, result: "paid", orderNumber: label });
        }
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        outcomes.push({ line: l.line, result: "refused", orderNumber: label, reason: "noteNotOpen" });
      }
      continue;
    }
    const decided = decisions.has(l.line) ? decisions.get(l.line)! : l.status === "matched" && l.order ? l.order.id : null;
    if (decided === null) {
      outcomes.push({ line: l.line, result: "ignored" });
      continue;
    }
    const order = l.order && decided === l.order.id && l.status === "matched" ? { id: l.order.id, number: l.order.number, total: l.amount!, status: "placed" } : pickedById.get(decided);
    const refuse = (reason: string) => outcomes.push({ line: l.line, result: "refused", orderNumber: order?.number, reason });
    if (!order) refuse("unknownOrder");
    else if (used.has(order.id)) refuse("duplicateInFile");
    else if (order.status !== "placed") refuse(order.status === "cancelled" || order.status === "cart" ? "notOpen" : "alreadyPaid");
    else if (order.total !== l.amount) refuse("amountDiffers");
    else {
      used.add(order.id);
      try {
        const reference = [l.reference, l.payer].filter(Boolean).join(" — ").slice(0, 100) || null;
        const payment = await payOrder(db, { orderId: order.id, method: "bank_transfer", reference, idempotencyKey: l.key }, actorUserId);
        // Paid by someone else since the match: payOrder hands back that payment, not a new one.
        if (payment.idempotencyKey !== l.key) refuse("alreadyPaid");
        else {
          paidAmount += l.amount!;
          outcomes.push({ line: l.line, result: "paid", orderNumber: order.number });
        }
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        refuse(error.messageKey === "commerce.errors.badTransition" ? "alreadyPaid" : "unknownOrder");
      }
    }
  }
  const paid = outcomes.filter((o) => o.result === "paid").length;
  await recordAudit(db, {
    actorUserId,
    action: "collections.bankFile.apply",
    entityType: "bank_file",
    entityId: hash.slice(0, 16),
    after: { fileName: input.fileName, hash, lines: matched.length, paid, paidAmount, ignored: outcomes.filter((o) => o.result === "ignored").length, refused: outcomes.filter((o) => o.result === "refused").length },
  });
  return { hash, outcomes, paid, paidAmount };
}
