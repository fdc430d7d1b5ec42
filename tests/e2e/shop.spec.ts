import { expect, test, type Browser } from "@playwright/test";
import { formAlert, login, port, shot, sql } from "./helpers";

const site = () => `http://ana.localhost:${port()}`;
const app = () => process.env.E2E_BASE_URL ?? `http://localhost:${port()}`;
const points = (hundredths: number, locale: string) => new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(hundredths / 100);

async function visitor(browser: Browser, locale: string) {
  const context = await browser.newContext({ locale });
  return { context, page: await context.newPage() };
}

/** Ana's PV in the period that holds today (UTC days, as the app's periods). */
async function anaPv() {
  const db = sql();
  const [row] = await db`
    select coalesce(v.pv, 0)::int as pv from consultants c
      left join periods p on (now() at time zone 'utc')::date between p.starts_on and p.ends_on
      left join period_volumes v on v.consultant_id = c.id and v.period_id = p.id
     where c.code = 'RD000002'`;
  await db.end();
  return row!.pv as number;
}

test("a customer orders on ana.localhost, finance marks it paid, and Ana's PV shows it (pt-BR)", async ({ browser, page }) => {
  test.setTimeout(120_000);
  const db = sql();
  const buyer = `helena.e2e.${Date.now()}@exemplo.com`;
  const { context, page: shop } = await visitor(browser, "pt-BR");

  // The site's home (cached) links to the shop.
  await shop.goto(`${site()}/`);
  await shop.getByTestId("site-shop-link").click();
  await expect(shop.getByRole("heading", { name: "Produtos" })).toBeVisible();
  await expect(shop.getByTestId("price-BAT-VERM-01")).toHaveText(/^R\$\s49,90$/);
  await expect(shop.getByTestId("product-BAT-VERM-01")).toContainText("Batom Matte Vermelho");
  const lipstick = shop.getByTestId("product-BAT-VERM-01").getByRole("button", { name: /Adicionar ao carrinho/ });
  await lipstick.click();
  await lipstick.click();
  await shop.getByTestId("product-PER-FLOR-10").getByRole("button", { name: /Adicionar ao carrinho/ }).click();
  await expect(shop.getByTestId("shop-cart-link")).toHaveText("Carrinho (3)");
  await shot(shop, "shop-catalogue-pt");

  await shop.getByTestId("shop-cart-link").click();
  await expect(shop.getByTestId("cart-line-BAT-VERM-01")).toBeVisible();
  await expect(shop.getByTestId("qty-BAT-VERM-01")).toHaveValue("2");
  await expect(shop.getByTestId("cart-total")).toHaveText(/^R\$\s289,70$/);
  await shot(shop, "shop-cart-pt");

  // An empty form is refused field by field, and writes nothing.
  await shop.getByTestId("go-checkout").click();
  await expect(shop.getByRole("heading", { name: "Finalizar compra" })).toBeVisible();
  await expect(shop.getByTestId("customer-protection")).toContainText("proteção de cliente");
  const before = (await db`select count(*)::int as n from orders`)[0]!.n;
  await shop.getByTestId("place-order").click();
  await expect(formAlert(shop).filter({ hasText: "Confira os campos destacados." })).toBeVisible();
  await expect(shop.getByText("Informe um e-mail válido.")).toBeVisible();
  await expect(shop.getByText("Campo obrigatório.")).toHaveCount(6); // name, phone, address, city, state, postal code
  expect((await db`select count(*)::int as n from orders`)[0]!.n).toBe(before);
  await shot(shop, "shop-checkout-errors-pt");

  await shop.getByLabel("Nome completo").fill("Helena Duarte");
  await shop.getByLabel("E-mail").fill(buyer);
  await shop.getByLabel("Telefone").fill("(11) 98888-1234");
  await shop.getByLabel("Endereço (rua, número, complemento)").fill("Rua das Flores, 120, ap. 3");
  await shop.getByLabel("Cidade").fill("Campinas");
  await shop.getByLabel("Estado").fill("SP");
  await shop.getByLabel("CEP").fill("13010-100");
  await expect(shop.getByLabel("Boleto bancário")).toBeChecked();
  await shop.getByTestId("place-order").click();
  await expect(shop.getByRole("heading", { name: "Pedido recebido!" })).toBeVisible();
  const number = (await shop.getByTestId("confirmation-number").textContent())!.trim();
  expect(number).toMatch(/^P\d{7}$/);
  await expect(shop.getByTestId("payment-instructions")).toContainText(`Enviaremos o boleto de R$`);
  await expect(shop.getByTestId("payment-instructions")).toContainText(buyer);
  await expect(shop.getByTestId("shop-cart-link")).toHaveText("Carrinho (0)");
  await shot(shop, "shop-confirmation-pt");
  const [order] = await db`select o.id, o.status, o.channel, o.total, o.pv, c.code from orders o join consultants c on c.id = o.consultant_id where o.number = ${number}`;
  expect(order).toMatchObject({ status: "placed", channel: "site", code: "RD000002" });
  expect([Number(order!.total), Number(order!.pv)]).toEqual([28970, 9000]);
  expect((await db`select count(*)::int as n from orders`)[0]!.n).toBe(before + 1);
  await context.close();

  // Finance finds it by the buyer's e-mail and records the payment.
  const pvBefore = await anaPv();
  await login(page, "financeiro@rede.test");
  await page.goto("/admin/orders");
  await expect(page.getByRole("heading", { name: "Pedidos" })).toBeVisible();
  await page.getByTestId("orders-text").fill(buyer);
  await expect(page.getByTestId(`order-link-${number}`)).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(2); // header + this order
  await shot(page, "admin-orders-filtered");
  await page.getByTestId(`order-link-${number}`).click();
  await expect(page.getByRole("heading", { name: `Pedido ${number}` })).toBeVisible();
  await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "placed");
  await expect(page.getByTestId("order-timeline")).toContainText("pelo site, pelo cliente");
  await page.getByTestId("order-pay").click();
  await expect(page.getByTestId("pay-dialog")).toContainText(/R\$\s289,70/);
  await page.getByTestId("pay-dialog").getByLabel("Referência").fill("BOLETO-0001");
  await shot(page, "admin-order-pay-dialog");
  await page.getByTestId("pay-confirm").click();
  await expect(page.getByText("Pagamento registrado.")).toBeVisible();
  await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "paid");
  await expect(page.getByTestId("order-timeline")).toContainText("Pedido feito → Pago");
  await expect(page.getByTestId("order-payments")).toContainText("BOLETO-0001");
  await shot(page, "admin-order-paid");
  expect((await db`select count(*)::int as n from payments p join orders o on o.id = p.order_id where o.number = ${number}`)[0]!.n).toBe(1);

  // Ana's portal home shows this period's PV with the order's 90,00 PV in it.
  expect(await anaPv()).toBe(pvBefore + 9000);
  const anaContext = await browser.newContext({ baseURL: app(), locale: "pt-BR" });
  const ana = await anaContext.newPage();
  await login(ana, "ana@rede.test");
  await expect(ana).toHaveURL(/\/portal$/);
  await expect(ana.getByTestId("stat-pv")).toHaveText(points(pvBefore + 9000, "pt-BR"));
  await shot(ana, "portal-home-volumes");
  await ana.getByRole("link", { name: "Meus pedidos" }).first().click();
  await expect(ana.getByTestId(`my-order-${number}`)).toBeVisible();
  await shot(ana, "portal-orders");
  await ana.getByTestId(`my-order-${number}`).click();
  await expect(ana.getByTestId("order-customer")).toContainText("Helena Duarte");
  await expect(ana.getByTestId("order-status")).toHaveAttribute("data-status", "paid");
  await shot(ana, "portal-order-detail");
  await anaContext.close();
  await db.end();
});

