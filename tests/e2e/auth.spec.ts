import { expect, test } from "@playwright/test";
import { formAlert, login, shot, sql } from "./helpers";

test("wrong password shows a clear message and no session", async ({ page }) => {
  await login(page, "admin@rede.test", "wrong-password");
  await expect(formAlert(page)).toHaveText("E-mail ou senha incorretos.");
  await expect(page).toHaveURL(/\/login/);
  await shot(page, "login-wrong-password");
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login/);
});

test("an unknown e-mail gets the same message as a wrong password", async ({ page }) => {
  await login(page, "ninguem@rede.test", "whatever-123");
  await expect(formAlert(page)).toHaveText("E-mail ou senha incorretos.");
});

test("a consultant opening /admin is refused", async ({ page }) => {
  await login(page, "bruno@rede.test");
  await expect(page).toHaveURL(/\/portal$/);
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Acesso negado" })).toBeVisible();
  await shot(page, "consultant-admin-forbidden");
});

test("password reset by e-mail link, single use", async ({ page }) => {
  await page.goto("/forgot-password");
  await page.getByLabel("E-mail").fill("marketing@rede.test");
  await page.getByRole("button", { name: "Enviar link" }).click();
  await expect(page.getByText(/o link foi enviado/)).toBeVisible();

  const db = sql();
  let resetUrl: string | undefined;
  for (let i = 0; i < 40 && !resetUrl; i++) {
    const [row] = await db`select props->>'resetUrl' as url from email_outbox
      where to_address = 'marketing@rede.test' and template = 'password-reset' order by id desc limit 1`;
    resetUrl = row?.url;
    if (!resetUrl) await page.waitForTimeout(250);
  }
  await db.end();
  expect(resetUrl).toBeTruthy();
  const path = new URL(resetUrl!).pathname + new URL(resetUrl!).search;

  await page.goto(path);
  await page.getByLabel("Nova senha", { exact: true }).fill("curta");
  await page.getByLabel("Confirme a nova senha").fill("curta");
  await page.getByRole("button", { name: "Salvar nova senha" }).click();
  await expect(page.getByText("Use pelo menos 8 caracteres.")).toBeVisible();
  await shot(page, "reset-password-too-short");

  await page.getByLabel("Nova senha", { exact: true }).fill("nova-senha-123");
  await page.getByLabel("Confirme a nova senha").fill("nova-senha-123");
  await page.getByRole("button", { name: "Salvar nova senha" }).click();
  await expect(page.getByText("Senha alterada. Entre com a nova senha.")).toBeVisible();

  await page.goto(path);
  await page.getByLabel("Nova senha", { exact: true }).fill("outra-senha-456");
  await page.getByLabel("Confirme a nova senha").fill("outra-senha-456");
  await page.getByRole("button", { name: "Salvar nova senha" }).click();
  await expect(page.getByText(/inválido, expirou ou já foi usado/)).toBeVisible();

  await login(page, "marketing@rede.test", "nova-senha-123");
  await expect(page).toHaveURL(/\/admin$/);
});
