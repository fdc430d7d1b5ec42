import { describe, expect, it } from "vitest";
import { bucketOf } from "@/server/collections/aging";
import { parseBankAmount, parseBankDate, parseBankFile, splitRecord } from "@/server/collections/bank-file";

describe("bank payment file", () => {
  it("reads amounts as exact minor units, with either decimal mark, and refuses what it would have to guess", () => {
    expect(parseBankAmount("139.80", 2)).toBe(13980);
    expect(parseBankAmount("139,80", 2)).toBe(13980);
    expect(parseBankAmount("0,29", 2)).toBe(29);
    expect(parseBankAmount("1234", 2)).toBe(123400);
    expect(parseBankAmount("R$ 52,4", 2)).toBe(5240);
    expect(parseBankAmount("1.234,56", 2)).toBeNull(); // thousands separator: refused, not guessed
    expect(parseBankAmount("1,234", 2)).toBeNull(); // three decimals in BRL
    expect(parseBankAmount("-10,00", 2)).toBeNull();
    expect(parseBankAmount("0", 2)).toBeNull();
    expect(parseBankAmount("abc", 2)).toBeNull();
    expect(parseBankAmount("1500", 0)).toBe(1500);
  });

  it("reads ISO and day-first dates, and only real days", () => {
    expect(parseBankDate("2026-11-20")).toBe("2026-11-20");
    expect(parseBankDate("20/11/2026")).toBe("2026-11-20");
    expect(parseBankDate("31/02/2026")).toBeNull();
    expect(parseBankDate("2026-13-01")).toBeNull();
    expect(parseBankDate("11/20/2026")).toBeNull();
  });

  it("splits quoted fields", () => {
    expect(splitRecord('2026-11-20,"52,40","pedido ""P0000043""",Carla', ",")).toEqual(["2026-11-20", "52,40", 'pedido "P0000043"', "Carla"]);
  });

  it("parses a semicolon file with Portuguese headers, finds order numbers, and reports bad lines by number", () => {
    const parsed = parseBankFile("\uFEFFData;Valor;Referência;Pagador\r\n20/11/2026;139,80;PIX pedido p0000042;Marina\r\n2026-11-31;10;x;\r\n\r\n2026-11-21;1.234,56;P0000043;\r\n");
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.lines).toEqual([
      { line: 2, date: "2026-11-20", amount: 13980, reference: "PIX pedido p0000042", payer: "Marina", orderNumber: "P0000042", noteNumber: null, errors: [] },
      { line: 3, date: null, amount: 1000, reference: "x", payer: "", orderNumber: null, noteNumber: null, errors: ["date"] },
      { line: 5, date: "2026-11-21", amount: null, reference: "P0000043", payer: "", orderNumber: "P0000043", noteNumber: null, errors: ["amount"] },
    ]);
  });

  it("finds a debit note's number when the reference names no order", () => {
    const parsed = parseBankFile("date,amount,reference\n2026-11-20,98.00,TED ND 000012\n2026-11-20,98.00,nd-7 pago\n2026-11-20,98.00,ND 000012 e P0000042\n2026-11-20,98.00,NDX 12\n");
    if (!parsed.ok) throw new Error("parsed");
    expect(parsed.lines.map((l) => [l.orderNumber, l.noteNumber])).toEqual([
      [null, 12],
      [null, 7],
      ["P0000042", null],
      [null, null],
    ]);
  });

  it("refuses a file without the required columns or without lines", () => {
    expect(parseBankFile("date,amount\n2026-11-20,10")).toEqual({ ok: false, problem: "header", missing: ["reference"] });
    expect(parseBankFile("date,amount,reference\n")).toEqual({ ok: false, problem: "empty" });
  });
});

describe("age buckets", () => {
  it("puts days past due in the buckets collections shows", () => {
    expect([-5, -1, 0, 30, 31, 60, 61, 90, 91, 400].map(bucketOf)).toEqual(["notDue", "notDue", "d0to30", "d0to30", "d31to60", "d31to60", "d61to90", "d61to90", "d90plus", "d90plus"]);
  });
});