test("Ana places an order for one of her customers from the portal", async ({ page }) => {
  const db = sql();
  await login(page, "ana@rede.test");
  await page.goto("/portal/orders/new");
  await expect(page.getByRole("heading", { name: "Novo pedido" })).toBeVisible();
  await page.getByTestId("order-for-customer").check();
  const customer = page.getByTestId("order-customer");
  await expect(customer.locator("option")).not.toHaveCount(1);
  await customer.selectOption({ label: "Marina Lopes · marina.lopes@cliente.exemplo.com" });
  await page.getByTestId("order-line-0").getByLabel("Produto").selectOption({ label: `Hidratante Corporal 400 ml · ${new Intl.NumberFormat("pt-BR", { style: "currency", currency: "BRL" }).format(59.9)}` });
  await page.getByTestId("order-line-0").getByLabel("Quantidade").fill("2");
  await expect(page.getByTestId("order-form-total")).toHaveText(/^R\$\s119,80$/);
  await shot(page, "portal-new-order");
  await page.getByTestId("order-submit").click();
  await expect(page.getByRole("heading", { name: /^Pedido P\d{7}$/ })).toBeVisible();
  await expect(page.getByTestId("order-customer")).toContainText("Marina Lopes");
  await expect(page.getByTestId("order-total")).toHaveText(/^R\$\s119,80$/);
  const number = (await page.getByRole("heading", { name: /^Pedido P\d{7}$/ }).textContent())!.replace("Pedido ", "");
  const [row] = await db`select o.channel, o.status, c.code from orders o join consultants c on c.id = o.consultant_id where o.number = ${number}`;
  expect(row).toMatchObject({ channel: "portal", status: "placed", code: "RD000002" });
  await shot(page, "portal-order-placed");
  await db.end();
});

