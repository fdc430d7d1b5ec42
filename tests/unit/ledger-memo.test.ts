import { describe, expect, it } from "vitest";
import { translator } from "@/server/i18n/translate";
import { localMemo, localOrderNote } from "@/server/ledger/memo";

/** Memos exactly as the writers store them (orders.ts, returns/decide.ts, ledger/adjustments.ts, collections/note-payments.ts). */
const STORED = [
  "Pedido P0000028",
  "Pagamento do pedido P0000028",
  "Cancelamento do pedido P0000031",
  "Devolução 4 do pedido P0000012: nota de crédito 000003",
  "Troca 5 do pedido P0000012 pelo pedido P0000040: nota de débito 000002",
  "Troca 6 do pedido P0000012 pelo pedido P0000041: nota de crédito 000004",
  "Troca 7 do pedido P0000013 pelo pedido P0000042",
  "Pagamento da nota de débito 000002",
  "Nota de crédito 000005 (pedido P0000007): Desconto de frete: combinado",
  "Nota de débito 000006: Taxa do kit de início",
  "Estorno do lançamento 91: Lançado por engano",
];

describe("journal memos in the reader's language", () => {
  it("read back in pt-BR exactly as stored", () => {
    const pt = translator("pt-BR");
    for (const memo of STORED) expect(localMemo(memo, pt)).toBe(memo);
  });

  it("are all recognised and translated in English and Spanish, keeping numbers and the person's own words", () => {
    const en = STORED.map((m) => localMemo(m, translator("en")));
    expect(en).toEqual([
      "Order P0000028",
      "Payment of order P0000028",
      "Cancellation of order P0000031",
      "Return 4 of order P0000012: credit note 000003",
      "Exchange 5 of order P0000012 for order P0000040: debit note 000002",
      "Exchange 6 of order P0000012 for order P0000041: credit note 000004",
      "Exchange 7 of order P0000013 for order P0000042",
      "Payment of debit note 000002",
      "Credit note 000005 (order P0000007): Desconto de frete: combinado",
      "Debit note 000006: Taxa do kit de início",
      "Reversal of entry 91: Lançado por engano",
    ]);
    expect(localMemo("Pagamento do pedido P0000028", translator("es"))).toBe("Pago del pedido P0000028");
  });

  it("leaves a memo of any other shape as written", () => {
    expect(localMemo("Comissões de outubro", translator("en"))).toBe("Comissões de outubro");
    expect(localMemo("Pedido P0000028 e outro", translator("en"))).toBe("Pedido P0000028 e outro");
  });
});

describe("order timeline notes in the reader's language", () => {
  it("translates the notes the system writes and leaves a person's note as written", () => {
    const en = translator("en");
    expect(localOrderNote("NF 12", en)).toBe("Invoice 000012");
    expect(localOrderNote("Troca 5 do pedido P0000012", en)).toBe("Exchange 5 of order P0000012");
    expect(localOrderNote("Volume creditado no período 2026-11 (Ciclo 90 está fechado)", en)).toBe("Volume credited to period 2026-11 (Ciclo 90 is closed)");
    expect(localOrderNote("Período 2026-11 (carrinho de um período anterior)", translator("es"))).toBe("Período 2026-11 (carrito de un período anterior)");
    expect(localOrderNote("Cliente desistiu", en)).toBe("Cliente desistiu");
  });
});
