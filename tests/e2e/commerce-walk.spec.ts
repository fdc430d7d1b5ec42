import { expect, test, type Browser, type Page } from "@playwright/test";
import { login, port, shot, sql } from "./helpers";

/**
 * Every commerce screen as its user sees it, in pt-BR and in English: each one renders without an
 * error, shows no untranslated message key, and shows money in the reader's format. Screenshots
 * land in tests/e2e/.screens/walk-* for a person to look at.
 */
const site = () => `http://ana.localhost:${port()}`;
/** A message key left on screen ("collections.open.title") is a translation gap. */
const KEY = /\b(?:common|errors|commerce|orders|catalogue|periods|customers|invoices|ledgerScreens|ledger|collections|returns|portal|site)\.[a-z][A-Za-z]+(?:\.[A-Za-z0-9]+)*\b/;

async function expectClean(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  await expect(page.locator("text=Application error")).toHaveCount(0);
  await expect(page.locator("text=This page could not be found")).toHaveCount(0);
  const text = await page.locator("body").innerText();
  expect(text, `${name}: untranslated key`).not.toMatch(KEY);
  await shot(page, `walk-${name}`);
  return text;
}

async function as(browser: Browser, email: string, locale: "pt-BR" | "en") {
  const db = sql();
  await db`update users set locale = ${locale} where email = ${email}`;
  await db.end();
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  await login(page, email);
  return { page, close: () => context.close() };
}

// Later specs expect the demo users in pt-BR again.
test.afterEach(async () => {
  const db = sql();
  await db`update users set locale = 'pt-BR' where email in ('admin@rede.test', 'ana@rede.test')`;
  await db.end();
});

const MONEY = { "pt-BR": /R\$\s?\d{1,3}(\.\d{3})*,\d{2}/, en: /R\$\s?\d{1,3}(,\d{3})*\.\d{2}/ } as const;

for (const locale of ["pt-BR", "en"] as const) {
  test(`staff walk every commerce screen (${locale})`, async ({ browser }) => {
    test.setTimeout(180_000);
    const db = sql();
    const [order] = await db`select id from orders where status = 'delivered' order by id limit 1`;
    const [customer] = await db`select id from customers where last_order_at is not null order by id limit 1`;
    const [period] = await db`select id from periods order by starts_on limit 1`;
    const [product] = await db`select id from products order by id limit 1`;
    const [entry] = await db`select id from journal_entries order by id limit 1`;
    const [ana] = await db`select id from consultants where code = 'RD000002'`;
    const [request] = await db`select id from return_requests order by id limit 1`;
    await db.end();
    const { page, close } = await as(browser, "admin@rede.test", locale);
    const screens: [string, string, boolean][] = [
      ["catalogue", "/admin/catalogue", true],
      ["product", `/admin/catalogue/${product!.id}`, false],
      ["periods", "/admin/periods", false],
      ["period", `/admin/periods/${period!.id}`, false],
      ["customers", "/admin/customers", false],
      ["customer", `/admin/customers/${customer!.id}`, true],
      ["orders", "/admin/orders", true],
      ["order", `/admin/orders/${order!.id}`, true],
      ["order-new", "/admin/orders/new", false],
      ["invoices", "/admin/invoices", true],
      ["ledger", "/admin/ledger", true],
      ["entries", "/admin/ledger/entries", true],
      ["entry", `/admin/ledger/entries/${entry!.id}`, true],
      ["statement", `/admin/ledger/statement?consultant=${ana!.id}`, true],
      ["collections", "/admin/collections", true],
      ["bank", "/admin/collections/bank", false],
      ["returns", "/admin/returns", false],
      ["return-new", "/admin/returns/new", false],
    ];
    if (request) screens.push(["return", `/admin/returns/${request.id}`, true]);
    for (const [name, url, hasMoney] of screens) {
      await page.goto(url);
      const text = await expectClean(page, `admin-${name}-${locale}`);
      if (hasMoney) expect(text, `${name}: money in ${locale}`).toMatch(MONEY[locale]);
      // Journal memos are stored in pt-BR and shown in the reader's language.
      if (locale === "en" && ["entries", "entry", "statement"].includes(name)) expect(text, `${name}: memos in English`).not.toMatch(/Pagamento do pedido|\bPedido P\d/);
    }
    await close();
  });

  test(`Ana walks her portal and her shop (${locale})`, async ({ browser }) => {
    test.setTimeout(120_000);
    const db = sql();
    const [order] = await db`select o.id from orders o join consultants c on c.id = o.consultant_id where c.code = 'RD000002' and o.status <> 'cart' order by o.id limit 1`;
    await db.end();
    const { page, close } = await as(browser, "ana@rede.test", locale);
    const screens: [string, string, boolean][] = [
      ["home", "/portal", false],
      ["orders", "/portal/orders", true],
      ["order", `/portal/orders/${order!.id}`, true],
      ["order-new", "/portal/orders/new", true],
      ["customers", "/portal/customers", false],
      ["statement", "/portal/statement", true],
      ["returns", "/portal/returns", false],
      ["return-new", "/portal/returns/new", false],
    ];
    for (const [name, url, hasMoney] of screens) {
      await page.goto(url);
      const text = await expectClean(page, `portal-${name}-${locale}`);
      if (hasMoney) expect(text, `${name}: money in ${locale}`).toMatch(MONEY[locale]);
      if (locale === "en" && name === "statement") expect(text, "statement: memos in English").not.toMatch(/Pagamento do pedido|\bPedido P\d/);
      // Her open items: the demo leaves two of her orders unpaid.
      if (name === "statement") await expect(page.getByTestId("my-open-items").getByRole("link", { name: /^P\d{7}$/ })).toHaveCount(2);
    }
    await close();
    const visitor = await browser.newContext({ locale });
    const shop = await visitor.newPage();
    for (const [name, url] of [
      ["shop", "/shop"],
      ["cart-empty", "/shop/cart"],
    ] as const) {
      await shop.goto(`${site()}${url}`);
      const text = await expectClean(shop, `site-${name}-${locale}`);
      if (name === "shop") expect(text).toMatch(MONEY[locale]);
    }
    await visitor.close();
  });
}
