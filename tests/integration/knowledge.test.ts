import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { faqArticles, incidentFaqs, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { createIncident } from "@/server/incidents/create";
import { callerAs, contextFor, failureOf } from "./admin-helpers";
import { createTestDatabase } from "./db";
import { appRouter } from "@/server/trpc/root";
import { createCallerFactory } from "@/server/trpc/init";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let support: Awaited<ReturnType<typeof callerAs>>;
let consultant: Awaited<ReturnType<typeof callerAs>>;
const anonymous = () => createCallerFactory(appRouter)(contextFor(db, null));

async function userId(email: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row!.id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  await seedDemo(db, { size: 40, commerce: false });
  support = await callerAs(db, await userId("suporte@rede.test"));
  consultant = await callerAs(db, await userId("ana@rede.test"));
});
afterAll(async () => t?.drop());

const pt = (title: string, body: string) => ({ "pt-BR": { title, body } });

describe("knowledge base administration", () => {
  it("creates a category and an article in two locales, lists and reads it back", async () => {
    const category = await support.api.knowledge.createCategory({ slug: "pagamentos", name: { "pt-BR": "Pagamentos", en: "Payments" } });
    const { id } = await support.api.knowledge.create({
      categoryId: category.id,
      slug: "pix-aceito",
      published: true,
      translations: { ...pt("Vocês aceitam Pix?", "Sim, o Pix é aceito em todos os pedidos feitos pelo site."), en: { title: "Do you accept Pix?", body: "Yes, Pix is accepted on every order placed on the site." } },
    });
    const article = await support.api.knowledge.get({ id });
    expect(article.translations.en.title).toBe("Do you accept Pix?");
    expect(article.translations.es).toEqual({ title: "", body: "" });
    const list = await support.api.knowledge.list({ categoryId: category.id, locale: "en" });
    expect(list.rows.map((r) => [r.slug, r.title, r.locales])).toEqual([["pix-aceito", "Do you accept Pix?", ["pt-BR", "en"]]]);
    const cats = await support.api.knowledge.categories();
    expect(cats.map((c) => [c.slug, c.articles, c.published])).toEqual([
      ["conta-e-acesso", 2, 2],
      ["pagamentos", 1, 1], // position 0 like the first seeded one, then by id
      ["pedidos-e-entregas", 3, 3],
      ["negocio", 2, 1],
    ]);
  });

  it("refuses a half-written locale, a missing pt-BR version and a taken address, writing nothing", async () => {
    const [cat] = await support.api.knowledge.categories();
    const half = await failureOf(
      support.api.knowledge.create({ categoryId: cat!.id, slug: "meia-traducao", translations: { ...pt("Pergunta completa", "Uma resposta completa aqui."), es: { title: "Pregunta", body: "" } } }),
      support.ctx,
    );
    expect(half.data.fieldErrors).toEqual({ "translations.es.body": ["A resposta deve ter ao menos 10 caracteres."] });
    const noPt = await failureOf(support.api.knowledge.create({ categoryId: cat!.id, slug: "sem-portugues", translations: { "pt-BR": { title: "", body: "" } } }), support.ctx);
    expect(Object.keys(noPt.data.fieldErrors ?? {}).sort()).toEqual(["translations.pt-BR.body", "translations.pt-BR.title"]);
    const taken = await failureOf(support.api.knowledge.create({ categoryId: cat!.id, slug: "esqueci-minha-senha", translations: pt("Outra pergunta", "Outra resposta qualquer.") }), support.ctx);
    expect(taken).toMatchObject({ message: "Este endereço já está em uso.", data: { code: "CONFLICT", fieldErrors: { slug: ["Este endereço já está em uso."] } } });
    const badSlug = await failureOf(support.api.knowledge.create({ categoryId: cat!.id, slug: "Com Espaço", translations: pt("Outra pergunta", "Outra resposta qualquer.") }), support.ctx);
    expect(badSlug.data.fieldErrors?.slug).toEqual(["Use letras minúsculas, números e hífens (ex.: trocar-senha)."]);
    const rows = await db.select({ slug: faqArticles.slug }).from(faqArticles);
    expect(rows.map((r) => r.slug)).not.toEqual(expect.arrayContaining(["meia-traducao"]));
    expect(rows.map((r) => r.slug)).not.toContain("sem-portugues");
  });

  it("updates an article (dropping a blank locale), unpublishes it, and keeps a used category", async () => {
    const { rows } = await support.api.knowledge.list({ q: "pix" });
    const id = rows[0]!.id;
    const before = await support.api.knowledge.get({ id });
    await support.api.knowledge.update({ id, categoryId: before.categoryId, slug: "pix", published: true, translations: pt("Vocês aceitam Pix?", "Sim, aceitamos Pix em todos os pedidos.") });
    expect((await support.api.knowledge.get({ id })).translations.en).toEqual({ title: "", body: "" });
    await support.api.knowledge.setPublished({ id, published: false });
    expect(await anonymous().knowledge.suggest({ q: "pix aceitam" })).toEqual([]);
    const inUse = await failureOf(support.api.knowledge.deleteCategory({ id: before.categoryId }), support.ctx);
    expect(inUse).toMatchObject({ data: { code: "CONFLICT" }, message: "A categoria ainda tem artigos (1); mova-os ou exclua-os antes." });
  });

  it("is closed to consultants and anonymous callers", async () => {
    expect((await failureOf(consultant.api.knowledge.list({}), consultant.ctx)).data.code).toBe("FORBIDDEN");
    expect((await failureOf(anonymous().knowledge.categories(), contextFor(db, null))).data.code).toBe("UNAUTHORIZED");
  });
});

