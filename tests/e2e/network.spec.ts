import { expect, test } from "@playwright/test";
import { login, shot, sql } from "./helpers";

test("staff searches a consultant, opens the tree and expands a node", async ({ page }) => {
  await login(page, "admin@rede.test");
  await page.goto("/admin/network");
  await expect(page.getByRole("heading", { name: "Consultores" })).toBeVisible();
  await page.getByTestId("downline-text").fill("ana souza");
  await expect(page.getByTestId("consultant-RD000002")).toBeVisible();
  await shot(page, "network-list");

  await page.goto("/admin/network/tree");
  const root = page.getByTestId("node-1");
  await expect(root).toBeVisible();
  // The root starts open; Ana is one of its children.
  await page.getByRole("button", { name: "Expandir Ana Souza" }).click();
  await expect(page.getByRole("button", { name: "Recolher Ana Souza" })).toBeVisible();
  await expect(page.getByTestId("node-3")).toBeVisible();
  await shot(page, "network-tree");

  // Reveal the path to someone deep in Ana's line.
  const db = sql();
  const [deep] = await db`select c.full_name, c.code from consultants c join genealogy g on g.consultant_id = c.id
    where g.sponsor_depth = 12 order by c.id limit 1`;
  await db.end();
  await page.getByTestId("tree-search").fill(deep!.code);
  await page.getByRole("option", { name: new RegExp(deep!.full_name) }).first().click();
  await expect(page.locator("[aria-selected=true]").getByText(deep!.full_name)).toBeVisible();
  await shot(page, "network-tree-reveal");
});

test("a consultant sees their own network, never above themselves", async ({ page }) => {
  await login(page, "ana@rede.test");
  await page.goto("/portal/network");
  await expect(page.getByTestId("node-2")).toBeVisible();
  await expect(page.getByText("Helena Prado")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Recolher Ana Souza" })).toBeVisible();
  const firstChild = page.getByTestId("node-3");
  await firstChild.getByRole("button", { name: /^Expandir/ }).click();
  await expect(page.getByTestId("node-4")).toBeVisible();
  await shot(page, "portal-network");
});

test("staff drafts, previews and commits a move, and the tree shows it", async ({ page }) => {
  const db = sql();
  // A consultant in Ana's line with a small downline of their own, moved under Bruno.
  const [mover] = await db`select c.id, c.code, c.full_name, g.downline_size from consultants c join genealogy g on g.consultant_id = c.id
    join consultants s on s.id = c.sponsor_id where s.code = 'RD000002' and g.downline_size between 1 and 20 order by c.id limit 1`;
  await login(page, "admin@rede.test");
  await page.goto("/admin/network/moves");

  await page.getByTestId("move-consultant").fill(mover!.code);
  await page.getByRole("option", { name: new RegExp(mover!.full_name) }).first().click();
  await page.getByTestId("move-sponsor").fill("RD000017");
  await page.getByRole("option", { name: /Bruno Almeida/ }).click();
  await page.getByTestId("move-note").fill("Pedido da própria consultora");
  await page.getByTestId("move-draft").click();

  await page.getByTestId("move-preview").click();
  await expect(page.getByTestId("move-effects")).toContainText(`${mover!.downline_size + 1} consultores mudam de lugar`);
  await shot(page, "network-move-preview");
  const [before] = await db`select sponsor_id from consultants where id = ${mover!.id}`;
  expect(before!.sponsor_id).not.toBe(17);

  await page.getByTestId("move-commit").click();
  await page.getByTestId("move-confirm").click();
  await expect(page.getByText("Transferência confirmada.")).toBeVisible();
  await shot(page, "network-move-committed");
  const [after] = await db`select c.sponsor_id, s.code from consultants c join consultants s on s.id = c.sponsor_id where c.id = ${mover!.id}`;
  expect(after!.code).toBe("RD000017");
  await db.end();

  // The tree now shows the mover under Bruno.
  await page.goto("/admin/network/tree");
  await page.getByTestId("tree-search").fill(mover!.code);
  await page.getByRole("option", { name: new RegExp(mover!.full_name) }).first().click();
  await expect(page.getByTestId("node-17").getByTestId(`node-${mover!.id}`)).toBeVisible();
  await shot(page, "network-tree-after-move");
});
