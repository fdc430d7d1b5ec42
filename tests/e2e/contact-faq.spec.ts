import { expect, test } from "@playwright/test";
import { expectNoErrorOverlay, login, port, shot, sql } from "./helpers";

const site = () => `http://ana.localhost:${port()}`;

test("a visitor writes to Ana from ana.localhost (pt-BR); staff find the incident with its SLA due time, reply (outbox) and link an FAQ", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(site());
  await page.getByTestId("site-contact-link").click();
  await expect(page).toHaveURL(/\/contato$/);
  await expect(page.getByRole("heading", { name: "Fale com Ana Souza" })).toBeVisible();

  // Bad input first: every field says what is wrong, in Portuguese, and nothing is stored.
  await page.getByLabel("Seu e-mail").fill("carla@");
  await page.getByLabel("Assunto").fill("Oi");
  await page.getByLabel("Mensagem").fill("curta");
  await page.getByTestId("contact-submit").click();
  await expect(page.getByText("Campo obrigatório.")).toBeVisible();
  await expect(page.getByText("Informe um e-mail válido.")).toBeVisible();
  await expect(page.getByText("O assunto deve ter de 3 a 200 caracteres.")).toBeVisible();
  await expect(page.getByText("A mensagem deve ter de 10 a 5.000 caracteres.")).toBeVisible();
  await shot(page, "contact-site-errors-pt");

  await page.getByLabel("Seu nome").fill("Carla Mendes");
  await page.getByLabel("Seu e-mail").fill("carla.mendes@exemplo.com");
  await page.getByLabel("Assunto").fill("Não recebi o boleto");
  // Typing the subject suggests the published article that answers it.
  const suggestions = page.getByTestId("faq-suggestions");
  await expect(suggestions.getByText("Não recebi o boleto do meu pedido")).toBeVisible();
  await suggestions.getByText("Não recebi o boleto do meu pedido").click();
  await expect(suggestions.getByText(/O boleto é enviado para o e-mail/)).toBeVisible();
  await page.getByLabel("Mensagem").fill("Fiz um pedido ontem pelo site da Ana e o boleto não chegou.\nPodem reenviar?");
  await shot(page, "contact-site-suggestions-pt");
  await page.getByTestId("contact-submit").click();
  const sent = page.getByTestId("contact-sent");
  await expect(sent).toContainText(/Obrigado, Carla Mendes! Registramos seu chamado INC-\d{6}/);
  await shot(page, "contact-site-sent-pt");
  const number = (await sent.textContent())!.match(/INC-\d{6}/)![0];

  const db = sql();
  try {
    const [incident] = await db`select i.source, i.requester_email, c.site_slug from incidents i join consultants c on c.id = i.concerns_consultant_id where i.number = ${number}`;
    expect(incident).toEqual({ source: "site_form", requester_email: "carla.mendes@exemplo.com", site_slug: "ana" });
    const mails = await db`select template, to_address from email_outbox where props->>'number' = ${number} order by id`;
    expect(mails).toEqual([
      { template: "contact-received", to_address: "carla.mendes@exemplo.com" },
      { template: "contact-site-notice", to_address: "ana@rede.test" },
    ]);
  } finally {
    await db.end();
  }
  await expectNoErrorOverlay(page);

  // Staff: the incident is in the list with its SLA due time, concerning Ana.
  await login(page, "admin@rede.test");
  await page.goto("/admin/incidents");
  await page.getByTestId("incidents-search").fill(number);
  const row = page.locator("tr", { has: page.getByTestId(`incident-open-${number}`) });
  await expect(row.getByTestId("incident-due")).toHaveText(/\d{2}\/\d{2}\/\d{4}/);
  // The list re-renders as the debounced search settles: a click on a row being replaced is retried.
  await expect(async () => {
    await page.getByTestId(`incident-open-${number}`).click();
    await page.waitForURL(/\/admin\/incidents\/\d+$/, { timeout: 3_000 });
  }).toPass();
  await expect(page.getByTestId("incident-requester")).toContainText("carla.mendes@exemplo.com");
  await expect(page.getByTestId("sla-first-response-due")).toContainText(/Vence \d{2}\/\d{2}\/\d{4}/);

  // Reply to Carla.
  await page.getByTestId("incident-reply-body").fill("Olá, Carla! Reenviamos o boleto para o seu e-mail; ele vence em 3 dias.");
  await page.getByTestId("incident-reply-send").click();
  await expect(page.getByTestId("incident-reply-message")).toBeVisible();

  // Link the FAQ that answers it: search, link, listed; the search no longer offers it.
  const faqs = page.getByTestId("linked-faqs");
  await expect(faqs).toContainText("Nenhuma FAQ vinculada a este incidente.");
  await faqs.getByTestId("faq-link-search").fill("boleto");
  await faqs.getByRole("button", { name: "Vincular: Não recebi o boleto do meu pedido" }).click();
  await expect(faqs.getByRole("link", { name: "Não recebi o boleto do meu pedido" })).toBeVisible();
  await expect(faqs.getByRole("button", { name: "Vincular: Não recebi o boleto do meu pedido", exact: true })).toHaveCount(0);
  await shot(page, "contact-incident-linked-faq-pt");

  // The reply waits in the outbox, to Carla, beside her confirmation.
  await page.goto("/admin/outbox");
  await page.getByTestId("outbox-recipient").fill("carla.mendes@exemplo.com");
  await expect(page.getByRole("button").filter({ hasText: `Recebemos sua mensagem (${number})` })).toBeVisible(); // her confirmation
  await page.getByRole("button").filter({ hasText: `[${number}]` }).click();
  const mail = page.frameLocator("[data-testid=outbox-iframe]");
  await expect(mail.getByText("Reenviamos o boleto para o seu e-mail", { exact: false })).toBeVisible();
  await shot(page, "contact-outbox-reply-pt");
});