describe("search and suggestions", () => {
  it("staff search folds accents and stems words, in any locale's version", async () => {
    const titles = async (q: string) => (await support.api.knowledge.list({ q })).rows.map((r) => r.slug);
    expect(await titles("cadástro")).toEqual(["esqueci-minha-senha", "alterar-dados-cadastrais", "como-me-tornar-consultor"]); // "cadastro", "cadastrais"
    expect(await titles("DADOS cadástrais")).toEqual(["alterar-dados-cadastrais"]);
    expect(await titles("senhas")).toEqual(["esqueci-minha-senha"]);
    expect(await titles("contraseña")).toEqual(["esqueci-minha-senha"]); // the es version
    expect(await titles("senha bônus")).toEqual([]); // every word must match
    expect(await titles("50%_")).toEqual([]);
  });

  it("suggests published articles only, in the reader's locale or else pt-BR, at most the limit", async () => {
    const api = anonymous();
    const pt1 = await api.knowledge.suggest({ q: "esqueci a senha", locale: "pt-BR" });
    expect(pt1[0]).toMatchObject({ slug: "esqueci-minha-senha", title: "Esqueci minha senha. Como faço para entrar?", locale: "pt-BR" });
    const es = await api.knowledge.suggest({ q: "olvidé contraseña", locale: "es" });
    expect(es[0]).toMatchObject({ slug: "esqueci-minha-senha", title: "Olvidé mi contraseña. ¿Cómo ingreso?" });
    // No English version of this one: the English reader gets pt-BR, matched with Portuguese stemming.
    const fallback = await api.knowledge.suggest({ q: "boleto", locale: "en" });
    expect(fallback.map((s) => [s.slug, s.locale])).toEqual([["boleto-nao-recebido", "pt-BR"]]);
    expect(await api.knowledge.suggest({ q: "política interna de bônus" })).toEqual([]); // a draft
    expect(await api.knowledge.suggest({ q: "pe" })).toEqual([]); // too short to mean anything
    const many = await api.knowledge.suggest({ q: "pedido produto senha site consultor cadastro entrega", limit: 2 });
    expect(many).toHaveLength(2);
    const tooMany = await failureOf(api.knowledge.suggest({ q: "senha", limit: 50 }), contextFor(db, null));
    expect(tooMany.data.code).toBe("BAD_REQUEST");
    const tooLong = await failureOf(api.knowledge.suggest({ q: "x".repeat(201) }), contextFor(db, null));
    expect(tooLong.data.code).toBe("BAD_REQUEST");
  });
});

describe("FAQs linked to an incident", () => {
  it("links, lists, refuses what does not exist, unlinks; a deleted article leaves no link", async () => {
    const incident = await db.transaction((tx) =>
      createIncident(tx, { subject: "Não consigo entrar", description: "Esqueci a senha do portal.", requester: { kind: "contact", name: "Carla", email: "carla@exemplo.com" }, source: "admin" }),
    );
    const [article] = await db.select({ id: faqArticles.id }).from(faqArticles).where(eq(faqArticles.slug, "esqueci-minha-senha"));
    const candidates = await support.api.knowledge.linkCandidates({ incidentId: incident.id, q: "senha" });
    expect(candidates.map((c) => c.id)).toEqual([article!.id]);
    expect(await support.api.knowledge.link({ incidentId: incident.id, articleId: article!.id })).toEqual({ linked: true });
    expect(await support.api.knowledge.link({ incidentId: incident.id, articleId: article!.id })).toEqual({ linked: false });
    expect((await support.api.knowledge.linked({ incidentId: incident.id })).map((l) => l.title)).toEqual(["Esqueci minha senha. Como faço para entrar?"]);
    expect(await support.api.knowledge.linkCandidates({ incidentId: incident.id, q: "senha" })).toEqual([]);

    expect((await failureOf(support.api.knowledge.link({ incidentId: 999_999, articleId: article!.id }), support.ctx)).data.code).toBe("NOT_FOUND");
    expect((await failureOf(support.api.knowledge.link({ incidentId: incident.id, articleId: 999_999 }), support.ctx)).data.code).toBe("NOT_FOUND");
    expect((await failureOf(consultant.api.knowledge.link({ incidentId: incident.id, articleId: article!.id }), consultant.ctx)).data.code).toBe("FORBIDDEN");
    expect((await failureOf(consultant.api.knowledge.linked({ incidentId: incident.id }), consultant.ctx)).data.code).toBe("FORBIDDEN");

    await support.api.knowledge.unlink({ incidentId: incident.id, articleId: article!.id });
    expect(await support.api.knowledge.linked({ incidentId: incident.id })).toEqual([]);
    expect((await failureOf(support.api.knowledge.unlink({ incidentId: incident.id, articleId: article!.id }), support.ctx)).data.code).toBe("NOT_FOUND");

    await support.api.knowledge.link({ incidentId: incident.id, articleId: article!.id });
    await support.api.knowledge.delete({ id: article!.id });
    expect(await db.select().from(incidentFaqs).where(eq(incidentFaqs.incidentId, incident.id))).toEqual([]);
  });
});
