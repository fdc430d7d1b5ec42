import { expect, test } from "@playwright/test";
import { login, shot, sql } from "./helpers";

test("staff enrols a consultant: a wrong CPF is refused with a clear message, a valid one gets a code", async ({ page }) => {
  await login(page, "admin@rede.test");
  await page.goto("/admin/network/new");
  await page.getByTestId("enrol-full-name").fill("Joana Teixeira");
  await page.getByTestId("enrol-email").fill(`joana.${Date.now()}@exemplo.com.br`);
  await page.getByTestId("enrol-document-number").fill("529.982.247-26");
  await page.getByTestId("enrol-sponsor").fill("RD000002");
  await page.getByRole("option", { name: /Ana Souza/ }).click();
  await page.getByTestId("enrol-submit").click();
  await expect(page.locator("#" + (await page.getByTestId("enrol-document-number").getAttribute("id")) + "-error")).toBeVisible();
  await shot(page, "enrol-bad-cpf");
  const db = sql();
  const [before] = await db`select count(*)::int as n from consultants`;

  await page.getByTestId("enrol-document-number").fill("529.982.247-25");
  await page.getByTestId("enrol-submit").click();
  await expect(page.getByTestId("enrol-success-code")).toContainText("RD");
  await shot(page, "enrol-success");
  const [after] = await db`select count(*)::int as n from consultants`;
  expect(after!.n).toBe(before!.n + 1);
  const [joana] = await db`select s.code as sponsor from consultants c join consultants s on s.id = c.sponsor_id where c.full_name = 'Joana Teixeira'`;
  expect(joana!.sponsor).toBe("RD000002");
  await db.end();
});