test("the same form in Spanish answers in Spanish", async ({ page }) => {
  await page.goto(`${site()}/contato?lang=es`);
  await expect(page.getByRole("heading", { name: "Hable con Ana Souza" })).toBeVisible();
  await page.getByLabel("Su nombre").fill("Lucía");
  await page.getByLabel("Su correo").fill("lucia@ejemplo");
  await page.getByLabel("Asunto").fill("Olvidé mi contraseña");
  await expect(page.getByTestId("faq-suggestions").getByText("Olvidé mi contraseña. ¿Cómo ingreso?")).toBeVisible();
  await page.getByLabel("Mensaje").fill("corto");
  await page.getByTestId("contact-submit").click();
  await expect(page.getByText("Ingresa un correo válido.")).toBeVisible();
  await expect(page.getByText("El mensaje debe tener de 10 a 5.000 caracteres.")).toBeVisible();
  await shot(page, "contact-site-errors-es");
});

test("the corporate FAQ: categories, search and an article, in pt-BR and in English; drafts stay private", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Perguntas frequentes" }).click();
  await expect(page.getByRole("heading", { name: "Perguntas frequentes" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Pedidos e entregas" })).toBeVisible();
  await expect(page.getByText("Rascunho: política interna de bônus")).toHaveCount(0);
  await shot(page, "faq-index-pt");
  await page.getByPlaceholder("Buscar nas perguntas frequentes").fill("prazo entrega");
  await page.getByRole("button", { name: "Buscar" }).click();
  await expect(page.getByTestId("faq-results")).toContainText("Qual é o prazo de entrega do meu pedido?");
  await page.getByRole("link", { name: "Qual é o prazo de entrega do meu pedido?" }).click();
  await expect(page.getByTestId("faq-title")).toHaveText("Qual é o prazo de entrega do meu pedido?");
  await shot(page, "faq-article-pt");
  expect((await page.goto("/faq/politica-interna-de-bonus"))?.status()).toBe(404);

  await page.goto("/faq/prazo-de-entrega?lang=en");
  await expect(page.getByTestId("faq-title")).toHaveText("How long does delivery take?");
  await page.goto("/faq?lang=en&q=nothing%20like%20this");
  await expect(page.getByText("No questions found for “nothing like this”.")).toBeVisible();
  await page.goto("/faq?lang=en");
  await shot(page, "faq-index-en");
});

test("support writes an FAQ in two languages and publishes it; it shows on the public FAQ", async ({ page }) => {
  await login(page, "suporte@rede.test");
  await page.goto("/admin/knowledge");
  await expect(page.getByTestId("article-esqueci-minha-senha")).toBeVisible();
  await page.getByTestId("knowledge-search").fill("devolução");
  await expect(page.getByTestId("article-troca-de-produto")).toBeVisible();
  await expect(page.getByTestId("article-esqueci-minha-senha")).toHaveCount(0);
  await shot(page, "admin-knowledge-list-pt");

  await page.getByTestId("new-article").click();
  await page.getByTestId("article-category").selectOption({ label: "Pedidos e entregas" });
  await page.getByTestId("article-slug").fill("Frete Grátis");
  await page.getByTestId("article-title").fill("Vocês têm frete grátis?");
  await page.getByTestId("tab-en").click();
  await page.getByTestId("article-title").fill("Is shipping free?");
  await page.getByTestId("article-save").click();
  await expect(page.getByText("Use letras minúsculas, números e hífens (ex.: trocar-senha).")).toBeVisible();
  await page.getByTestId("tab-pt-BR").click();
  await expect(page.getByText("A resposta deve ter ao menos 10 caracteres.")).toBeVisible();
  await shot(page, "admin-knowledge-errors-pt");
  await page.getByTestId("article-slug").fill("frete-gratis");
  await page.getByTestId("article-body").fill("Sim, para pedidos acima de R$ 150,00 o frete é grátis em todo o Brasil.");
  await page.getByTestId("tab-en").click();
  await page.getByTestId("article-body").fill("Yes: orders over R$ 150.00 ship free anywhere in Brazil.");
  await page.getByTestId("article-published").check();
  await shot(page, "admin-knowledge-edit-en");
  await page.getByTestId("article-save").click();
  await expect(page).toHaveURL(/\/admin\/knowledge\/\d+\?created=1/);
  await expect(page.getByText("Artigo salvo.")).toBeVisible();

  await page.goto("/faq/frete-gratis?lang=en");
  await expect(page.getByTestId("faq-title")).toHaveText("Is shipping free?");
  await page.goto("/faq/frete-gratis?lang=es"); // no Spanish version: the Portuguese one
  await expect(page.getByTestId("faq-title")).toHaveText("Vocês têm frete grátis?");
});

test("the corporate contact form in English: a message becomes an incident that concerns no consultant", async ({ page, baseURL }) => {
  await page.context().addCookies([{ name: "rede_locale", value: "en", url: baseURL! }]);
  await page.goto("/");
  await page.getByTestId("home-contact-link").click();
  await expect(page.getByRole("heading", { name: "Contact us" })).toBeVisible();
  await page.getByLabel("Your name").fill("John Miller");
  await page.getByLabel("Your e-mail").fill("john.miller@example.com");
  await page.getByLabel("Subject").fill("Becoming a consultant");
  await expect(page.getByTestId("faq-suggestions").getByText("How do I become a consultant?")).toBeVisible();
  await page.getByLabel("Message").fill("Hello, I live in Porto Alegre and would like to join. Who can invite me?");
  await page.getByTestId("contact-submit").click();
  await expect(page.getByTestId("contact-sent")).toContainText(/Thank you, John Miller! We logged your ticket INC-\d{6}/);
  await shot(page, "contact-corporate-sent-en");
  const number = (await page.getByTestId("contact-sent").textContent())!.match(/INC-\d{6}/)![0];
  const db = sql();
  try {
    const [incident] = await db`select source, concerns_consultant_id, locale from incidents where number = ${number}`;
    expect(incident).toEqual({ source: "contact_form", concerns_consultant_id: null, locale: "en" });
  } finally {
    await db.end();
  }
});

test("one address writing again and again is stopped with a clear message in the visitor's language (es)", async ({ page }) => {
  await page.goto(`${site()}/contato?lang=es`);
  // The per-address allowance is 5 an hour; earlier tests used some of it from this same address.
  for (let i = 0; i < 6; i++) {
    await page.getByLabel("Su nombre").fill("Marta Gómez");
    await page.getByLabel("Su correo").fill("marta@ejemplo.com");
    await page.getByLabel("Asunto").fill(`Consulta número ${i + 1}`);
    await page.getByLabel("Mensaje").fill("Quisiera saber si hay envíos a Montevideo.");
    await page.getByTestId("contact-submit").click();
    const outcome = await Promise.race([
      page.getByTestId("contact-sent").waitFor().then(() => "sent" as const),
      page.getByTestId("contact-error").waitFor().then(() => "limited" as const),
    ]);
    if (outcome === "limited") break;
    await page.getByRole("button", { name: "Enviar otro mensaje" }).click();
  }
  await expect(page.getByTestId("contact-error")).toHaveText("Envió demasiados mensajes en poco tiempo. Inténtelo de nuevo en unos minutos.");
  // Nothing was lost from the form: the visitor can copy the message and try later.
  await expect(page.getByLabel("Mensaje")).toHaveValue("Quisiera saber si hay envíos a Montevideo.");
  await shot(page, "contact-site-limited-es");
});

test("a consultant opening an incident in the portal is offered the FAQ that may answer it", async ({ page }) => {
  await login(page, "ana@rede.test");
  await page.goto("/portal/incidents/new");
  await page.getByTestId("incident-subject").fill("Como troco um produto com defeito?");
  const suggestions = page.getByTestId("faq-suggestions");
  await expect(suggestions.getByText("Como solicito a troca ou devolução de um produto?")).toBeVisible();
  await suggestions.getByText("Como solicito a troca ou devolução de um produto?").click();
  await expect(suggestions.getByRole("link", { name: /Ler o artigo/ })).toHaveAttribute("href", "/faq/troca-de-produto");
  await shot(page, "portal-incident-faq-suggestion-pt");
});
