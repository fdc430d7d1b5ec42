import { expect, test, type Page } from "@playwright/test";
import { createDb } from "@/db/client";
import { recordVolume } from "@/server/commerce/volumes";
import { executeRun, publishRun, startRun } from "@/server/compensation/runs/execute";
import { login, shot, sql } from "./helpers";

/**
 * Ana's rank report card and her commissions with "Por que recebi isto?", in pt-BR and es.
 *
 * This run is written by SQL so that its lines have hand-chosen numbers (an odd half-cent, a
 * skipped upline); the test after it explains the lines of a real close by the run service.
 * Lines (1 point = 100 centavos; exact = CV × 100 × bp / 1,000,000 centavos):
 *   0 unilevel L1 10 % of 60.00 CV (her child)            = 600 centavos exactly
 *   1 unilevel L2  5 % of 123.45 CV (her grandchild)      = 617.25 → 617 (half-even), her child
 *     in between skipped by compression (PV 10.00 below the 50.00 activity minimum)
 *   2 fast_start  20 % of 33.33 CV (her child)            = 666.6 → 667
 *   Ana's total: 600 + 617 + 667 = 1884 = R$ 18,84.   3: Bruno's line (not hers).
 */
/** The published run of the hand-checked lines above (created once per database). */
async function ensureRun(db: ReturnType<typeof sql>) {
  const [ana] = await db`select c.id, g.sponsor_path as path, g.sponsor_depth as depth from consultants c join genealogy g on g.consultant_id = c.id where c.code = 'RD000002'`;
  const [bruno] = await db`select id from consultants where code = 'RD000017'`;
  const [grand] = await db`select consultant_id as id, sponsor_path as path from genealogy where sponsor_path > ${ana!.path} and sponsor_path < ${ana!.path + "~"} and sponsor_depth = ${ana!.depth + 2} and status = 'active' order by sponsor_path limit 1`;
  const child = parseInt(String(grand!.path).slice(-14, -7), 36);
  const [plan] = await db`select id from comp_plan_versions where status = 'active' order by id limit 1`;
  let [period] = await db`select id from periods where code = 'E2E-COMP'`;
  if (!period) {
    [period] = await db`insert into periods (kind, code, name, starts_on, ends_on, status) values ('campaign', 'E2E-COMP', 'Ciclo E2E', '2020-03-01', '2020-03-31', 'closed') returning id`;
    const [run] = await db`insert into comp_runs (period_id, plan_version_id, kind, status, phase, percent, currency, closed_at, published_at) values (${period!.id}, ${plan!.id}, 'close', 'published', 'finished', 100, 'BRL', now(), now()) returning id`;
    const r = run!.id;
    await db`insert into comp_run_lines (run_id, line_no, consultant_id, bonus, rule, amount, source_consultant_id, level, rank, pct_bp, base_volume, exact_numerator, rounding_remainder, compressed_count) values
      (${r}, 0, ${ana!.id}, 'unilevel', 'unilevel.level', 600, ${child}, 1, 'consultora', 1000, 6000, '600000000', '0', 0),
      (${r}, 1, ${ana!.id}, 'unilevel', 'unilevel.level', 617, ${grand!.id}, 2, 'consultora', 500, 12345, '617250000', '250000', 1),
      (${r}, 2, ${ana!.id}, 'fast_start', 'fast_start.level', 667, ${child}, 1, 'consultora', 2000, 3333, '666600000', '-400000', null),
      (${r}, 3, ${bruno!.id}, 'unilevel', 'unilevel.level', 500, ${ana!.id}, 1, 'consultora', 1000, 5000, '500000000', '0', 0)`;
    await db`insert into comp_run_consultants (run_id, consultant_id, pv, cv, gv, active, achieved_rank, paid_as_rank, highest_rank, total) values
      (${r}, ${ana!.id}, 6000, 6000, 30000, true, 'consultora', 'consultora', 'lider', 1884),
      (${r}, ${child}, 1000, 1000, 13345, false, null, null, null, 0),
      (${r}, ${grand!.id}, 12345, 12345, 12345, true, 'consultora', 'consultora', 'consultora', 0),
      (${r}, ${bruno!.id}, 6000, 6000, 6000, true, 'consultora', 'consultora', 'consultora', 500)`;
  }
  const [run] = await db`select r.id from comp_runs r join periods p on p.id = r.period_id where p.code = 'E2E-COMP'`;
  return { ana: { id: Number(ana!.id), child }, runId: Number(run!.id) };
}

test("Ana reads her rank report card, her published commissions and why a line paid what it did", async ({ page }) => {
  test.setTimeout(120_000);
  const db = sql();
  const { ana } = await ensureRun(db);
  try {
    await anaWalk(page, db, ana);
  } finally {
    // Her language back to pt-BR whatever happened, for the specs that follow.
    await db`update users set locale = 'pt-BR' where email = 'ana@rede.test'`;
    await db.end();
  }
});

