import { expect, type Page } from "@playwright/test";
import postgres from "postgres";

export const PASSWORD = "demo1234";
export const port = () => process.env.E2E_PORT ?? "3000";

/** Direct database reads, to compare what a screen shows with the truth. */
export function sql() {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run through `npm test`");
  return postgres(url, { max: 1, onnotice: () => {} });
}

export async function login(page: Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel(/e-mail|correo/i).fill(email);
  await page.getByLabel(/senha|contraseña|password/i).fill(password);
  await page.getByRole("button", { name: /^(entrar|ingresar|sign in)$/i }).click();
  // Settled: either we left /login (signed in) or the form shows its error.
  await Promise.race([
    page.waitForURL((url) => !url.pathname.startsWith("/login")),
    formAlert(page).waitFor(),
  ]);
}

/** The form's own alert (Next adds an empty role=alert route announcer to every page). */
export function formAlert(page: Page) {
  return page.locator("main [role=alert]");
}

/** Screenshots land in tests/e2e/.screens (ignored by git) for a person to look at. */
export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `tests/e2e/.screens/${name}.png`, fullPage: true });
}

export async function expectNoErrorOverlay(page: Page) {
  await expect(page.locator("text=Application error")).toHaveCount(0);
}
