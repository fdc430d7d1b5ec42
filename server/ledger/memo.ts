import type { MessageKey } from "../i18n/messages";
import type { Params } from "../i18n/translate-core";

/**
 * Journal memos are stored once, in pt-BR (the ledger is append-only: a memo is never rewritten).
 * Screens show the memos the system writes in the reader's language by recognising their shapes
 * (written by orders.ts, returns/decide.ts, ledger/adjustments.ts, collections/note-payments.ts);
 * a memo of any other shape (a person's own words) is shown as written. Pure: usable on both sides.
 */
const SHAPES: [RegExp, MessageKey, (m: RegExpExecArray) => Params][] = [
  [/^Pedido (P\d+)$/, "ledgerScreens.memos.orderPlaced", (m) => ({ order: m[1]! })],
  [/^Pagamento do pedido (P\d+)$/, "ledgerScreens.memos.orderPaid", (m) => ({ order: m[1]! })],
  [/^Cancelamento do pedido (P\d+)$/, "ledgerScreens.memos.orderCancelled", (m) => ({ order: m[1]! })],
  [/^Devolução (\d+) do pedido (P\d+): nota de crédito (\d+)$/, "ledgerScreens.memos.returned", (m) => ({ request: m[1]!, order: m[2]!, note: m[3]! })],
  [/^Troca (\d+) do pedido (P\d+) pelo pedido (P\d+): nota de débito (\d+)$/, "ledgerScreens.memos.exchangeDebit", (m) => ({ request: m[1]!, order: m[2]!, replacement: m[3]!, note: m[4]! })],
  [/^Troca (\d+) do pedido (P\d+) pelo pedido (P\d+): nota de crédito (\d+)$/, "ledgerScreens.memos.exchangeCredit", (m) => ({ request: m[1]!, order: m[2]!, replacement: m[3]!, note: m[4]! })],
  [/^Troca (\d+) do pedido (P\d+) pelo pedido (P\d+)$/, "ledgerScreens.memos.exchange", (m) => ({ request: m[1]!, order: m[2]!, replacement: m[3]! })],
  [/^Pagamento da nota de débito (\d+)$/, "ledgerScreens.memos.notePaid", (m) => ({ note: m[1]! })],
  [/^Nota de crédito (\d+) \(pedido (P\d+)\): ([\s\S]*)$/, "ledgerScreens.memos.creditNoteOrder", (m) => ({ note: m[1]!, order: m[2]!, reason: m[3]! })],
  [/^Nota de débito (\d+) \(pedido (P\d+)\): ([\s\S]*)$/, "ledgerScreens.memos.debitNoteOrder", (m) => ({ note: m[1]!, order: m[2]!, reason: m[3]! })],
  [/^Nota de crédito (\d+): ([\s\S]*)$/, "ledgerScreens.memos.creditNote", (m) => ({ note: m[1]!, reason: m[2]! })],
  [/^Nota de débito (\d+): ([\s\S]*)$/, "ledgerScreens.memos.debitNote", (m) => ({ note: m[1]!, reason: m[2]! })],
  [/^Estorno do lançamento (\d+): ([\s\S]*)$/, "ledgerScreens.memos.reversal", (m) => ({ entry: m[1]!, reason: m[2]! })],
];

export function localMemo(memo: string, t: (key: MessageKey, params?: Params) => string) {
  for (const [shape, key, params] of SHAPES) {
    const m = shape.exec(memo);
    if (m) return t(key, params(m));
  }
  return memo;
}

/** Order timeline notes the system writes (commerce/invoices.ts, orders.ts, returns/decide.ts), the same way. */
const NOTE_SHAPES: [RegExp, MessageKey, (m: RegExpExecArray) => Params][] = [
  [/^NF (\d+)$/, "ledgerScreens.orderNotes.invoiced", (m) => ({ number: m[1]!.padStart(6, "0") })],
  [/^Troca (\d+) do pedido (P\d+)$/, "ledgerScreens.orderNotes.exchange", (m) => ({ request: m[1]!, order: m[2]! })],
  [/^Volume creditado no período (.+) \((.+) está fechado\)$/, "ledgerScreens.orderNotes.volumeMoved", (m) => ({ period: m[1]!, closed: m[2]! })],
  [/^Período (.+) \(carrinho de um período anterior\)$/, "ledgerScreens.orderNotes.cartMoved", (m) => ({ period: m[1]! })],
];

export function localOrderNote(note: string, t: (key: MessageKey, params?: Params) => string) {
  for (const [shape, key, params] of NOTE_SHAPES) {
    const m = shape.exec(note);
    if (m) return t(key, params(m));
  }
  return note;
}