async function anaWalk(page: Page, db: ReturnType<typeof sql>, ana: { id: number; child: number }) {
  await login(page, "ana@rede.test");
  // The report card, from the nav.
  await page.getByRole("navigation").getByRole("link", { name: "Minha graduação" }).click();
  await expect(page.getByRole("heading", { name: "Minha graduação" })).toBeVisible();
  await expect(page.getByTestId("report-card")).toBeVisible();
  const [vol] = await db`select v.pv, v.gv from period_volumes v join periods p on p.id = v.period_id where v.consultant_id = ${ana.id} and p.status = 'open' and current_date between p.starts_on and p.ends_on`;
  const pts = (h: number) => new Intl.NumberFormat("pt-BR", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(h / 100);
  await expect(page.getByTestId("live-pv")).toHaveText(pts(Number(vol?.pv ?? 0)));
  await expect(page.getByTestId("live-gv")).toHaveText(pts(Number(vol?.gv ?? 0)));
  await expect(page.getByTestId("last-run-ranks")).toContainText("Líder"); // highest rank at the last close
  await expect(page.getByTestId("requirements").getByRole("progressbar").first()).toBeVisible();
  await shot(page, "comp-rank-card-pt");

  // Her commissions: the published period, totals, and one line explained.
  await page.getByRole("navigation").getByRole("link", { name: "Minhas comissões" }).click();
  await expect(page.getByRole("heading", { name: "Minhas comissões" })).toBeVisible();
  const [mine] = await db`select r.id as run_id from comp_runs r join periods p on p.id = r.period_id where p.code = 'E2E-COMP'`;
  await page.getByTestId("commissions-period").selectOption({ label: "Ciclo E2E — R$ 18,84" });
  await expect(page.getByTestId("stat-commissions-total")).toHaveText("R$ 18,84"); // 600 + 617 + 667 centavos
  await expect(page.getByTestId("commission-lines").locator("tbody > tr")).toHaveCount(3); // not Bruno's
  await expect(page.getByTestId("commissions-by-bonus")).toContainText("R$ 12,17"); // unilevel 600 + 617
  const [child] = await db`select full_name, code from consultants where id = ${ana.child}`;
  await page.getByTestId("line-1").getByRole("button", { name: "Por que recebi isto?" }).click();
  const explanation = page.getByTestId("line-explanation");
  await expect(explanation.getByTestId("explain-exact")).toHaveText("R$ 6,1725");
  await expect(explanation.getByTestId("explain-rounding")).toHaveText("− R$ 0,0025");
  await expect(explanation.getByTestId("explain-amount")).toHaveText("R$ 6,17");
  await expect(explanation.getByTestId("explain-compression")).toContainText(`${child!.full_name} (${child!.code})`);
  await expect(explanation).toContainText("Cada número acima soma exatamente o valor pago.");
  await shot(page, "comp-commissions-explain-pt");
  const first = { line_no: 2 };

  // Another consultant's line id is not hers: the API says not found.
  const [other] = await db`select line_no from comp_run_lines where run_id = ${mine!.run_id} and consultant_id <> ${ana.id} limit 1`;
  if (other) {
    const res = await page.request.get(`/api/trpc/compExplain.explainLine?input=${encodeURIComponent(JSON.stringify({ json: { runId: mine!.run_id, lineNo: other.line_no } }))}`);
    expect(res.status()).toBe(404);
  }

  // The same in Spanish.
  await page.getByLabel(/^(Idioma|Language)$/).selectOption("es");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await page.getByRole("navigation").getByRole("link", { name: "Mis comisiones" }).click();
  await page.getByTestId("commissions-period").selectOption({ label: "Ciclo E2E — 18,84 BRL" });
  await page.getByTestId(`line-${first!.line_no}`).getByRole("button", { name: "¿Por qué recibí esto?" }).click();
  await expect(page.getByTestId("line-explanation")).toContainText("Cada número de arriba suma exactamente el valor pagado.");
  await shot(page, "comp-commissions-explain-es");
  await page.getByRole("navigation").getByRole("link", { name: "Mi rango" }).click();
  await expect(page.getByTestId("report-card")).toContainText("Ejecutiva"); // the plan's own Spanish rank name, not a cached pt-BR one
  await shot(page, "comp-rank-card-es");
}

test("on a real close (the run service on the demo plan), every line Ana opens adds up to what she was paid", async ({ page }) => {
  test.setTimeout(120_000);
  const db = sql();
  const [period] = await db`select id, name from periods where status = 'open' and code <> 'E2E-COMP' order by starts_on limit 1`;
  let [run] = await db`select id from comp_runs where period_id = ${period!.id} and kind = 'close' and status = 'published'`;
  if (!run) {
    // Volume for Ana's active downline in that (earliest, past) period through commerce's own
    // service; the run service closes the period and publishes the run.
    const [ana] = await db`select g.sponsor_path as path from consultants c join genealogy g on g.consultant_id = c.id where c.code = 'RD000002'`;
    const [admin] = await db`select id from users where email = 'admin@rede.test'`;
    const { db: app, client } = createDb(process.env.E2E_DATABASE_URL!, { max: 2 });
    try {
      // Ana included (sponsor_path >= hers): unilevel pays only a ranked (PV ≥ 50) consultant.
      const down = await db`select consultant_id as id from genealogy where sponsor_path >= ${ana!.path} and sponsor_path < ${ana!.path + "~"} and status = 'active' order by sponsor_path limit 40`;
      for (const d of down) await recordVolume(app, { periodId: Number(period!.id), consultantId: Number(d.id), pv: 6000, cv: 6000 });
      const started = await startRun(app, { periodId: Number(period!.id), kind: "close", actorUserId: String(admin!.id), enqueue: false });
      expect(await executeRun(app, started.id)).toBe("closed");
      await publishRun(app, started.id, String(admin!.id));
      run = { id: started.id };
    } finally {
      await client.end();
    }
  }
  const lines = await db`select l.line_no, l.amount::int as amount from comp_run_lines l join consultants c on c.id = l.consultant_id where l.run_id = ${run!.id} and c.code = 'RD000002' order by l.line_no limit 5`;
  await db.end();
  expect(lines.length, "Ana earned on the real close").toBeGreaterThan(0);
  await login(page, "ana@rede.test");
  await page.goto("/portal/commissions");
  const select = page.getByTestId("commissions-period");
  const label = await select.locator("option", { hasText: String(period!.name) }).textContent();
  await select.selectOption({ label: label! });
  const brl = (minor: number) => new Intl.NumberFormat("pt-BR", { style: "currency", currency: "BRL" }).format(minor / 100);
  for (const l of lines) {
    await page.getByTestId(`line-${l.line_no}`).getByRole("button", { name: "Por que recebi isto?" }).click();
    const e = page.getByTestId("line-explanation");
    await expect(e.getByTestId("explain-amount")).toHaveText(brl(l.amount));
    await expect(e).toContainText("Cada número acima soma exatamente o valor pago.");
    if (l === lines[0]) await shot(page, "comp-real-run-explain-pt");
    await page.getByTestId(`line-${l.line_no}`).getByRole("button", { name: "Fechar explicação" }).click();
  }
});

test("finance opens a run line's explanation in the admin; a malformed line id is the not-found page", async ({ page }) => {
  const db = sql();
  const { runId } = await ensureRun(db);
  await db.end();
  await login(page, "financeiro@rede.test");
  await page.goto(`/admin/compensation/runs/${runId}/lines/1`);
  const e = page.getByTestId("line-explanation");
  await expect(e.getByTestId("explain-headline")).toContainText("Ana Souza (RD000002) recebeu R$ 6,17");
  await expect(e.getByTestId("explain-rounding")).toHaveText("− R$ 0,0025");
  await expect(e.getByTestId("explain-compression")).toContainText("e Ana Souza (1)"); // staff read the earner's name, not "você"
  await shot(page, "comp-admin-line");
  // (The admin layout has streamed by then, so the status stays 200: the page is the not-found page.)
  await page.goto(`/admin/compensation/runs/${runId}/lines/abc`);
  await expect(page.getByRole("heading", { name: "Página não encontrada" })).toBeVisible();
  await page.goto(`/admin/compensation/runs/${runId}/lines/999`);
  await expect(page.getByText("Linha de comissão não encontrada.")).toBeVisible();
});

test("staff open any consultant's report card by code; an unknown code says so", async ({ page }) => {
  await login(page, "suporte@rede.test");
  await page.goto("/admin/compensation/report-card");
  await page.getByRole("button", { name: "Ver boletim" }).click();
  await expect(page.getByText("Informe o código de uma consultora (ex.: RD000002).").first()).toBeVisible();
  await page.getByLabel("Código da consultora").fill("RD999999");
  await page.getByRole("button", { name: "Ver boletim" }).click();
  await expect(page.getByText("Consultora não encontrada.")).toBeVisible();
  await shot(page, "comp-admin-card-notfound");
  await page.getByLabel("Código da consultora").fill("rd000002");
  await page.getByRole("button", { name: "Ver boletim" }).click();
  await expect(page.getByTestId("report-card")).toContainText("Ana Souza");
  await expect(page).toHaveURL(/consultant=rd000002/);
  await shot(page, "comp-admin-card");
});
