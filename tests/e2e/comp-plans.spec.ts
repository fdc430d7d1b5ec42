import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { login, shot, sql } from "./helpers";

/**
 * Plan versions in the admin, on the demo data (plan "rede": v1 active, v2 draft): an admin edits
 * the draft's first rank's PV and the binary percentage with bad values, sees each error next to
 * its field and in the list above, cannot activate, fixes them, saves, activates from the newest
 * open period (v1 stays in force before it), and downloads the JSON. Screens in pt-BR and en.
 */
test("an admin edits a draft with bad values, sees the errors, fixes them, activates it and exports its JSON", async ({ page }) => {
  const db = sql();
  const [v2] = await db`select id from comp_plan_versions where plan_key = 'rede' and version = 2`;
  const [v1] = await db`select id from comp_plan_versions where plan_key = 'rede' and version = 1`;
  expect(v2, "the seeded draft").toBeTruthy();
  await db`update users set locale = 'pt-BR' where email = 'admin@rede.test'`; // whatever an earlier spec left
  await login(page, "admin@rede.test");

  await page.goto("/admin/compensation");
  await page.getByTestId("comp-link-plans").click();
  await expect(page.getByRole("heading", { name: "Planos de compensação", level: 1 })).toBeVisible();
  await expect(page.getByTestId("plan-rede-v1")).toBeVisible();
  await shot(page, "comp-plans-list-pt-BR");
  await page.getByTestId("plan-rede-v2").click();
  await expect(page.getByTestId("plan-status-draft")).toBeVisible();
  await expect(page.getByTestId("plan-valid")).toHaveText("Definição válida.");

  // Bad values: a negative PV requirement and 150 % binary.
  await page.getByTestId("rank-pv-0").fill("-5");
  await page.getByTestId("binary-pct").fill("150");
  await page.getByTestId("plan-save").click();
  await expect(page.getByTestId("plan-notice")).toContainText("Rascunho salvo com 2 problema(s)");
  await expect(page.locator('[id="f-ranks-ladder-0-requirements-pv-error"]')).toHaveText("O mínimo é 0,00.");
  await expect(page.locator('[id="f-bonuses-binary-pctBp-error"]')).toHaveText("O máximo é 100 %.");
  await expect(page.getByTestId("plan-issues")).toContainText("Graduações › 1 (consultora) › PV: O mínimo é 0,00.");
  await expect(page.getByTestId("plan-issues")).toContainText("Bônus › Binário › Percentual (%): O máximo é 100 %.");
  const [saved] = await db`select status, definition from comp_plan_versions where id = ${v2!.id}`;
  expect(saved!.status).toBe("draft");
  expect(saved!.definition.bonuses.binary.pctBp).toBe(15000);
  await shot(page, "comp-plans-draft-errors-pt-BR");

  // Activation refuses it and changes nothing.
  await page.getByTestId("plan-activate").click();
  await page.getByTestId("plan-activate-confirm").click();
  await expect(page.getByTestId("plan-activate-error")).toHaveText("O plano tem 2 erro(s): corrija os campos indicados antes de ativar.");
  await shot(page, "comp-plans-activate-refused-pt-BR");
  await page.getByTestId("plan-activate-dialog").getByRole("button", { name: "Cancelar" }).click();
  expect((await db`select status from comp_plan_versions where id = ${v2!.id}`)[0]!.status).toBe("draft");

  // Fixed: 50 points and 12,5 %.
  await page.getByTestId("rank-pv-0").fill("50");
  await page.getByTestId("binary-pct").fill("12,5");
  await page.getByTestId("plan-save").click();
  await expect(page.getByTestId("plan-notice")).toHaveText("Rascunho salvo.");
  await expect(page.getByTestId("plan-valid")).toBeVisible();

  // Activate from the newest open period.
  const [newest] = await db`select id, code from periods where status = 'open' order by starts_on desc limit 1`;
  await page.getByTestId("plan-activate").click();
  await expect(page.getByTestId("plan-activate-period")).toHaveValue(String(newest!.id));
  await shot(page, "comp-plans-activate-dialog-pt-BR");
  await page.getByTestId("plan-activate-confirm").click();
  await expect(page.getByTestId("plan-notice")).toHaveText(`Versão ativada a partir de ${newest!.code}.`);
  await expect(page.getByTestId("plan-status-active")).toBeVisible();
  const [active] = await db`select status, effective_from_period_id, definition from comp_plan_versions where id = ${v2!.id}`;
  expect(active!.status).toBe("active");
  expect(Number(active!.effective_from_period_id)).toBe(Number(newest!.id));
  expect(active!.definition.bonuses.binary.pctBp).toBe(1250);
  expect(active!.definition.ranks.ladder[0].requirements.pv).toBe(5000);
  // v1 started earlier: still in force for the periods before.
  expect((await db`select status from comp_plan_versions where id = ${v1!.id}`)[0]!.status).toBe("active");
  expect((await db`select count(*)::int as n from audit_log where entity_type = 'comp_plan_version' and entity_id = ${String(v2!.id)} and action = 'plan.activated'`)[0]!.n).toBe(1);

  // Read-only now; the JSON tab shows and downloads the canonical plan.
  await expect(page.getByTestId("plan-save")).toHaveCount(0);
  await page.getByTestId("plan-tab-json").click();
  await expect(page.getByTestId("plan-json")).toContainText('"pctBp": 1250');
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("plan-download").click()]);
  expect(download.suggestedFilename()).toBe("plan-rede-v2.json");
  const file = JSON.parse(fs.readFileSync((await download.path())!, "utf8"));
  expect(file.bonuses.binary.pctBp).toBe(1250);
  expect(file.version).toBe(2);
  await shot(page, "comp-plans-json-pt-BR");

  // English: the list and a draft with an error.
  await page.getByLabel(/^(Idioma|Language)$/).selectOption("en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto("/admin/compensation/plans");
  await expect(page.getByRole("heading", { name: "Compensation plans", level: 1 })).toBeVisible();
  await page.getByTestId(`plan-clone-${v2!.id}`).click();
  await expect(page.getByText("Version 3 created as a draft.")).toBeVisible();
  await shot(page, "comp-plans-list-en");
  await page.getByTestId("plan-rede-v3").click();
  await page.getByTestId("rank-pv-0").fill("12,5"); // the pt-BR way: refused in English
  await page.getByTestId("plan-save").click();
  await expect(page.locator('[id="f-ranks-ladder-0-requirements-pv-error"]')).toHaveText("Invalid value: expected a number.");
  await shot(page, "comp-plans-draft-error-en");
  await page.getByTestId("plan-tab-whatIf").click();
  await expect(page.getByText(/has problems in its definition/)).toBeVisible();
  await page.getByTestId("plan-tab-form").click();
  await page.getByTestId("rank-pv-0").fill("12.5");
  await page.getByTestId("plan-save").click();
  await expect(page.getByTestId("plan-notice")).toHaveText("Draft saved.");
  await page.getByTestId("plan-tab-whatIf").click();
  await page.getByTestId("whatif-period").selectOption(String(newest!.id));
  await page.getByTestId("whatif-run").click();
  await expect(page.getByTestId("whatif-result")).toContainText("rede v3 compared with rede v2", { timeout: 60_000 }); // two snapshot loads + two engine runs, on a loaded machine
  await shot(page, "comp-plans-what-if-en");

  // A new draft from the exported file: a bad key is refused at its field, then it opens.
  await page.goto("/admin/compensation/plans");
  await page.getByTestId("plan-new").click();
  await page.getByTestId("plan-new-key").fill("Plano Novo");
  await page.getByTestId("plan-new-file").setInputFiles({ name: "plan.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
  await expect(page.getByTestId("plan-new-name")).toHaveValue("Plano Rede — unilevel 12 %"); // taken from the file
  await page.getByTestId("plan-new-create").click();
  await expect(page.getByTestId("plan-new-dialog")).toContainText("Use 1 to 40 lower-case letters, digits, '-' or '_', starting with a letter or digit.");
  await shot(page, "comp-plans-new-draft-bad-key-en");
  await page.getByTestId("plan-new-key").fill("campanha-2027");
  await page.getByTestId("plan-new-create").click();
  await expect(page.getByText("Plan campanha-2027 · version 1")).toBeVisible();
  await expect(page.getByTestId("plan-valid")).toBeVisible();

  await page.getByLabel(/^(Idioma|Language)$/).selectOption("pt-BR");
  await expect(page.locator("html")).toHaveAttribute("lang", "pt-BR");
  await db.end();
});