test("a visitor shops in Spanish: names, money and messages in es, paying on delivery", async ({ browser }) => {
  const db = sql();
  const { context, page: shop } = await visitor(browser, "es-ES");
  await shop.goto(`${site()}/shop`);
  await expect(shop.getByRole("heading", { name: "Productos" })).toBeVisible();
  await expect(shop.getByTestId("product-BAT-VERM-01")).toContainText("Labial Mate Rojo");
  await expect(shop.getByTestId("price-BAT-VERM-01")).toHaveText(/^49,90\s(R\$|BRL)$/);
  await shop.getByTestId("product-SHA-CACH-30").getByRole("button", { name: /Agregar al carrito/ }).click();
  await shot(shop, "shop-catalogue-es");
  await shop.getByTestId("shop-cart-link").click();
  await expect(shop.getByTestId("cart-line-SHA-CACH-30")).toContainText("Champú Rizos 300 ml");
  await shop.getByRole("button", { name: "Uno más de Champú Rizos 300 ml" }).click();
  await expect(shop.getByTestId("cart-total")).toHaveText(/^79,80\s(R\$|BRL)$/);
  await shop.getByTestId("go-checkout").click();

  await shop.getByLabel("Nombre completo").fill("Lucía Fernández");
  await shop.getByLabel("Correo").fill(`lucia.e2e.${Date.now()}@ejemplo.com`);
  await shop.getByLabel("Teléfono").fill("12");
  await shop.getByLabel("Dirección (calle, número, complemento)").fill("Calle Mayor 10, 2.º B");
  await shop.getByLabel("Ciudad").fill("São Paulo");
  await shop.getByLabel("Estado/Provincia").fill("SP");
  await shop.getByLabel("Código postal").fill("01310-100");
  await shop.getByLabel("Pago contra entrega").check();
  await shop.getByTestId("place-order").click();
  await expect(shop.getByText("Ingresa un teléfono con código de área (solo números, espacios, paréntesis, + o -).")).toBeVisible();
  await shot(shop, "shop-checkout-error-es");
  await shop.getByLabel("Teléfono").fill("+55 11 97777-2222");
  await shop.getByTestId("place-order").click();
  await expect(shop.getByRole("heading", { name: "¡Pedido recibido!" })).toBeVisible();
  await expect(shop.getByTestId("payment-instructions")).toContainText("contra entrega");
  await expect(shop.getByTestId("confirmation-total")).toHaveText(/^79,80\s(R\$|BRL)$/);
  const number = (await shop.getByTestId("confirmation-number").textContent())!.trim();
  await shot(shop, "shop-confirmation-es");
  const [order] = await db`select payment_method, channel from orders where number = ${number}`;
  expect(order).toMatchObject({ payment_method: "pay_on_delivery", channel: "site" });

  // The language links keep the confirmation (its key travels with them).
  await shop.getByRole("link", { name: "English" }).click();
  await expect(shop.getByRole("heading", { name: "Order received!" })).toBeVisible();
  await expect(shop.getByTestId("confirmation-number")).toHaveText(number);
  await shot(shop, "shop-confirmation-en");
  // Without the key, the same number shows nothing.
  await shop.goto(`${site()}/shop/orders/${number}?lang=en`);
  await expect(shop.getByText("We could not find this order.")).toBeVisible();
  await context.close();
  await db.end();
});

