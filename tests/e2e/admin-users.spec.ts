import { expect, test } from "@playwright/test";
import { login, shot } from "./helpers";

test("admin creates a user, changes roles, sees the audit entry and the welcome e-mail", async ({ page }) => {
  const email = `nova.${Date.now()}@rede.test`;
  await login(page, "admin@rede.test");
  await page.goto("/admin/users");
  await expect(page.getByTestId("user-row-admin@rede.test")).toBeVisible();
  await shot(page, "admin-users");

  await page.getByTestId("new-user-button").click();
  await page.getByTestId("new-user-name").fill("Nova Analista");
  await page.getByTestId("new-user-email").fill("admin@rede.test");
  await page.getByTestId("role-support").check();
  await page.getByTestId("new-user-submit").click();
  await expect(page.getByText("Este e-mail já está em uso.")).toBeVisible();
  await shot(page, "admin-users-duplicate-email");

  await page.getByTestId("new-user-email").fill(email);
  await page.getByTestId("new-user-submit").click();
  await expect(page.getByText(`O e-mail de boas-vindas para ${email} está na fila de envio.`)).toBeVisible();
  await expect(page.getByTestId("new-user-dialog")).not.toBeVisible();
  await page.getByTestId("users-search").fill("Nova Analista");
  await expect(page.getByTestId(`user-row-${email}`)).toBeVisible();
  await expect(page.getByTestId("user-row-admin@rede.test")).toHaveCount(0);

  await page.getByTestId(`edit-roles-${email}`).click();
  await page.getByTestId("role-finance").check();
  await page.getByTestId("save-roles").click();
  const row = page.locator("tr", { has: page.getByTestId(`user-row-${email}`) });
  await expect(row).toContainText("Financeiro");
  await expect(row).toContainText("Suporte");

  await page.goto("/admin/audit");
  await expect(page.getByText("user.roles_changed").first()).toBeVisible();
  await shot(page, "admin-audit");

  await page.goto("/admin/outbox");
  await page.getByTestId("outbox-recipient").fill(email);
  await expect(page.getByRole("cell", { name: email, exact: true })).toBeVisible();
  await shot(page, "admin-outbox");
  await page.getByRole("button", { name: `Abrir e-mail para ${email}` }).click();
  const mail = page.frameLocator("[data-testid=outbox-iframe]");
  await expect(mail.getByText("Nova Analista", { exact: false }).first()).toBeVisible();
  await shot(page, "admin-outbox-welcome");
});
