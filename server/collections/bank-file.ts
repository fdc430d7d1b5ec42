/**
 * The bank payment file: a small CSV a bank statement export can be turned into by hand.
 *
 *   date,amount,reference,payer
 *   2026-11-20,139.80,P0000042,Marina Lopes
 *   21/11/2026,"52,40",pedido P0000043,Carla Nunes
 *
 * - The first line names the columns, in any order: date, amount, reference, payer (or in
 *   Portuguese/Spanish: data/fecha, valor/importe/monto, referencia, pagador). payer may be empty.
 * - Separator: comma or semicolon (what spreadsheets in pt-BR and es save), the same in every line;
 *   fields may be quoted with "…" ("" inside is a quote). UTF-8.
 * - date: YYYY-MM-DD or DD/MM/YYYY.
 * - amount: money received, positive, in the company's currency, with "." or "," before the
 *   cents and no thousands separator ("1234.50", "1234,50"): "1.234,50" is refused, not guessed.
 * - reference: free text; our order number (P followed by 7 digits) anywhere in it is what
 *   matches the line to an order, together with the amount.
 * Pure: parsed the same way on preview and on apply.
 */

export const BANK_FILE_MAX_BYTES = 1024 * 1024;
export const BANK_FILE_MAX_LINES = 5000;

export type BankLineError = "date" | "amount" | "reference" | "columns" | "tooLong";
export type BankLine = {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  date: string | null;
  amount: number | null;
  reference: string;
  payer: string;
  orderNumber: string | null;
  /** A debit note's number ("ND 000012") when the reference names no order. */
  noteNumber: number | null;
  errors: BankLineError[];
};
export type BankFileProblem = "empty" | "header" | "tooManyLines" | "tooLarge";
export type ParsedBankFile = { ok: true; lines: BankLine[] } | { ok: false; problem: BankFileProblem; missing?: string[] };

const HEADERS: Record<"date" | "amount" | "reference" | "payer", string[]> = {
  date: ["date", "data", "fecha"],
  amount: ["amount", "valor", "importe", "monto"],
  reference: ["reference", "referencia", "referência", "ref"],
  payer: ["payer", "pagador"],
};

const fold = (s: string) => s.trim().toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");

/** Splits one CSV record (no embedded newlines: a bank line is one line) on `sep`, honouring quotes. */
export function splitRecord(line: string, sep: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"' && cur.trim() === "") (quoted = true), (cur = "");
    else if (ch === sep) out.push(cur), (cur = "");
    else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

/** "2026-11-20" or "20/11/2026" → "2026-11-20", or null when it is not a real day. */
export function parseBankDate(raw: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const br = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(raw);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : br ? [br[3], br[2], br[1]] : [];
  if (!y) return null;
  const day = `${y}-${m}-${d}`;
  const at = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== day ? null : day;
}

/** "139.80" / "139,80" / "139" → 13980 minor units (with `digits` decimals), never through a float. */
export function parseBankAmount(raw: string, digits: number): number | null {
  const m = /^(\d{1,13})(?:[.,](\d+))?$/.exec(raw.replace(/^R\$\s*/i, ""));
  if (!m) return null;
  const fraction = m[2] ?? "";
  if (fraction.length > digits) return null;
  const value = Number(m[1]! + fraction.padEnd(digits, "0"));
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}

export const ORDER_NUMBER = /\bP\d{7}\b/i;
/** A debit note as printed in a payment's reference: "ND 000012", "ND-12", "nd12". */
export const NOTE_NUMBER = /\bND[\s-]?(\d{1,9})\b/i;

function noteNumberOf(reference: string) {
  const m = NOTE_NUMBER.exec(reference);
  return m ? Number(m[1]) : null;
}

export function parseBankFile(content: string, digits = 2): ParsedBankFile {
  if (Buffer.byteLength(content, "utf8") > BANK_FILE_MAX_BYTES) return { ok: false, problem: "tooLarge" };
  const rows = content.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  while (rows.length && rows.at(-1)!.trim() === "") rows.pop();
  if (rows.length < 2) return { ok: false, problem: "empty" };
  if (rows.length - 1 > BANK_FILE_MAX_LINES) return { ok: false, problem: "tooManyLines" };
  const head = rows[0]!;
  const sep = (head.match(/;/g)?.length ?? 0) > (head.match(/,/g)?.length ?? 0) ? ";" : ",";
  const names = splitRecord(head, sep).map(fold);
  const index = Object.fromEntries(Object.entries(HEADERS).map(([k, aliases]) => [k, names.findIndex((n) => aliases.includes(n))])) as Record<keyof typeof HEADERS, number>;
  const missing = (["date", "amount", "reference"] as const).filter((k) => index[k] < 0);
  if (missing.length) return { ok: false, problem: "header", missing };
  const lines: BankLine[] = [];
  rows.slice(1).forEach((row, i) => {
    if (row.trim() === "") return;
    const cells = splitRecord(row, sep);
    const errors: BankLineError[] = [];
    if (cells.length < names.length) errors.push("columns");
    const cell = (k: keyof typeof HEADERS) => (index[k] >= 0 ? (cells[index[k]] ?? "") : "");
    const date = parseBankDate(cell("date"));
    if (!date) errors.push("date");
    const amount = parseBankAmount(cell("amount"), digits);
    if (amount === null) errors.push("amount");
    const reference = cell("reference");
    const payer = cell("payer");
    if (reference.length > 140 || payer.length > 140) errors.push("tooLong");
    const orderNumber = ORDER_NUMBER.exec(reference)?.[0].toUpperCase() ?? null;
    lines.push({ line: i + 2, date, amount, reference: reference.slice(0, 140), payer: payer.slice(0, 140), orderNumber, noteNumber: orderNumber ? null : noteNumberOf(reference), errors });
  });
  if (!lines.length) return { ok: false, problem: "empty" };
  return { ok: true, lines };
}