test("finance places an order for Bruno, pays it, and invoices it from the list in a batch", async ({ page }) => {
  const db = sql();
  const brl = (n: number) => new Intl.NumberFormat("pt-BR", { style: "currency", currency: "BRL" }).format(n);
  await login(page, "financeiro@rede.test");
  await page.goto("/admin/orders");
  await page.getByTestId("new-order-link").click();
  await expect(page.getByRole("heading", { name: "Novo pedido" })).toBeVisible();
  await page.getByTestId("order-consultant-picker").fill("Bruno Alm");
  await page.getByRole("option").filter({ hasText: "RD000017" }).getByRole("button").click();
  await expect(page.getByTestId("order-consultant")).toContainText("Bruno Almeida");
  await page.getByTestId("order-line-0").getByLabel("Produto").selectOption({ label: `Perfume Floral 75 ml · ${brl(132.9)}` });
  await expect(page.getByTestId("order-form-total")).toHaveText(brl(132.9));
  await shot(page, "admin-new-order");
  await page.getByTestId("order-submit").click();
  const heading = page.getByRole("heading", { name: /^Pedido P\d{7}$/ });
  await expect(heading).toBeVisible();
  const number = (await heading.textContent())!.replace("Pedido ", "");
  await expect(page.getByTestId("order-customer")).toHaveText("Compra própria do consultor (preço de consultor)");
  await page.getByTestId("order-pay").click();
  await page.getByTestId("pay-confirm").click();
  await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "paid");

  await page.getByRole("link", { name: "← Voltar aos pedidos" }).click();
  await page.getByTestId("orders-status").selectOption("paid");
  await page.getByTestId(`select-${number}`).check();
  await expect(page.getByTestId("orders-selected")).toHaveText("1 selecionado(s)");
  await page.getByTestId("orders-issue").click();
  await expect(page.getByText("1 nota(s) emitida(s).")).toBeVisible();
  await expect(page.getByTestId(`order-link-${number}`)).toHaveCount(0); // no longer paid: invoiced
  await shot(page, "admin-orders-invoiced");
  const [row] = await db`select o.status, i.number from orders o join invoices i on i.order_id = o.id and i.kind = 'invoice' where o.number = ${number}`;
  expect(row!.status).toBe("invoiced");
  await page.goto("/admin/orders");
  await page.getByTestId(`order-link-${number}`).click();
  await expect(page.getByTestId("order-invoice")).toContainText(`Nº ${row!.number}`);
  await expect(page.getByTestId("order-timeline")).toContainText("Pago → Faturado");
  await shot(page, "admin-order-invoiced");
  await db.end();
});
