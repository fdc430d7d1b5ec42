import { expect, test } from "@playwright/test";
import { login, port, shot } from "./helpers";

test("consultant edits the welcome message and sees it on ana.localhost", async ({ page, browser }) => {
  const siteUrl = `http://ana.localhost:${port()}/`;
  // Visit first so a cached copy exists: the edit must replace it.
  const visitor = await browser.newPage();
  await visitor.goto(siteUrl);
  await expect(visitor.getByTestId("site-name")).toBeVisible();

  await login(page, "ana@rede.test");
  await expect(page).toHaveURL(/\/portal$/);
  await expect(page.getByTestId("my-code")).toHaveText("RD000002");
  await shot(page, "portal-home");

  await page.getByRole("link", { name: "Meu site", exact: true }).first().click();
  const message = `Promoção de <b>verão</b> ${Date.now()} — fale comigo!`;
  await page.getByLabel("Mensagem de boas-vindas").fill(message);
  await page.getByRole("button", { name: "Salvar" }).click();
  await expect(page.getByText("Site atualizado.")).toBeVisible();
  await expect(page.getByTestId("site-link")).toHaveAttribute("href", `http://ana.localhost:${port()}`);
  await shot(page, "portal-site-saved");

  await visitor.goto(siteUrl);
  // Shown as text, escaped: the <b> is literal, not markup.
  await expect(visitor.getByTestId("site-welcome")).toHaveText(message);
  await expect(visitor.locator("[data-testid=site-welcome] b")).toHaveCount(0);
  await shot(visitor, "site-ana");
  await visitor.close();
});

test("invalid and taken slugs get clear messages and change nothing", async ({ page }) => {
  await login(page, "ana@rede.test");
  await page.goto("/portal/site");
  const slug = page.getByLabel("Endereço");
  await slug.fill("A");
  await page.getByRole("button", { name: "Salvar" }).click();
  await expect(page.getByText("Use de 3 a 40 letras minúsculas, números ou hífens, começando por uma letra.")).toBeVisible();
  await slug.fill("bruno");
  await page.getByRole("button", { name: "Salvar" }).click();
  await expect(page.getByText("Este endereço já está em uso por outro consultor.")).toBeVisible();
  await shot(page, "portal-site-slug-taken");
  await page.reload();
  await expect(page.getByLabel("Endereço")).toHaveValue("ana");
});

test("unknown site slug and /sites on the app host are proper 404s", async ({ page }) => {
  const unknown = await page.goto(`http://nao-existe-ninguem.localhost:${port()}/`);
  expect(unknown?.status()).toBe(404);
  await expect(page.getByText("Site não encontrado")).toBeVisible();
  await shot(page, "site-404");
  const direct = await page.goto("/sites/ana");
  expect(direct?.status()).toBe(404);
  const deep = await page.goto(`http://ana.localhost:${port()}/qualquer/caminho`);
  expect(deep?.status()).toBe(404);
});
