import { expect, test } from "@playwright/test";
import { createDb } from "@/db/client";
import { recordVolume } from "@/server/commerce/volumes";
import { login, shot, sql } from "./helpers";

/**
 * Commission runs in the admin, on the demo data: pick a past, still open period, preview it (the
 * app's background job runs it; the progress bar is polled to "done"), read the summary and the
 * lines, try a bad adjustment, close the period (a second job, then "closed") and publish it.
 * Screens in pt-BR and en. The current period is never closed (later specs place orders in it).
 */
test("an admin previews a period, follows the progress, reads the summary and lines, closes and publishes", async ({ page }) => {
  test.setTimeout(180_000);
  const db = sql();
  const [period] = await db`select p.id, p.name from periods p
    where p.status = 'open' and p.ends_on < current_date
      and not exists (select 1 from comp_runs r where r.period_id = p.id and r.status in ('closed', 'published'))
    order by p.starts_on limit 1`;
  expect(period, "a past, open period in the demo data").toBeTruthy();
  const periodId = Number(period!.id);
  // Some volume for a chain of active consultants in that period, via commerce's own service.
  const { db: app, client } = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
  const down = await db`select consultant_id as id from genealogy where status = 'active' order by sponsor_path limit 60`;
  for (const d of down) await recordVolume(app, { periodId, consultantId: Number(d.id), pv: 6000, cv: 5000 });
  await client.end();

  await login(page, "admin@rede.test");
  await page.goto("/admin/compensation/runs");
  // (an earlier spec may have left the admin in another language)
  await page.getByLabel(/^(Idioma|Language)$/).selectOption("pt-BR");
  await expect(page.locator("html")).toHaveAttribute("lang", "pt-BR");
  await expect(page.getByRole("heading", { name: "Apurações de comissões" })).toBeVisible();
  await page.getByTestId("runs-period").selectOption(String(periodId));
  await page.getByTestId("runs-preview").click();
  const [preview] = await db`select id from comp_runs where period_id = ${periodId} and kind = 'preview' order by id desc limit 1`.then(async (rows) => {
    if (rows.length) return rows;
    await expect.poll(async () => (await db`select id from comp_runs where period_id = ${periodId} and kind = 'preview'`).length).toBeGreaterThan(0);
    return db`select id from comp_runs where period_id = ${periodId} and kind = 'preview' order by id desc limit 1`;
  });
  const previewId = Number(preview!.id);
  // The list's progress bar follows the job (polled) to 100 %.
  await expect(page.getByTestId(`run-progress-${previewId}-percent`)).toHaveText("100%", { timeout: 90_000 });
  await expect(page.getByTestId(`run-progress-${previewId}-phase`)).toHaveText("Concluída");
  await shot(page, "comp-runs-list-pt");

  // The run: summary (total = Σ lines in the database) and the lines table with a filter.
  await page.getByTestId(`run-link-${previewId}`).click();
  await expect(page.getByTestId("run-summary")).toBeVisible();
  const [sums] = await db`select coalesce(sum(amount), 0)::int as total, count(*)::int as lines from comp_run_lines where run_id = ${previewId}`;
  const { total, lines } = sums as unknown as { total: number; lines: number };
  const brl = (minor: number) => new Intl.NumberFormat("pt-BR", { style: "currency", currency: "BRL" }).format(minor / 100);
  await expect(page.getByTestId("stat-total-paid")).toHaveText(brl(total));
  await expect(page.getByTestId("stat-lines")).toHaveText(new Intl.NumberFormat("pt-BR").format(lines));
  await expect(page.getByTestId("distribution")).toContainText("Zero");
  await expect(page.getByTestId("by-bonus-unilevel")).toBeVisible();
  await expect(page.getByTestId("line-explain-0")).toHaveAttribute("href", `/admin/compensation/runs/${previewId}/lines/0`);
  await page.getByTestId("lines-bonus").selectOption("unilevel");
  await expect(page.getByTestId("run-lines").locator("tbody tr").first()).toContainText("Unilevel");
  await shot(page, "comp-run-preview-pt");

  // A bad adjustment: no consultant found, no reason — clear messages, nothing saved.
  await page.goto("/admin/compensation/runs");
  await page.getByTestId("runs-period").selectOption(String(periodId));
  await page.getByTestId("adjust-consultant").fill("RD999999");
  await page.getByTestId("adjust-amount").fill("abc");
  await page.getByTestId("adjust-add").click();
  await expect(page.getByText("Valor inválido: use, por exemplo, 12,50 ou -12,50.")).toBeVisible();
  await page.getByTestId("adjust-amount").fill("-12,50");
  await page.getByTestId("adjust-add").click();
  await expect(page.getByText("Explique o motivo (de 3 a 500 caracteres).")).toBeVisible();
  await page.getByTestId("adjust-reason").fill("Correção de bônus");
  await page.getByTestId("adjust-add").click();
  await expect(page.getByText("Consultor não encontrado.")).toBeVisible();
  expect((await db`select count(*)::int as n from comp_adjustments where period_id = ${periodId}`)[0]!.n).toBe(0);
  await shot(page, "comp-runs-adjustment-errors-pt");
  await page.getByTestId("adjust-consultant").fill("RD000002");
  await page.getByTestId("adjust-add").click();
  await expect(page.getByTestId("adjust-list")).toContainText("Correção de bônus");

  // Close, with confirmation: a close run, followed to "Fechada"; then publish.
  await page.getByTestId("runs-close").click();
  await expect(page.getByTestId("runs-close-dialog")).toContainText("Não há como desfazer.");
  await page.getByTestId("runs-close-confirm").click();
  await page.waitForURL(/\/admin\/compensation\/runs\/\d+$/);
  const closeId = Number(page.url().split("/").pop());
  await expect(page.getByTestId("run-progress-phase")).toHaveText("Fechada", { timeout: 90_000 });
  await expect(page.getByTestId("run-summary")).toBeVisible();
  const entries = await db`select count(*)::int as n from journal_entries where source_type = 'comp_run' and source_id = ${String(closeId)}`;
  expect(entries[0]!.n).toBe(1);
  expect((await db`select status from periods where id = ${periodId}`)[0]!.status).toBe("closed");
  // The adjustment is one of the close's lines.
  await page.getByTestId("lines-bonus").selectOption("adjustment");
  await expect(page.getByTestId("run-lines").locator("tbody tr").first()).toContainText("Ajuste manual");
  await expect(page.getByTestId("run-lines").locator("tbody tr").first()).toContainText(new Intl.NumberFormat("pt-BR", { style: "currency", currency: "BRL" }).format(-12.5));
  await page.getByTestId("run-publish").click();
  await page.getByTestId("run-confirm-ok").click();
  await expect(page.getByText("Publicada").first()).toBeVisible();
  await shot(page, "comp-run-closed-pt");

  // English.
  await page.getByLabel(/^(Idioma|Language)$/).selectOption("en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: new RegExp(`^Close #${closeId}`) })).toBeVisible();
  await expect(page.getByText("Earnings distribution (for the income disclosure statement)")).toBeVisible();
  await shot(page, "comp-run-closed-en");
  await page.goto("/admin/compensation/runs");
  await page.getByTestId("runs-period").selectOption(String(periodId));
  await expect(page.getByText(`is already closed: its commissions are final.`)).toBeVisible();
  await shot(page, "comp-runs-list-en");
  await page.getByLabel(/^(Idioma|Language)$/).selectOption("pt-BR");
  await expect(page.locator("html")).toHaveAttribute("lang", "pt-BR");
  await db.end();
});
