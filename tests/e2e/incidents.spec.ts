import { expect, test, type Browser } from "@playwright/test";
import { login, shot, sql } from "./helpers";

async function as(browser: Browser, email: string, locale: "pt-BR" | "en" = "pt-BR") {
  const db = sql();
  await db`update users set locale = ${locale} where email = ${email}`;
  await db.end();
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  await login(page, email);
  return { page, close: () => context.close() };
}

// A failed test must not leave a user in English for the specs that run after this one.
test.afterEach(async () => {
  const db = sql();
  await db`update users set locale = 'pt-BR' where email in ('admin@rede.test', 'suporte@rede.test', 'ana@rede.test', 'bruno@rede.test')`;
  await db.end();
});

test("a consultant opens an incident in the portal; staff find it, see its SLA due time, reply (outbox) and change its status; the consultant sees the reply (pt-BR)", async ({ browser }) => {
  test.setTimeout(120_000);
  const db = sql();
  const subject = `Nota fiscal não chegou ${Date.now() % 100000}`;

  // Ana, in the portal: bad input first, then a real incident.
  const ana = await as(browser, "ana@rede.test");
  let page = ana.page;
  await page.getByRole("navigation").getByRole("link", { name: "Chamados" }).click();
  await expect(page.getByRole("heading", { name: "Meus chamados" })).toBeVisible();
  await page.getByTestId("incident-new-link").click();
  await page.getByTestId("incident-submit").click();
  await expect(page.getByText("Informe o assunto.")).toBeVisible();
  await expect(page.getByText("Descreva o chamado.")).toBeVisible();
  await shot(page, "incidents-portal-new-errors-pt-BR");
  await page.getByTestId("incident-subject").fill(subject);
  await page.getByTestId("incident-category").selectOption("orders");
  await page.getByTestId("incident-description").fill("Recebi o pedido, mas a nota fiscal não veio no e-mail.");
  await page.getByTestId("incident-submit").click();
  await expect(page).toHaveURL(/\/portal\/incidents\/\d+\?created=1$/);
  const id = Number(/\/portal\/incidents\/(\d+)/.exec(page.url())![1]);
  const [row] = await db`select number from incidents where id = ${id}`;
  const number = row!.number as string;
  await expect(page.getByTestId("incident-created")).toContainText(`Chamado ${number} aberto.`);
  await shot(page, "incidents-portal-created-pt-BR");

  // Another consultant's incident is simply not there for Ana.
  const [bruno] = await db`select i.id from incidents i join consultants c on c.id = i.requester_consultant_id where c.code = 'RD000017' limit 1`;
  if (bruno) {
    const res = await page.goto(`/portal/incidents/${bruno.id}`);
    expect(res?.status()).toBe(404);
  }

  // Staff: the dashboard, a count that opens the filtered list, then the text filter.
  const staff = await as(browser, "suporte@rede.test");
  const admin = staff.page;
  await admin.getByRole("navigation").getByRole("link", { name: "Atendimento" }).click();
  await expect(admin.getByTestId("incidents-dashboard")).toBeVisible();
  await expect(admin.getByTestId(`incident-open-${number}`)).toBeVisible();
  await shot(admin, "incidents-dashboard-pt-BR");
  await admin.getByTestId("incidents-tile-critical").click();
  await expect(admin).toHaveURL(/priority=critical/);
  await expect(admin.getByTestId("incidents-priority-filter")).toHaveValue("critical");
  await expect(admin.getByText("Site pessoal fora do ar")).toBeVisible();
  await expect(admin.getByTestId(`incident-open-${number}`)).toHaveCount(0);
  await admin.getByTestId("incidents-clear").click();
  await admin.getByTestId("incidents-search").fill(subject);
  await expect(admin.locator("tbody tr")).toHaveCount(1);
  const listRow = admin.locator("tr", { has: admin.getByTestId(`incident-open-${number}`) });
  await expect(listRow.getByTestId("incident-due")).not.toHaveText("—");
  await expect(listRow.getByTestId("sla-badge")).toHaveAttribute("data-state", /on_track|near_expiry|expired/);
  await shot(admin, "incidents-list-filtered-pt-BR");

  // The detail: SLA clock with the due time, reply, status.
  await admin.getByTestId(`incident-open-${number}`).click();
  await expect(admin).toHaveURL(new RegExp(`/admin/incidents/${id}$`));
  await expect(admin.getByTestId("sla-first-response-due")).toContainText(/Vence \d{2}\/\d{2}\/\d{4}/);
  await expect(admin.getByTestId("sla-resolution-due")).toContainText("Vence");
  await admin.getByTestId("incident-reply-send").click();
  await expect(admin.getByText("Escreva a mensagem.")).toBeVisible();
  await admin.getByTestId("incident-reply-body").fill("Olá Ana, reenviamos a nota fiscal para o seu e-mail.");
  await admin.getByTestId("incident-reply-send").click();
  await expect(admin.getByTestId("incident-reply-message")).toContainText("Resposta enviada ao solicitante.");
  await expect(admin.getByTestId("timeline-reply")).toContainText("reenviamos a nota fiscal");
  await expect(admin.getByTestId("sla-first-response")).toContainText("Respondido em");
  await admin.getByTestId("incident-tab-note").click();
  await admin.getByTestId("incident-reply-body").fill("Conferir com o financeiro se a nota foi emitida.");
  await admin.getByTestId("incident-reply-send").click();
  await expect(admin.getByTestId("timeline-note")).toContainText("Conferir com o financeiro");
  await admin.getByTestId("incident-status").selectOption("waiting");
  await expect(admin.getByTestId("incident-controls-message")).toContainText("Alterações salvas.");
  await expect(admin.getByTestId("incident-header")).toContainText("Aguardando solicitante");
  await expect(admin.getByTestId("sla-clock")).toContainText("Relógio pausado");
  await shot(admin, "incidents-detail-pt-BR");

  // The reply is in the outbox, to Ana.
  await admin.goto("/admin/outbox");
  await admin.getByTestId("outbox-recipient").fill("ana@rede.test");
  const [mailRow] = await db`select id from email_outbox where template = 'incident-reply' and to_address = 'ana@rede.test' and props->>'number' = ${number} order by id desc limit 1`;
  await admin.getByTestId(`outbox-open-${mailRow!.id}`).click();
  const mail = admin.frameLocator("[data-testid=outbox-iframe]");
  await expect(mail.getByText("reenviamos a nota fiscal", { exact: false })).toBeVisible();
  await shot(admin, "incidents-outbox-reply-pt-BR");

  // Ana sees the public reply (not the internal note) and answers: the incident goes back to open.
  page = ana.page;
  await page.goto(`/portal/incidents/${id}`);
  await expect(page.getByTestId("incident-timeline")).toContainText("reenviamos a nota fiscal");
  await expect(page.getByTestId("incident-timeline")).not.toContainText("Conferir com o financeiro");
  await expect(page.getByText("Aguardando solicitante").first()).toBeVisible();
  await page.getByTestId("portal-reply-body").fill("Recebi, obrigada!");
  await page.getByTestId("portal-reply-send").click();
  await expect(page.getByText("Mensagem enviada à equipe.")).toBeVisible();
  await expect(page.getByTestId("incident-timeline")).toContainText("Recebi, obrigada!");
  // A file: an HTML page is refused with the reason; a text file is kept and listed.
  await page.getByTestId("attachment-input").setInputFiles({ name: "pagina.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html><script>alert(1)</script></html>") });
  await expect(page.getByTestId("incident-attachments")).toContainText("Tipo de arquivo não aceito");
  await page.getByTestId("attachment-input").setInputFiles({ name: "comprovante.txt", mimeType: "text/plain", buffer: Buffer.from("Pedido entregue em 20/11, sem nota.") });
  await expect(page.getByTestId("incident-attachments").getByRole("link", { name: "comprovante.txt" })).toBeVisible();
  await shot(page, "incidents-portal-detail-pt-BR");
  const [after] = await db`select status from incidents where id = ${id}`;
  expect(after!.status).toBe("open");

  await db.end();
  await ana.close();
  await staff.close();
});

