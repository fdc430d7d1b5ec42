import { expect, test } from "@playwright/test";
import { login, shot, sql } from "./helpers";

test("finance posts a debit note on Ana's account with no order; it waits in Cobranças with its due date and is paid there", async ({ page }) => {
  test.setTimeout(90_000);
  const db = sql();
  const [ana] = await db`select id from consultants where code = 'RD000002'`;
  await login(page, "financeiro@rede.test");
  await page.goto(`/admin/ledger/statement?consultant=${ana!.id}`);
  const before = Number(await page.getByTestId("receivable-balance").getAttribute("data-balance"));
  await page.getByTestId("adjust-open").click();
  await page.getByTestId("adjust-kind").selectOption("debit_note");
  await expect(page.getByTestId("adjust-order")).toHaveValue("");
  await expect(page.getByTestId("adjust-order").locator("option").first()).toHaveText("Nenhum pedido (ajuste avulso)");
  // The reason is required.
  await page.getByTestId("adjust-amount").fill("25,00");
  await page.getByTestId("adjust-submit").click();
  await expect(page.getByTestId("adjust-dialog")).toContainText("Escreva o motivo (pelo menos 3 caracteres).");
  await page.getByTestId("adjust-memo").fill("Taxa do kit de início");
  await page.getByTestId("adjust-submit").click();
  await expect(page.getByTestId("adjust-message")).toContainText(/Nota de débito \d{6} emitida e lançada/);
  await shot(page, "receivables-manual-debit-note");
  await page.getByTestId("adjust-dialog").getByRole("button", { name: "Cancelar" }).click();
  await expect(page.getByTestId("receivable-balance")).toHaveAttribute("data-balance", String(before + 2500));
  const [note] = await db`select id, lpad(number::text, 6, '0') as number from invoices where kind = 'debit_note' and order_id is null order by id desc limit 1`;

  await page.getByRole("navigation").getByRole("link", { name: "Cobranças" }).click();
  await page.getByTestId("aging-search").fill("RD000002");
  await page.getByTestId(`aging-consultant-${ana!.id}`).click();
  await expect(page.getByTestId("open-title")).toHaveText("Em aberto de Ana Souza · RD000002");
  const openTable = page.getByRole("table", { name: "Pedidos feitos e não pagos, e notas de débito em aberto" });
  // Only Ana's items once the list has refetched.
  await expect(openTable).not.toContainText(/RD0000(0[013-9]|[1-9]\d)/);
  const row = page.getByTestId(`open-note-${note!.number}`);
  await expect(row).toContainText(`Nota de débito ${note!.number}`);
  await expect(page.getByRole("table", { name: "Pedidos feitos e não pagos, e notas de débito em aberto" }).getByRole("row").filter({ has: row })).toContainText(/R\$\s?25,00/);
  await shot(page, "receivables-collections-note");
  await page.getByTestId(`pay-note-${note!.number}`).click();
  await expect(page.getByTestId("pay-dialog")).toContainText(`Pagamento da nota de débito ${note!.number}`);
  await page.getByTestId("pay-reference").fill("PIX 998877");
  await page.getByTestId("pay-submit").click();
  await expect(page.getByTestId("pay-message")).toContainText(`Pagamento da nota de débito ${note!.number} registrado.`);
  await shot(page, "receivables-note-paid");
  await page.getByTestId("pay-dialog").getByRole("button", { name: "Cancelar" }).click();
  await expect(page.getByTestId(`open-note-${note!.number}`)).toHaveCount(0);
  const [paid] = await db`select count(*)::int as n from payments where invoice_id = ${note!.id}`;
  expect(paid!.n).toBe(1);
  await page.goto(`/admin/ledger/statement?consultant=${ana!.id}`);
  await expect(page.getByTestId("receivable-balance")).toHaveAttribute("data-balance", String(before));
  await db.end();
});
