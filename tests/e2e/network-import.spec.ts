import { expect, test, type Page } from "@playwright/test";
import { login, shot, sql } from "./helpers";

/**
 * The network CSV import screen. The e2e database holds the demo network, so a valid file can be
 * validated but not written (the writer fills an empty network only): the write itself is covered
 * by tests/integration/network-import-router.test.ts.
 */
const HEADER = "code,name,email,document_type,document,sponsor_code,placement_code,leg,country,state,city,joined_at,status";
const BAD = [
  HEADER,
  "IMP1,Raiz Importada,raiz.imp@x.test,CPF,529.982.247-25,,,,BR,SP,São Paulo,2024-01-01,active",
  "IMP2,Filha Importada,filha.imp@x.test,CPF,529.982.247-26,IMP1,,,BR,SP,São Paulo,2024-01-02,active",
  "IMP3,Neta Importada,neta.imp@x.test,CPF,987.654.321-00,ZZ9,,,BR,SP,São Paulo,2024-01-03,active",
].join("\n");
const VALID = [
  HEADER,
  "VAL1,Raiz Válida,raiz.val@x.test,CPF,529.982.247-25,,,,BR,SP,São Paulo,2024-01-01,active",
  "VAL2,Filha Válida,filha.val@x.test,CPF,987.654.321-00,VAL1,VAL1,L,BR,SP,São Paulo,2024-01-02,active",
].join("\n");

async function asLocale<T>(email: string, locale: string, body: () => Promise<T>) {
  const db = sql();
  const [before] = await db`select locale from users where email = ${email}`;
  await db`update users set locale = ${locale} where email = ${email}`;
  try {
    return await body();
  } finally {
    await db`update users set locale = ${before!.locale} where email = ${email}`;
    await db.end();
  }
}

async function uploadFile(page: Page, name: string, content: string | Buffer) {
  await page.getByTestId("import-file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });
  await page.getByTestId("import-submit").click();
}

test("a bad file is rejected with the line, column, value and reason in pt-BR, and nothing is written", async ({ page }) => {
  await asLocale("admin@rede.test", "pt-BR", async () => {
    const db = sql();
    const [before] = await db`select count(*)::int as n from consultants`;
    await login(page, "admin@rede.test");
    await page.goto("/admin/network");
    await expect(page.getByRole("navigation").getByRole("link", { name: "Importar rede" })).toBeVisible();
    await page.getByTestId("network-import-link").click();
    await expect(page).toHaveURL(/\/admin\/network\/import$/);
    await expect(page.getByText("A gravação só importa uma rede inteira para uma rede vazia", { exact: false })).toBeVisible();

    // A workbook renamed to .csv is recognised by the server, which answers in the user's language.
    await uploadFile(page, "planilha.csv", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]));
    await expect(page.getByTestId("import-upload-error")).toContainText("Isto é uma planilha do Excel, não um CSV.");
    await shot(page, "network-import-spreadsheet-pt-BR");

    await uploadFile(page, "rede-com-erros.csv", BAD);
    await expect(page).toHaveURL(/\/admin\/network\/import\/\d+$/);
    await expect(page.getByTestId("import-status")).toHaveAttribute("data-status", "rejected");
    await expect(page.getByTestId("import-rejected")).toContainText("2 erro(s) encontrado(s); nada foi gravado.");
    const rows = page.getByTestId("import-report").locator("tbody tr");
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toHaveText(/^3\s*document\s*529\.982\.247-26\s*Este número de CPF não existe \(os dígitos verificadores não conferem\)\.$/);
    await expect(rows.nth(1)).toHaveText(/^4\s*sponsor_code\s*ZZ9\s*O patrocinador ZZ9 não está no arquivo nem é um consultor existente\.$/);
    await expect(page.getByTestId("import-write")).toHaveCount(0);
    await shot(page, "network-import-rejected-pt-BR");

    const [after] = await db`select count(*)::int as n from consultants`;
    expect(after!.n).toBe(before!.n);
    await db.end();

    // The list shows it, rejected, with its error count.
    await page.getByRole("link", { name: "Voltar às importações" }).click();
    await expect(page.getByTestId("import-list")).toContainText("rede-com-erros.csv");
    await expect(page.getByTestId("import-list").locator("tbody tr").first()).toContainText("Recusado");
    await shot(page, "network-import-list-pt-BR");
  });
});

test("in Spanish: the report is translated, and a valid file says why it cannot be written here", async ({ page }) => {
  await asLocale("gestor@rede.test", "es", async () => {
    await login(page, "gestor@rede.test");
    await page.goto("/admin/network/import");
    await expect(page.getByRole("heading", { name: "Importar red", level: 1 })).toBeVisible();

    await uploadFile(page, "red-con-errores.csv", BAD);
    await expect(page).toHaveURL(/\/admin\/network\/import\/\d+$/);
    await expect(page.getByTestId("import-status")).toHaveAttribute("data-status", "rejected");
    const rows = page.getByTestId("import-report").locator("tbody tr");
    await expect(rows.nth(0)).toHaveText(/^3\s*document\s*529\.982\.247-26\s*Este número de CPF no existe \(los dígitos verificadores no coinciden\)\.$/);
    await expect(rows.nth(1)).toHaveText(/^4\s*sponsor_code\s*ZZ9\s*El patrocinador ZZ9 no está en el archivo ni es un consultor existente\.$/);
    await shot(page, "network-import-rejected-es");

    await page.goto("/admin/network/import");
    await uploadFile(page, "red-valida.csv", VALID);
    await expect(page).toHaveURL(/\/admin\/network\/import\/\d+$/);
    await expect(page.getByTestId("import-status")).toHaveAttribute("data-status", "valid");
    await expect(page.getByTestId("import-valid")).toContainText("2 consultores listos para grabar.");
    await expect(page.getByTestId("import-not-empty")).toHaveText(
      "La red ya tiene consultores, así que este archivo no se puede grabar: la importación solo graba una red completa en una red vacía.",
    );
    await expect(page.getByTestId("import-write")).toBeDisabled();
    await shot(page, "network-import-valid-not-empty-es");

    await page.getByTestId("import-discard").click();
    await page.getByTestId("import-discard-confirm").click();
    await expect(page).toHaveURL(/\/admin\/network\/import$/);
    await expect(page.getByTestId("import-list").locator("tbody tr").first()).toContainText("red-valida.csv");
    await expect(page.getByTestId("import-list").locator("tbody tr").first()).toContainText("Descartado");
  });
});

test("staff without network.edit can neither open the screen nor upload", async ({ page }) => {
  await login(page, "financeiro@rede.test");
  await page.goto("/admin/network/import");
  await expect(page.getByRole("heading", { name: "Acesso negado" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Importar rede" })).toHaveCount(0);
  const origin = new URL(page.url()).origin;
  const res = await page.request.post("/api/network/import?name=rede.csv", { data: BAD, headers: { "content-type": "text/csv", origin } });
  expect(res.status()).toBe(403);
  expect((await res.json()).error.message).toBeTruthy();
});
