import { expect, test } from "@playwright/test";
import { login, shot, sql } from "./helpers";

test("finance collects: aging by bucket, a payment registered, a bank file reviewed and applied once", async ({ page }) => {
  test.setTimeout(90_000);
  const db = sql();
  await login(page, "financeiro@rede.test");
  await page.getByRole("navigation").getByRole("link", { name: "Cobranças" }).click();
  await expect(page.getByRole("heading", { name: "Cobranças" })).toBeVisible();
  const open = await db`select id, number, total::int from orders where status = 'placed' order by placed_at`;
  expect(open.length).toBeGreaterThan(1);
  await expect(page.getByTestId(`pay-${open[0]!.number}`)).toBeVisible();
  await shot(page, "collections-aging");

  // Register the oldest order's payment by hand.
  await page.getByTestId(`pay-${open[0]!.number}`).click();
  await page.getByTestId("pay-reference").fill("Boleto 123");
  await page.getByTestId("pay-submit").click();
  await expect(page.getByTestId("pay-message")).toContainText(`Pagamento do pedido ${open[0]!.number} registrado.`);
  await page.getByTestId("pay-dialog").getByRole("button", { name: "Cancelar" }).click();
  await expect(page.getByTestId(`pay-${open[0]!.number}`)).toHaveCount(0);

  // A bank file: one line pays the next open order, one has no order number, one is unreadable.
  const next = open[1]!;
  const amount = (next.total / 100).toFixed(2).replace(".", ",");
  const csv = `data;valor;referencia;pagador\n20/11/2026;${amount};PIX ${next.number};Cliente\n21/11/2026;1,00;sem pedido;Alguém\n22/11/2026;abc;x;y\n`;
  await page.getByTestId("bank-file-link").click();
  await page.getByTestId("bank-file").setInputFiles({ name: "extrato.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByTestId("bank-preview").click();
  await expect(page.getByTestId("bank-summary")).toHaveText("Linhas: 3 · casadas: 1 · para revisar: 1 · já aplicadas: 0 · inválidas: 1.");
  await expect(page.getByTestId("bank-line-2")).toHaveAttribute("data-status", "matched");
  await expect(page.getByTestId("bank-line-3")).toContainText("Sem número de pedido na referência.");
  await expect(page.getByTestId("bank-line-4")).toContainText("Valor inválido.");
  await shot(page, "collections-bank-review");
  await page.getByTestId("bank-apply").click();
  await expect(page.getByTestId("bank-result")).toContainText("Pagamentos registrados: 1");
  await expect(page.getByTestId("bank-line-2")).toHaveAttribute("data-status", "applied");
  await shot(page, "collections-bank-applied");
  // The same file again pays nothing.
  await page.getByTestId("bank-preview").click();
  await expect(page.getByTestId("bank-summary")).toHaveText("Linhas: 3 · casadas: 0 · para revisar: 1 · já aplicadas: 1 · inválidas: 1.");
  await expect(page.getByTestId("bank-apply")).toBeDisabled();
  const [paid] = await db`select count(*)::int as n from payments where order_id = ${next.id}`;
  expect(paid!.n).toBe(1);
  await db.end();
});

test("finance reads the ledger: accounts, entries, a statement; a manual credit note is posted and reversed", async ({ page }) => {
  test.setTimeout(90_000);
  const db = sql();
  await login(page, "financeiro@rede.test");
  await page.getByRole("navigation").getByRole("link", { name: "Razão: contas" }).click();
  await expect(page.getByTestId("company-account-revenue")).toContainText("R$");
  await expect(page.getByRole("table", { name: "Contas dos consultores com saldo" })).toContainText("Ana Souza · RD000002");
  await shot(page, "ledger-accounts");
  await page.getByRole("navigation").getByRole("link", { name: "Razão: lançamentos" }).click();
  await expect(page.getByRole("table", { name: "Lançamentos do razão" })).toContainText("order.placed");
  await shot(page, "ledger-entries");

  const [ana] = await db`select id from consultants where code = 'RD000002'`;
  await page.goto(`/admin/ledger/statement?consultant=${ana!.id}`);
  await expect(page.getByTestId("statement-name")).toHaveText("Ana Souza · RD000002");
  const before = Number(await page.getByTestId("receivable-balance").getAttribute("data-balance"));
  await page.getByTestId("adjust-open").click();
  await page.getByTestId("adjust-order").selectOption({ index: 1 });
  await page.getByTestId("adjust-amount").fill("12,50");
  await page.getByTestId("adjust-memo").fill("Desconto de frete combinado");
  await page.getByTestId("adjust-submit").click();
  await expect(page.getByTestId("adjust-message")).toContainText(/Nota de crédito \d{6} emitida e lançada/);
  await shot(page, "ledger-adjustment");
  await page.getByTestId("adjust-dialog").getByRole("button", { name: "Cancelar" }).click();
  await expect(page.getByTestId("receivable-balance")).toHaveAttribute("data-balance", String(before - 1250));
  const line = page.getByTestId("statement-table").getByRole("row").filter({ hasText: "Desconto de frete combinado" });
  await expect(line).toContainText(/R\$\s?12,50/);
  await shot(page, "ledger-statement");

  // Open its entry and reverse it: the balance is back where it was.
  await line.getByRole("link", { name: /Desconto de frete/ }).click();
  await expect(page.getByTestId("entry-postings")).toContainText("Devoluções");
  await page.getByTestId("entry-reverse").click();
  await page.getByTestId("entry-reverse-memo").fill("Lançado no pedido errado");
  await page.getByTestId("entry-reverse-confirm").click();
  await expect(page.getByTestId("entry-reversed-by")).toBeVisible();
  await shot(page, "ledger-entry-reversed");
  await page.goto(`/admin/ledger/statement?consultant=${ana!.id}`);
  await expect(page.getByTestId("receivable-balance")).toHaveAttribute("data-balance", String(before));
  const [audit] = await db`select count(*)::int as n from audit_log where action in ('ledger.adjustment', 'ledger.reverse')`;
  expect(audit!.n).toBeGreaterThanOrEqual(2);

  // Every document has its PDF.
  await page.getByRole("navigation").getByRole("link", { name: "Notas e faturas" }).click();
  await expect(page.getByRole("table", { name: "Documentos emitidos" })).toContainText("Nota fiscal");
  await shot(page, "invoices-list");
  await db.end();
});