test("staff screens in English: dashboard, detail and the SLA settings with bad input", async ({ browser }) => {
  test.setTimeout(90_000);
  const { page, close } = await as(browser, "admin@rede.test", "en");
  await page.goto("/admin/incidents");
  await expect(page.getByRole("heading", { name: "Service desk" })).toBeVisible();
  await expect(page.getByTestId("incidents-tile-open")).toContainText("Open");
  await page.getByTestId("incidents-tile-expired").click();
  await expect(page.getByTestId("incidents-sla-filter")).toHaveValue("expired");
  // The seed's "Pedido não chegou" opened 50 hours ago with a 1-hour first-response target.
  await expect(page.locator("tbody tr", { hasText: "Pedido não chegou" }).getByTestId("sla-badge")).toHaveAttribute("data-state", "expired");
  await shot(page, "incidents-dashboard-expired-en");
  await page.goto("/admin/incidents");
  await page.getByTestId("incidents-search").fill("Pedido não chegou");
  // Wait for the debounced search to settle before clicking (the rows are replaced when it does).
  const found = page.locator("tbody tr", { hasText: "Pedido não chegou" });
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await expect(found).toHaveCount(1);
  // Go by the row's own link (a click can land on a row the debounced search is replacing).
  const href = await found.getByRole("link", { name: /^INC-\d+$/ }).getAttribute("href");
  await page.goto(href!);
  await expect(page.getByTestId("sla-clock")).toContainText("First response");
  await shot(page, "incidents-detail-en");

  await page.goto("/admin/incidents/settings");
  await expect(page.getByRole("heading", { name: "SLA and business calendar" })).toBeVisible();
  const fresh = page.getByTestId("sla-policy-new");
  await fresh.getByTestId("policy-priority").selectOption("high");
  await fresh.getByTestId("policy-first").fill("120");
  await fresh.getByTestId("policy-resolution").fill("60");
  await fresh.getByTestId("policy-save").click();
  await expect(fresh.getByTestId("policy-message")).toContainText(/./);
  await page.getByTestId("calendar-zone").fill("Mars/Olympus");
  await page.getByTestId("calendar-save").click();
  await expect(page.getByTestId("calendar-message")).toContainText("Unknown time zone.");
  await shot(page, "incidents-settings-errors-en");
  await close();
});

test("staff register an incident for a consultant by code: an unknown code is refused next to the field, then it opens (pt-BR)", async ({ browser }) => {
  const { page, close } = await as(browser, "suporte@rede.test");
  await page.goto("/admin/incidents");
  await page.getByTestId("incident-new-link").click();
  await page.getByTestId("staff-incident-code").fill("RD999999");
  await page.getByTestId("staff-incident-subject").fill("Atualizar endereço de entrega");
  await page.getByTestId("staff-incident-description").fill("Pediu por telefone para trocar o endereço.");
  await page.getByTestId("staff-incident-submit").click();
  await expect(page.getByTestId("staff-incident-form").getByText("Solicitante não encontrado.").first()).toBeVisible();
  await shot(page, "incidents-staff-new-error-pt-BR");
  await page.getByTestId("staff-incident-code").fill("rd000017");
  await page.getByTestId("staff-incident-submit").click();
  await expect(page).toHaveURL(/\/admin\/incidents\/\d+$/);
  await expect(page.getByTestId("incident-requester")).toContainText("Bruno Almeida");
  await expect(page.getByTestId("sla-first-response-due")).toContainText("Vence");
  await close();
});
