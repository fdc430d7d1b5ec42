import { expect, test } from "@playwright/test";
import { login, shot, sql } from "./helpers";

test("network settings: a bad matrix width is refused, a matrix of 3 is saved and shown on the enrol form, and binary comes back (in English)", async ({ page }) => {
  const db = sql();
  await login(page, "admin@rede.test");
  await page.goto("/admin/settings");
  await expect(page.getByRole("heading", { name: "Configurações da rede" })).toBeVisible();
  await expect(page.getByTestId("shape-binary")).toBeChecked();

  // Bad input first: a matrix of width 1.
  await page.getByTestId("shape-matrix").check();
  await page.getByTestId("matrix-width").fill("1");
  await page.getByTestId("settings-save").click();
  await expect(page.locator(`#${await page.getByTestId("matrix-width").getAttribute("id")}-error`)).toHaveText("A largura deve ser um número inteiro de 2 a 20.");
  expect((await db`select placement_shape from company_settings`)[0]!.placement_shape).toBe("binary");
  await shot(page, "settings-matrix-bad-width");

  await page.getByTestId("matrix-width").fill("3");
  await page.getByTestId("default-rule").selectOption("weaker_leg");
  await page.getByTestId("settings-save").click();
  await expect(page.getByText("Configurações salvas.")).toBeVisible();
  expect((await db`select placement_shape, matrix_width, default_placement_rule from company_settings`)[0]).toMatchObject({ placement_shape: "matrix", matrix_width: 3, default_placement_rule: "weaker_leg" });
  await shot(page, "settings-matrix-saved");

  // The staff enrol form now offers positions 1..3 for a manual placement.
  await page.goto("/admin/network/new");
  await page.getByTestId("enrol-placement-rule").selectOption("manual");
  const slot = page.getByLabel("Posição", { exact: true });
  await expect(slot.locator("option")).toHaveText(["Posição 1", "Posição 2", "Posição 3"]);
  await shot(page, "settings-matrix-enrol-form");

  // Back to binary is allowed while nobody sits in position 3 — in English this time.
  await page.goto("/admin/settings");
  await page.getByLabel("Idioma").selectOption("en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: "Network settings" })).toBeVisible();
  await page.getByTestId("shape-binary").check();
  await page.getByTestId("default-rule").selectOption("breadth_first");
  await page.getByTestId("settings-save").click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  expect((await db`select placement_shape, matrix_width from company_settings`)[0]).toMatchObject({ placement_shape: "binary", matrix_width: null });
  await page.getByLabel("Language").selectOption("pt-BR");
  await expect(page.locator("html")).toHaveAttribute("lang", "pt-BR");
  await db.end();
});
