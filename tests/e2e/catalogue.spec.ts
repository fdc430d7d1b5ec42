import { expect, test, type Page } from "@playwright/test";
import { login, shot, sql } from "./helpers";

/** The field error under an input, found through the input's aria-describedby wiring. */
async function fieldError(page: Page, testId: string) {
  const id = await page.getByTestId(testId).getAttribute("id");
  return page.locator(`[id="${id}-error"]`);
}

// A 1×1 PNG: the upload route keeps only images it recognises by their first bytes.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

test("staff create a product in pt-BR: a price written the English way is refused with a clear message, then saved with a photo", async ({ page }) => {
  const db = sql();
  await login(page, "admin@rede.test");
  await page.goto("/admin/catalogue");
  await expect(page.getByRole("heading", { name: "Produtos", level: 1 })).toBeVisible();
  await expect(page.getByTestId("product-BAT-VERM-01")).toHaveText("Batom Matte Vermelho");
  await page.getByTestId("new-product").click();

  await page.getByTestId("product-sku").fill("SER-FACE-70");
  await page.getByTestId("product-name-pt-BR").fill("Sérum Facial Vitamina C");
  await page.getByTestId("product-name-es").fill("Sérum Facial Vitamina C");
  await page.getByTestId("product-description-pt-BR").fill("Antioxidante, 30 ml.");
  await page.getByTestId("product-retail").fill("89.90"); // in pt-BR the dot groups thousands
  await page.getByTestId("product-consultant").fill("62,90");
  await page.getByTestId("product-pv").fill("25,5");
  await page.getByTestId("product-cv").fill("20");
  await page.getByTestId("product-save").click();
  await expect(await fieldError(page, "product-retail")).toHaveText("Valor inválido. Escreva como 49,90 (vírgula antes dos centavos; ponto só para milhares, como 1.249,90).");
  await expect(page.getByTestId("product-retail")).toHaveAttribute("aria-invalid", "true");
  expect(await db`select 1 from products where upper(sku) = 'SER-FACE-70'`).toHaveLength(0);
  await shot(page, "catalogue-product-bad-price-pt-BR");

  await page.getByTestId("product-retail").fill("89,90");
  await page.getByTestId("product-photo-file").setInputFiles({ name: "serum.png", mimeType: "image/png", buffer: PNG });
  await expect(page.getByTestId("product-photo-url")).toHaveValue(/^\/api\/media\/products\/[0-9a-f-]{36}\.png$/);
  // The uploaded photo is served back as an image.
  await expect.poll(() => page.getByTestId("product-photo-preview").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
  await page.getByTestId("product-save").click();
  await expect(page.getByText("Produto SER-FACE-70 criado.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Editar produto SER-FACE-70" })).toBeVisible();
  const [row] = await db`select retail_price::int, consultant_price::int, pv::int, cv::int, name, photo_url, active from products where sku = 'SER-FACE-70'`;
  expect(row).toMatchObject({ retail_price: 8990, consultant_price: 6290, pv: 2550, cv: 2000, active: true, name: { "pt-BR": "Sérum Facial Vitamina C", es: "Sérum Facial Vitamina C" } });
  expect(row!.photo_url).toMatch(/^\/api\/media\/products\//);
  // The edit form shows the stored integers back in the user's writing.
  await expect(page.getByTestId("product-retail")).toHaveValue("89,90");
  await expect(page.getByTestId("product-pv")).toHaveValue("25,50");
  await shot(page, "catalogue-product-created-pt-BR");

  // A duplicate SKU, whatever its case, is refused on its field.
  await page.goto("/admin/catalogue/new");
  await page.getByTestId("product-sku").fill("ser-face-70");
  await page.getByTestId("product-name-pt-BR").fill("Outro sérum");
  await page.getByTestId("product-retail").fill("10");
  await page.getByTestId("product-consultant").fill("8");
  await page.getByTestId("product-save").click();
  await expect(await fieldError(page, "product-sku")).toHaveText("Já existe um produto com este SKU.");

  await page.goto("/admin/catalogue");
  await page.getByTestId("products-search").fill("ser-face");
  const listed = page.getByRole("row").filter({ has: page.getByTestId("product-SER-FACE-70") });
  await expect(listed).toContainText(/R\$\s89,90/);
  await expect(listed).toContainText("25,50");
  // Let the debounced search settle (header + the one match) so the toggle acts on the list that stays.
  await expect(page.getByRole("row")).toHaveCount(2);
  await page.getByTestId("toggle-SER-FACE-70").click();
  await expect(page.getByText("SER-FACE-70 foi desativado: não aparece mais para venda.")).toBeVisible();
  await expect(listed).toContainText("Inativo");
  expect((await db`select active from products where sku = 'SER-FACE-70'`)[0]!.active).toBe(false);
  await shot(page, "catalogue-list-pt-BR");
  await db.end();
});

test("staff create a campaign: dates over the past cycle are refused naming it, then a campaign with its own catalogue", async ({ page }) => {
  const db = sql();
  const [past] = await db`select starts_on::text, ends_on::text from periods where code = 'CICLO-01'`;
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await login(page, "admin@rede.test");
  await page.goto("/admin/periods");
  await expect(page.getByTestId("period-CICLO-01")).toHaveText("Ciclo 1 — Lançamentos");
  await expect(page.getByRole("row").filter({ has: page.getByTestId("period-CICLO-01") })).toContainText("Fechado");

  await page.getByTestId("new-campaign").click();
  const dialog = page.getByTestId("new-campaign-dialog");
  await dialog.getByTestId("campaign-code").fill("ciclo-02");
  await expect(dialog.getByTestId("campaign-code")).toHaveValue("CICLO-02");
  await dialog.getByTestId("campaign-name").fill("Ciclo 2 — Verão");
  await dialog.getByTestId("campaign-starts").fill(past!.ends_on);
  await dialog.getByTestId("campaign-ends").fill(day(-150));
  await dialog.getByTestId("campaign-create").click();
  await expect(await fieldError(page, "campaign-starts")).toContainText("Estas datas se sobrepõem à campanha Ciclo 1 — Lançamentos (CICLO-01)");
  expect(await db`select 1 from periods where code = 'CICLO-02'`).toHaveLength(0);
  await shot(page, "periods-overlap-pt-BR");

  await dialog.getByTestId("campaign-starts").fill(day(400));
  await dialog.getByTestId("campaign-ends").fill(day(420));
  await dialog.getByTestId("campaign-create").click();
  await expect(page.getByText("Campanha CICLO-02 criada.")).toBeVisible();
  await page.getByTestId("period-CICLO-02").click();
  await expect(page.getByRole("heading", { name: "Ciclo 2 — Verão" })).toBeVisible();
  await page.getByTestId("campaign-product-PER-FLOR-10").check();
  await page.getByTestId("campaign-product-KIT-PRES-50").check();
  await expect(page.getByTestId("campaign-catalogue-count")).toHaveText("2 selecionados");
  await page.getByTestId("campaign-catalogue-save").click();
  await expect(page.getByText("Catálogo salvo: 2 produtos.")).toBeVisible();
  const chosen = await db`select p.sku from campaign_products cp join periods pe on pe.id = cp.period_id join products p on p.id = cp.product_id where pe.code = 'CICLO-02' order by p.sku`;
  expect(chosen.map((r) => r.sku)).toEqual(["KIT-PRES-50", "PER-FLOR-10"]);
  await shot(page, "periods-campaign-catalogue-pt-BR");
  await db.end();
});

test("staff see a customer's commercial state and segment, in the list and on the profile", async ({ page }) => {
  const db = sql();
  await login(page, "admin@rede.test");
  await page.goto("/admin/customers");
  await page.getByTestId("customers-state").selectOption("lost");
  const olivia = page.getByRole("row").filter({ has: page.getByTestId("customer-olivia.santos@cliente.exemplo.com") });
  await expect(olivia.getByTestId("customer-state")).toHaveText("Perdido");
  const segment = await olivia.getByTestId("customer-segment").getAttribute("data-segment");
  expect(["hibernating", "at_risk"]).toContain(segment);
  // Only lost customers are listed under that filter.
  const states = await page.getByRole("table").getByTestId("customer-state").allTextContents();
  expect(new Set(states)).toEqual(new Set(["Perdido"]));
  await shot(page, "customers-lost-pt-BR");

  await page.getByTestId("customer-olivia.santos@cliente.exemplo.com").click();
  await expect(page.getByRole("heading", { name: "Olívia Santos" })).toBeVisible();
  await expect(page.getByText("Não compra há mais de 365 dias.")).toBeVisible();
  await expect(page.getByTestId("customer-segment").first()).toHaveAttribute("data-segment", segment!);
  await expect(page.getByTestId("customer-consultant")).toHaveText("Bruno Almeida");
  await expect(page.getByTestId("stat-customer-orders")).toHaveText("2");
  await shot(page, "customer-profile-pt-BR");

  // The export carries the same filter.
  await page.goto("/admin/customers");
  await page.getByTestId("customers-state").selectOption("lost");
  await expect(page.getByTestId("customers-export")).toHaveAttribute("href", "/api/customers/export?state=lost");
  const download = page.waitForEvent("download");
  await page.getByTestId("customers-export").click();
  const file = await (await download).path();
  const csv = (await import("node:fs")).readFileSync(file, "utf8");
  expect(csv.startsWith("\uFEFF")).toBe(true); // so spreadsheets read the accents as UTF-8
  const lines = csv.trim().split(/\r\n/);
  expect(lines[0]).toBe("id,nome,email,telefone,cidade,estado,codigo_consultor,consultor,situacao,segmento,recencia,frequencia,valor,pedidos_pagos,total_comprado,moeda,primeira_compra,ultima_compra");
  const [{ n }] = (await db`select count(*)::int as n from customers where last_order_at < now() - interval '365 days'`) as unknown as [{ n: number }];
  expect(lines.length - 1).toBe(n);
  expect(lines.slice(1).every((l) => l.includes(",Perdido,"))).toBe(true);

  // The limits behind the states are the company's, on the settings screen; a lost limit under the active one is refused.
  await page.goto("/admin/settings");
  await expect(page.getByTestId("customer-active-days")).toHaveValue("90");
  await page.getByTestId("customer-lost-days").fill("60");
  await page.getByTestId("customer-settings-save").click();
  await expect(await fieldError(page, "customer-lost-days")).toHaveText("O limite de perdido deve ser maior ou igual ao de ativo.");
  expect((await db`select customer_lost_days from company_settings`)[0]!.customer_lost_days).toBe(365);
  await shot(page, "settings-customers-pt-BR");
  await db.end();
});

test("a consultant's customers (portal): her own list with states; a customer of another consultant cannot be taken", async ({ page }) => {
  const db = sql();
  await login(page, "ana@rede.test");
  await page.goto("/portal/customers");
  await expect(page.getByRole("heading", { name: "Meus clientes" })).toBeVisible();
  await expect(page.getByTestId("my-customer-helena.duarte@cliente.exemplo.com")).toBeVisible();
  // Bruno's customers are not on her list.
  await expect(page.getByTestId("my-customer-olivia.santos@cliente.exemplo.com")).toHaveCount(0);

  await page.getByTestId("add-customer").click();
  await page.getByTestId("new-customer-fullName").fill("Olívia S.");
  await page.getByTestId("new-customer-email").fill("olivia.santos@cliente.exemplo.com");
  await page.getByTestId("new-customer-save").click();
  await expect(await fieldError(page, "new-customer-email")).toHaveText("Este cliente já é atendido por outro consultor.");
  await page.getByTestId("new-customer-fullName").fill("Vanessa Prado");
  await page.getByTestId("new-customer-email").fill("vanessa.prado@exemplo.com");
  await page.getByTestId("new-customer-phone").fill("+55 11 97777-1234");
  await page.getByTestId("new-customer-save").click();
  await expect(page.getByText("Vanessa Prado foi adicionado aos seus clientes.")).toBeVisible();
  const vanessa = page.getByRole("row").filter({ has: page.getByTestId("my-customer-vanessa.prado@exemplo.com") });
  await expect(vanessa.getByTestId("customer-state")).toHaveText("Prospecto");
  const [row] = await db`select c.consultant_id, k.code from customers c join consultants k on k.id = c.consultant_id where c.email = 'vanessa.prado@exemplo.com'`;
  expect(row!.code).toBe("RD000002");
  await shot(page, "portal-my-customers-pt-BR");
  await db.end();
});

test("in English: finance types prices the English way, and reads customers' states in English", async ({ page }) => {
  const db = sql();
  await login(page, "financeiro@rede.test");
  await page.goto("/admin/catalogue/new");
  await page.getByLabel(/^(Idioma|Language)$/).selectOption("en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: "New product" })).toBeVisible();
  await page.getByTestId("product-sku").fill("GIFT-BOX-99");
  await page.getByTestId("product-name-pt-BR").fill("Caixa Presente Luxo");
  await page.getByTestId("product-name-en").fill("Luxury Gift Box");
  await page.getByTestId("product-retail").fill("1,249,90");
  await page.getByTestId("product-consultant").fill("874.90");
  await page.getByTestId("product-save").click();
  await expect(await fieldError(page, "product-retail")).toHaveText("Invalid amount. Write it like 49.90 (a dot before the cents; commas only for thousands, like 1,249.90).");
  await page.getByTestId("product-retail").fill("1,249.90");
  await page.getByTestId("product-save").click();
  await expect(page.getByText("Product GIFT-BOX-99 created.")).toBeVisible();
  expect((await db`select retail_price::int, consultant_price::int from products where sku = 'GIFT-BOX-99'`)[0]).toEqual({ retail_price: 124990, consultant_price: 87490 });
  await shot(page, "catalogue-product-created-en");

  await page.goto("/admin/customers");
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
  await page.getByTestId("customers-search").fill("helena");
  const helena = page.getByRole("row").filter({ has: page.getByTestId("customer-helena.duarte@cliente.exemplo.com") });
  await expect(helena.getByTestId("customer-state")).toHaveText("Active");
  await expect(helena).toContainText("R$");
  await shot(page, "customers-en");

  await page.getByLabel("Language").selectOption("pt-BR");
  await expect(page.locator("html")).toHaveAttribute("lang", "pt-BR");
  await db.end();
});
