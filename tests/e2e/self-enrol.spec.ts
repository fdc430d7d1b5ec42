import { expect, test } from "@playwright/test";
import { formatDocument, generateValidDocument } from "../../server/network/documents";
import { login, shot, sql } from "./helpers";

test("a consultant enrols someone under herself: field errors write nothing, then the new person is in her network", async ({ page }) => {
  const db = sql();
  const [ana] = await db`select id, code from consultants where email = 'ana@rede.test'`;
  const [taken] = await db`select email from consultants where id <> ${ana!.id} order by id limit 1`;
  const name = "Rosana Quintela Teste";
  const email = `rosana.${Date.now()}@exemplo.com.br`;
  const cpf = formatDocument("CPF", generateValidDocument("CPF", 900_001));
  const count = async () => (await db`select count(*)::int as n from consultants`)[0]!.n as number;

  await login(page, "ana@rede.test");
  await page.goto("/portal/network");
  // From "Minha rede" (and the nav) to the form.
  await expect(page.getByRole("navigation").getByRole("link", { name: "Cadastrar consultor" })).toBeVisible();
  await page.getByTestId("portal-enrol-link").click();
  await expect(page).toHaveURL(/\/portal\/network\/new$/);
  await expect(page.getByRole("heading", { name: "Cadastrar consultor" })).toBeVisible();
  await expect(page.getByTestId("enrol-sponsor-self")).toContainText(`Ana Souza · ${ana!.code}`);
  // A consultant does not choose a sponsor.
  await expect(page.getByTestId("enrol-sponsor")).toHaveCount(0);

  // Placement: the company's rule by default, or a spot she picks inside her own placement network.
  await expect(page.getByTestId("enrol-placement-rule")).toHaveValue("company");
  await page.getByTestId("enrol-placement-rule").selectOption("manual");
  await expect(page.getByText("Você ou alguém abaixo de você na árvore de colocação.", { exact: false })).toBeVisible();
  await shot(page, "self-enrol-manual-placement");
  await page.getByTestId("enrol-placement-rule").selectOption("company");

  const before = await count();
  await page.getByTestId("enrol-full-name").fill(name);
  await page.getByTestId("enrol-email").fill(taken!.email);
  await page.getByTestId("enrol-document-number").fill("529.982.247-26");
  await page.getByTestId("enrol-submit").click();
  const errorOf = async (testId: string) => page.locator(`#${await page.getByTestId(testId).getAttribute("id")}-error`);
  await expect(await errorOf("enrol-document-number")).toHaveText("Documento inválido: confira os dígitos.");
  await expect(page.getByTestId("enrol-error")).toContainText("Confira os campos destacados.");
  expect(await count()).toBe(before);

  // A valid CPF, but an e-mail someone already has: the message names the e-mail field.
  await page.getByTestId("enrol-document-number").fill(cpf);
  await page.getByTestId("enrol-submit").click();
  await expect(await errorOf("enrol-email")).toHaveText("Já existe um consultor com este e-mail.");
  await expect(await errorOf("enrol-document-number")).toHaveCount(0);
  await shot(page, "self-enrol-duplicate-email");
  expect(await count()).toBe(before);

  await page.getByTestId("enrol-email").fill(email);
  await page.getByTestId("enrol-submit").click();
  await expect(page.getByTestId("enrol-success-code")).toContainText(/RD\d{6}/);
  await shot(page, "self-enrol-success");
  expect(await count()).toBe(before + 1);
  const [created] = await db`select c.id, c.code, c.sponsor_id, c.email, c.document_number from consultants c where c.email = ${email}`;
  expect(Number(created!.sponsor_id)).toBe(Number(ana!.id));
  expect(created!.document_number).toBe(generateValidDocument("CPF", 900_001));
  await expect(page.getByTestId("enrol-success-code")).toContainText(created!.code);
  // Placed inside Ana's placement subtree (by the default automatic rule).
  const [placed] = await db`
    with recursive up(id, parent) as (
      select id, placement_parent_id from consultants where id = ${created!.id}
      union all select c.id, c.placement_parent_id from consultants c join up on c.id = up.parent)
    select bool_or(id = ${ana!.id}) as inside from up`;
  expect(placed!.inside).toBe(true);

  // The link shows the new person in "Minha rede": the tree opens down to them.
  await page.getByTestId("enrol-open-profile").click();
  await expect(page).toHaveURL(new RegExp(`/portal/network\\?show=${created!.id}$`));
  const node = page.getByTestId(`node-${created!.id}`);
  await expect(node).toBeVisible();
  await expect(node).toHaveAttribute("aria-selected", "true");
  await expect(node).toContainText(name);
  await expect(node).toContainText(created!.code);
  // As her child in the tree loaded before the enrolment (not a stale copy of it), with its downline size.
  await expect(node).toContainText("0 na rede");
  // And in the list of her network.
  await page.getByTestId("downline-text").fill("Rosana Quintela");
  await expect(page.getByRole("table").getByText(name)).toBeVisible();
  await shot(page, "self-enrol-in-network");
  await db.end();
});
