import { expect, test } from "@playwright/test";
import { login, shot, sql } from "./helpers";

test("admin logs in (pt-BR) and sees the real counts", async ({ page }) => {
  const db = sql();
  const [counts] = await db`select
      count(*) filter (where status = 'active')::int as active,
      count(*) filter (where joined_at >= date_trunc('month', current_date))::int as new_this_month
    from consultants`;
  await db.end();

  await login(page, "admin@rede.test");
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "pt-BR");
  const fmt = (n: number) => new Intl.NumberFormat("pt-BR").format(n);
  await expect(page.getByTestId("stat-active")).toHaveText(fmt(counts!.active));
  await expect(page.getByTestId("stat-new-this-month")).toHaveText(fmt(counts!.new_this_month));
  await shot(page, "admin-home-pt-BR");
});

test("locale switch to es and en is remembered for the user", async ({ page }) => {
  await login(page, "gestor@rede.test");
  await expect(page).toHaveURL(/\/admin$/);
  await page.getByLabel("Idioma").selectOption("es");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("button", { name: "Salir" })).toBeVisible();
  await shot(page, "admin-home-es");

  await page.getByLabel("Idioma").selectOption("en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await shot(page, "admin-home-en");

  // Remembered per user: a new browser context (no cookies) signs in and gets English.
  await page.context().clearCookies();
  await login(page, "gestor@rede.test");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("signing out ends the session", async ({ page }) => {
  await login(page, "financeiro@rede.test");
  await expect(page).toHaveURL(/\/admin$/);
  await page.getByRole("button", { name: "Sair" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login$/);
});
