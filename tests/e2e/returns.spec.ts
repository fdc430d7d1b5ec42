import { expect, test, type Browser, type Page } from "@playwright/test";
import { login, shot, sql } from "./helpers";

/** A tiny valid PNG (1×1), as a photo of the damaged item. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

async function signedIn(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, email);
  return { page, close: () => context.close() };
}

async function downloadPdf(page: Page, testId: string) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  const path = await download.path();
  const bytes = await (await import("node:fs/promises")).readFile(path!);
  return { name: download.suggestedFilename(), head: bytes.subarray(0, 5).toString(), size: bytes.length };
}

test("Ana asks to return a lipstick from a delivered order; staff approve it; the credit note appears and its PDF downloads (pt-BR)", async ({ browser }) => {
  test.setTimeout(90_000); // two people, three sessions, two downloads
  const db = sql();
  const [ana] = await db`select id from consultants where code = 'RD000002'`;
  // Her own delivered order from the demo shop: 3 lipsticks and 2 lotions.
  const [order] = await db`
    select o.id, o.number, ol.id as line_id, ol.name, ol.unit_price
      from orders o join order_lines ol on ol.order_id = o.id
     where o.consultant_id = ${ana!.id} and o.status = 'delivered' and o.customer_id is null and ol.sku = 'BAT-VERM-01'`;
  const [{ last: notesBefore }] = (await db`select last::int from document_counters where series = 'credit_note'`) as unknown as [{ last: number }];

  // Ana, in the portal.
  const consultant = await signedIn(browser, "ana@rede.test");
  let page = consultant.page;
  await page.getByRole("navigation").getByRole("link", { name: "Trocas e devoluções" }).click();
  await expect(page.getByRole("heading", { name: "Trocas e devoluções" })).toBeVisible();
  await page.getByTestId("return-new-link").click();
  await page.getByTestId("return-order-select").selectOption(String(order!.id));
  await expect(page.getByTestId(`return-line-${order!.line_id}`)).toContainText("Batom Matte Vermelho");
  // More than she bought is refused by the server, with the reason next to the field.
  await page.getByTestId(`return-qty-${order!.line_id}`).fill("5");
  await page.getByTestId("return-reason").selectOption({ label: "Produto com defeito" });
  await page.getByTestId("return-submit").click();
  await expect(page.getByTestId(`return-line-${order!.line_id}`).getByRole("alert")).toContainText("Só é possível devolver 3 de Batom Matte Vermelho");
  await page.getByTestId(`return-qty-${order!.line_id}`).fill("1");
  await page.getByTestId("return-notes").fill("A tampa veio quebrada.");
  await page.getByTestId("return-photo").setInputFiles({ name: "batom.png", mimeType: "image/png", buffer: PNG });
  await expect(page.getByTestId("return-photos")).toContainText("batom.png");
  await shot(page, "returns-portal-form");
  await page.getByTestId("return-submit").click();
  await expect(page).toHaveURL(/\/portal\/returns\/\d+\?created=1$/);
  const requestId = Number(/\/portal\/returns\/(\d+)/.exec(page.url())![1]);
  await expect(page.getByTestId("return-created")).toContainText(`Solicitação ${requestId} registrada`);
  await expect(page.getByTestId("return-status")).toHaveAttribute("data-status", "pending");
  await expect(page.getByRole("img", { name: "Foto 1 da solicitação" })).toBeVisible();
  await shot(page, "returns-portal-requested");

  // Staff (finance), in the admin queue.
  const staff = await signedIn(browser, "financeiro@rede.test");
  const admin = staff.page;
  await admin.getByRole("navigation").getByRole("link", { name: "Trocas e devoluções" }).click();
  await expect(admin.getByTestId(`return-open-${requestId}`)).toBeVisible();
  await shot(admin, "returns-admin-queue");
  await admin.getByTestId(`return-open-${requestId}`).click();
  await expect(admin.getByTestId("return-value")).toHaveText(/R\$\s?34,90/);
  await admin.getByTestId("return-decide-comment").fill("Defeito confirmado pela foto.");
  admin.once("dialog", (d) => void d.accept());
  await admin.getByTestId("return-approve").click();
  await expect(admin.getByTestId("return-status")).toHaveAttribute("data-status", "approved");
  const noteNumber = String(notesBefore + 1).padStart(6, "0");
  await expect(admin.getByTestId("return-note")).toContainText(`Nota de crédito ${noteNumber}`);
  await expect(admin.getByTestId("return-note")).toContainText(/R\$\s?34,90/);
  await shot(admin, "returns-admin-approved");
  const pdf = await downloadPdf(admin, "return-note-pdf");
  expect(pdf).toMatchObject({ name: `nota-de-credito-${noteNumber}.pdf`, head: "%PDF-" });

  // What was written: the note, the ledger entry, the negative volume, the e-mail to Ana.
  const [note] = await db`select i.total::int, i.consultant_id::int from invoices i join return_requests r on r.credit_note_id = i.id where r.id = ${requestId}`;
  expect(note).toEqual({ total: 3490, consultant_id: Number(ana!.id) });
  const [volume] = await db`select pv::int from volume_events where return_id = ${requestId}`;
  expect(volume!.pv).toBe(-1500);
  const [mail] = await db`select to_address from email_outbox where template = 'return-decided' order by id desc limit 1`;
  expect(mail!.to_address).toBe("ana@rede.test");

  // Back to Ana: the decision, the note in her statement, and its PDF.
  page = consultant.page;
  await page.goto(`/portal/returns/${requestId}`);
  await expect(page.getByTestId("return-status")).toHaveAttribute("data-status", "approved");
  await expect(page.getByTestId("return-comment")).toHaveText("Defeito confirmado pela foto.");
  await page.getByRole("navigation").getByRole("link", { name: "Meu extrato" }).click();
  const line = page.getByTestId("statement-table").getByRole("row").filter({ hasText: `nota de crédito ${noteNumber}` });
  await expect(line).toContainText(/R\$\s?34,90/);
  await expect(line.getByRole("link", { name: /Nota de crédito/ })).toBeVisible();
  await shot(page, "returns-portal-statement");
  const own = await Promise.all([page.waitForEvent("download"), line.getByRole("link", { name: /Nota de crédito/ }).click()]);
  expect(own[0].suggestedFilename()).toBe(`nota-de-credito-${noteNumber}.pdf`);

  // Another consultant gets nothing for that document or request.
  const bruno = await signedIn(browser, "bruno@rede.test");
  const [noteRow] = await db`select credit_note_id::int as id from return_requests where id = ${requestId}`;
  expect((await bruno.page.request.get(`/api/invoices/${noteRow!.id}/pdf`)).status()).toBe(404);
  expect((await bruno.page.request.get(`/api/returns/${requestId}/photos/0`)).status()).toBe(404);
  await bruno.page.goto(`/portal/returns/${requestId}`);
  await expect(bruno.page.getByRole("heading", { name: "Página não encontrada" })).toBeVisible();
  await Promise.all([consultant.close(), staff.close(), bruno.close()]);
  await db.end();
});

test("in Spanish: Bruno asks to exchange a sunscreen for a perfume; staff approve; the debit note for the difference is offered as PDF", async ({ browser }) => {
  test.setTimeout(60_000);
  const db = sql();
  await db`update users set locale = 'es' where email in ('bruno@rede.test', 'admin@rede.test')`;
  try {
    const [order] = await db`
      select o.id, o.number, ol.id as line_id
        from orders o join consultants c on c.id = o.consultant_id join order_lines ol on ol.order_id = o.id
       where c.code = 'RD000017' and o.status = 'delivered' and ol.sku = 'PRO-SOL-40' limit 1`;
    const [perfume] = await db`select id from products where sku = 'PER-FLOR-10'`;
    const bruno = await signedIn(browser, "bruno@rede.test");
    const page = bruno.page;
    await page.goto("/portal/returns/new");
    await expect(page.getByRole("heading", { name: "Pedir cambio o devolución" })).toBeVisible();
    await page.getByTestId("return-order-select").selectOption(String(order!.id));
    await page.getByTestId("return-kind-exchange").check();
    await page.getByTestId(`return-qty-${order!.line_id}`).fill("1");
    await page.getByTestId(`return-replacement-${order!.line_id}`).selectOption(String(perfume!.id));
    await page.getByTestId("return-reason").selectOption({ label: "Producto distinto del pedido" });
    await shot(page, "returns-es-exchange-form");
    await page.getByTestId("return-submit").click();
    await expect(page).toHaveURL(/\/portal\/returns\/\d+\?created=1$/);
    const requestId = Number(/\/portal\/returns\/(\d+)/.exec(page.url())![1]);
    await expect(page.getByTestId("return-created")).toContainText(`Solicitud ${requestId} registrada`);

    const staff = await signedIn(browser, "admin@rede.test");
    await staff.page.goto(`/admin/returns/${requestId}`);
    await expect(staff.page.getByRole("heading", { name: `Solicitud ${requestId}` })).toBeVisible();
    staff.page.once("dialog", (d) => void d.accept());
    await staff.page.getByTestId("return-approve").click();
    await expect(staff.page.getByTestId("return-status")).toContainText("Aprobada");
    await expect(staff.page.getByTestId("return-note")).toContainText("Nota de débito");
    await expect(staff.page.getByTestId("return-replacement-order")).toHaveText(/^P\d{7}$/);
    await shot(staff.page, "returns-es-exchange-approved");
    const pdf = await downloadPdf(staff.page, "return-note-pdf");
    expect(pdf.name).toMatch(/^nota-de-debito-\d{6}\.pdf$/);
    expect(pdf.head).toBe("%PDF-");
    const [replacement] = await db`select o.status, o.total::int from orders o join return_requests r on r.replacement_order_id = o.id where r.id = ${requestId}`;
    expect(replacement!.status).toBe("paid");
    await Promise.all([bruno.close(), staff.close()]);
  } finally {
    await db`update users set locale = 'pt-BR' where email in ('bruno@rede.test', 'admin@rede.test')`;
    await db.end();
  }
});
