import { expect, test } from "@playwright/test";
import { login, shot, sql } from "./helpers";

const REASON = "Depuración de la campaña Silva";

test("a field manager (in Spanish) inactivates everyone matching a filter, with a preview and a reason", async ({ page }) => {
  const db = sql();
  const silvas = db`from consultants where immutable_unaccent(lower(full_name)) like '%silva%' and sponsor_id is not null`;
  const [{ matched, active }] = (await db`select count(*)::int as matched, (count(*) filter (where status = 'active'))::int as active ${silvas}`) as unknown as [
    { matched: number; active: number },
  ];
  // More than one page (50), so "everyone matching the filter" is more than the ticked page.
  expect(matched).toBeGreaterThan(50);
  expect(active).toBeGreaterThan(0);
  expect(active).toBeLessThan(matched);

  await login(page, "gestor@rede.test");
  await page.getByLabel(/^(Idioma|Language)$/).selectOption("es");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await page.goto("/admin/network");
  await page.getByTestId("downline-text").fill("silva");
  await expect(page.getByText(`${matched} en total`)).toBeVisible();

  // Tick the page, then take everyone matching the filter.
  await page.getByTestId("bulk-select-page").check();
  await expect(page.getByTestId("bulk-bar-count")).toHaveText("Seleccionados: 50");
  await page.getByTestId("bulk-select-all-matching").click();
  await expect(page.getByTestId("bulk-bar-count")).toHaveText(`Los ${matched} que cumplen el filtro están seleccionados.`);
  await shot(page, "bulk-selected-es");

  await page.getByTestId("bulk-status-open").click();
  const dialog = page.getByTestId("bulk-status-dialog");
  await expect(dialog.getByRole("heading", { name: "Cambiar estado en bloque" })).toBeVisible();
  await expect(dialog.getByTestId("bulk-preview-count")).toHaveText(`${active} de ${matched} quedarán inactivos.`);
  await expect(dialog.getByTestId("bulk-preview")).toContainText(`${matched - active} ya están en este estado o fueron dados de baja`);
  await expect(dialog.getByTestId("bulk-apply")).toHaveText(`Inactivar ${active}`);

  // A reason is required: refused with a field error, nothing changes.
  await dialog.getByTestId("bulk-apply").click();
  const reason = dialog.getByTestId("bulk-reason");
  await expect(page.locator(`#${await reason.getAttribute("id")}-error`)).toHaveText("Usa al menos 3 caracteres.");
  expect((await db`select count(*)::int as n ${silvas} and status = 'active'`)[0]!.n).toBe(active);
  await reason.fill(REASON);
  await shot(page, "bulk-dialog-es");

  await dialog.getByTestId("bulk-apply").click();
  await expect(page.getByTestId("bulk-result")).toHaveText(`${active} consultores inactivados. El motivo quedó en el historial de cada uno.`);
  await expect(dialog).not.toBeVisible();
  await expect(page.getByTestId("bulk-bar")).toHaveCount(0);
  // The list refreshed: nobody on it is active any more.
  await expect(page.getByRole("table").getByText("Activo", { exact: true })).toHaveCount(0);
  await shot(page, "bulk-result-es");

  expect((await db`select count(*)::int as n ${silvas} and status = 'active'`)[0]!.n).toBe(0);
  const history = await db`select consultant_id, from_status, to_status from consultant_status_history where reason = ${REASON}`;
  expect(history).toHaveLength(active);
  expect(history.every((h) => h.from_status === "active" && h.to_status === "inactive")).toBe(true);

  // Each one's history tells the change and the reason.
  await page.goto(`/admin/network/${history[0]!.consultant_id}`);
  const row = page.getByTestId("profile-history").getByRole("row").filter({ hasText: REASON });
  await expect(row).toContainText("Activo");
  await expect(row).toContainText("Inactivo");
  await expect(row).toContainText("Gestor");
  await shot(page, "bulk-history-es");
  await db.end();
});

test("ticked rows only, and no bulk action for staff without network.edit", async ({ page }) => {
  const db = sql();
  await login(page, "admin@rede.test");
  await page.goto("/admin/network");
  await page.getByTestId("downline-text").fill("lorena");
  const rows = page.getByRole("table").getByRole("row");
  // The search is debounced: wait until only the header and Lorenas are listed before ticking.
  await expect(rows.filter({ hasNotText: /lorena/i })).toHaveCount(1);
  await expect(rows.nth(2)).toBeVisible();
  const ids = await Promise.all(
    [1, 2].map(async (i) => Number((await rows.nth(i).getByRole("checkbox").getAttribute("data-testid"))!.replace("bulk-select-", ""))),
  );
  for (const i of [1, 2]) await rows.nth(i).getByRole("checkbox").check();
  await expect(page.getByTestId("bulk-bar-count")).toHaveText("Selecionados: 2");
  await page.getByTestId("bulk-status-open").click();
  const dialog = page.getByTestId("bulk-status-dialog");
  await expect(dialog.getByTestId("bulk-scope")).toHaveText("Consultores selecionados na lista: 2.");
  const [{ n: inactive }] = (await db`select count(*)::int as n from consultants where id in ${db(ids)} and status = 'inactive'`) as unknown as [{ n: number }];
  await dialog.getByTestId("bulk-target").selectOption("active");
  if (inactive === 0) await expect(dialog.getByTestId("bulk-preview-none")).toBeVisible();
  else await expect(dialog.getByTestId("bulk-preview-count")).toHaveAttribute("data-count", String(inactive));
  await dialog.getByRole("button", { name: "Cancelar" }).click();
  await expect(dialog).not.toBeVisible();
  await db.end();

  await page.context().clearCookies();
  await login(page, "suporte@rede.test");
  await page.goto("/admin/network");
  await expect(page.getByRole("table").getByRole("row").nth(1)).toBeVisible();
  await expect(page.getByRole("checkbox")).toHaveCount(0);
  await expect(page.getByTestId("bulk-bar")).toHaveCount(0);
});
