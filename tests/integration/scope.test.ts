import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { consultants, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { loadActiveUser } from "@/server/auth/users";
import { isSelfOrUpline } from "@/server/consultants/scope";
import { createCaller } from "@/server/trpc/root";
import { contextFor, failureOf, insertUser } from "./admin-helpers";
import { createTestDatabase } from "./db";

const OUT_OF_SCOPE = "Este consultor não está na sua rede.";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
/** Demo tree (db/seed.ts): Helena at the top; Ana and Bruno her direct recruits; a 14-deep line under Ana. */
const id = {} as Record<"helena" | "ana" | "deep" | "bruno" | "brunoChild" | "missing", number>;

async function consultantId(code: string) {
  const [row] = await db.select({ id: consultants.id }).from(consultants).where(eq(consultants.code, code));
  return row!.id;
}

async function as(email: string, locale: "pt-BR" | "es" = "pt-BR") {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  const ctx = { ...contextFor(db, await loadActiveUser(db, row!.id)), locale };
  return { api: createCaller(ctx), ctx };
}

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  await seedDemo(db, { size: 300 });
  id.helena = await consultantId("RD000001");
  id.ana = await consultantId("RD000002");
  id.deep = await consultantId("RD000016");
  id.bruno = await consultantId("RD000017");
  const [child] = await db.select({ id: consultants.id }).from(consultants).where(eq(consultants.sponsorId, id.bruno)).limit(1);
  id.brunoChild = child!.id;
  const [max] = await db.select({ n: sql<number>`max(id)::int` }).from(consultants);
  id.missing = max!.n + 1000;
});

afterAll(async () => t?.drop());

describe("a consultant's scope is self + sponsor downline", () => {
  it("lets Ana read her own card and a member 14 levels below her", async () => {
    const { api } = await as("ana@rede.test");
    expect(await api.consultants.card({ id: id.ana })).toMatchObject({ id: id.ana, code: "RD000002", fullName: "Ana Souza" });
    const deep = await api.consultants.card({ id: id.deep });
    expect(deep).toMatchObject({ id: id.deep, code: "RD000016" });
    const [depth] = await db.execute<{ n: number }>(sql`
      with recursive up(id, sponsor_id, n) as (
        select id, sponsor_id, 0 from consultants where id = ${id.deep}
        union all select c.id, c.sponsor_id, up.n + 1 from consultants c join up on c.id = up.sponsor_id)
      select n from up where id = ${id.ana}`);
    expect(depth!.n).toBe(14);
  });

  it.each([
    ["her sponsor (upline)", "helena"],
    ["Bruno (another branch)", "bruno"],
    ["a member of Bruno's downline", "brunoChild"],
    ["an id that does not exist", "missing"],
  ] as const)("refuses Ana %s with the same out-of-scope answer", async (_label, who) => {
    const { api, ctx } = await as("ana@rede.test");
    const failure = await failureOf(api.consultants.card({ id: id[who] }), ctx);
    // Identical for a missing id: the answer never reveals whether an id exists.
    expect(failure.message).toBe(OUT_OF_SCOPE);
    expect(failure.data).toMatchObject({ code: "FORBIDDEN", httpStatus: 403 });
    expect(failure.data.fieldErrors).toBeUndefined();
  });

  it("says it in the caller's language", async () => {
    const { api, ctx } = await as("ana@rede.test", "es");
    expect((await failureOf(api.consultants.card({ id: id.bruno }), ctx)).message).toBe("Este consultor no está en tu red.");
  });

  it("works the same way for Bruno, who cannot see Ana", async () => {
    const { api, ctx } = await as("bruno@rede.test");
    expect(await api.consultants.card({ id: id.brunoChild })).toMatchObject({ id: id.brunoChild });
    expect((await failureOf(api.consultants.card({ id: id.ana }), ctx)).data.code).toBe("FORBIDDEN");
  });

  it("agrees with the sponsor tree for every consultant", async () => {
    const rows = await db.select({ id: consultants.id, sponsorId: consultants.sponsorId }).from(consultants);
    const children = new Map<number, number[]>();
    for (const r of rows) if (r.sponsorId !== null) children.set(r.sponsorId, [...(children.get(r.sponsorId) ?? []), r.id]);
    const downline = new Set([id.ana]);
    for (const queue = [id.ana]; queue.length; ) for (const c of children.get(queue.pop()!) ?? []) queue.push(c), downline.add(c);
    expect(downline.size).toBeGreaterThan(30);
    expect(downline.size).toBeLessThan(rows.length);
    const seen = new Set<number>();
    for (const r of rows) if (await isSelfOrUpline(db, id.ana, r.id)) seen.add(r.id);
    expect([...seen].sort((a, b) => a - b)).toEqual([...downline].sort((a, b) => a - b));
  });

  it("refuses a consultant login that is not linked to a consultant record", async () => {
    const userId = await insertUser(db, { email: "sem.vinculo@rede.test", name: "Sem Vínculo", roles: ["consultant"] });
    const ctx = contextFor(db, await loadActiveUser(db, userId));
    const failure = await failureOf(createCaller(ctx).consultants.card({ id: id.ana }), ctx);
    expect(failure).toMatchObject({ message: OUT_OF_SCOPE, data: { code: "FORBIDDEN" } });
    const home = await failureOf(createCaller(ctx).portal.home(), ctx);
    expect(home.data.code).toBe("FORBIDDEN");
  });
});

describe("staff with network.read", () => {
  it.each(["admin@rede.test", "gestor@rede.test", "financeiro@rede.test", "suporte@rede.test", "marketing@rede.test"])(
    "%s reads anyone's card",
    async (email) => {
      const { api } = await as(email);
      expect(await api.consultants.card({ id: id.bruno })).toMatchObject({ fullName: "Bruno Almeida", sponsor: { id: id.helena } });
      expect(await api.consultants.card({ id: id.helena })).toMatchObject({ fullName: "Helena Prado", sponsor: null });
    },
  );

  it("gets NOT_FOUND for a missing id", async () => {
    const { api, ctx } = await as("gestor@rede.test");
    const failure = await failureOf(api.consultants.card({ id: id.missing }), ctx);
    expect(failure.message).toBe("Registro não encontrado.");
    expect(failure.data).toMatchObject({ code: "NOT_FOUND", httpStatus: 404 });
  });
});

describe("portal.home", () => {
  it("returns Ana's own card with her sponsor and direct downline count", async () => {
    const { api } = await as("ana@rede.test");
    const home = await api.portal.home();
    const [direct] = await db.execute<{ n: number }>(sql`select count(*)::int as n from consultants where sponsor_id = ${id.ana}`);
    expect(direct!.n).toBeGreaterThan(1);
    expect(home).toMatchObject({
      id: id.ana,
      code: "RD000002",
      fullName: "Ana Souza",
      email: "ana@rede.test",
      siteSlug: "ana",
      sponsor: { id: id.helena, code: "RD000001", fullName: "Helena Prado" },
      directDownline: direct!.n,
    });
  });

  it("returns Bruno's card to Bruno, not Ana's", async () => {
    const { api } = await as("bruno@rede.test");
    expect(await api.portal.home()).toMatchObject({ id: id.bruno, fullName: "Bruno Almeida" });
  });
});
