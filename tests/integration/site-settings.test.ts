import { and, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, consultants, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { loadActiveUser } from "@/server/auth/users";
import { getPublicSite } from "@/server/sites/site";
import { createCaller } from "@/server/trpc/root";
import { contextFor, countRows, failureOf } from "./admin-helpers";
import { createTestDatabase } from "./db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;

async function as(email: string) {
  const [row] = await db.select({ id: users.id, consultantId: users.consultantId }).from(users).where(eq(users.email, email));
  const revalidateSite = vi.fn<(slug: string) => void>();
  const ctx = { ...contextFor(db, await loadActiveUser(db, row!.id)), revalidateSite };
  return { api: createCaller(ctx), ctx, revalidateSite, userId: row!.id, consultantId: row!.consultantId! };
}

async function siteOf(consultantId: number) {
  const [row] = await db
    .select({ siteName: consultants.siteName, siteSlug: consultants.siteSlug, siteWelcome: consultants.siteWelcome })
    .from(consultants)
    .where(eq(consultants.id, consultantId));
  return row!;
}

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  await seedDemo(db, { size: 300 });
});

afterAll(async () => t?.drop());

describe("portal.updateSite", () => {
  it("saves normalised settings, audits before/after and drops the old and new cached pages", async () => {
    const ana = await as("ana@rede.test");
    const before = await siteOf(ana.consultantId);
    expect(before.siteSlug).toBe("ana");
    expect(await ana.api.portal.site()).toEqual(before);

    const result = await ana.api.portal.updateSite({ siteName: "  Ana Beleza ", siteSlug: " Ana-Beleza ", siteWelcome: " Bem-vindas! " });

    const after = { siteName: "Ana Beleza", siteSlug: "ana-beleza", siteWelcome: "Bem-vindas!" };
    expect(result).toEqual({ siteSlug: "ana-beleza" });
    expect(await siteOf(ana.consultantId)).toEqual(after);
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "site.update"), eq(auditLog.entityId, String(ana.consultantId))));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorUserId: ana.userId, entityType: "consultant", before, after });
    expect(ana.revalidateSite.mock.calls).toEqual([["ana"], ["ana-beleza"]]);
    // The public site follows the new address at once.
    expect(await getPublicSite(db, "ana")).toBeNull();
    expect(await getPublicSite(db, "ana-beleza")).toMatchObject({ siteName: "Ana Beleza", fullName: "Ana Souza", welcome: "Bem-vindas!" });
  });

  it("drops the cached page once when the address does not change", async () => {
    const ana = await as("ana@rede.test");
    await ana.api.portal.updateSite({ siteName: "Ana Beleza", siteSlug: "ana-beleza", siteWelcome: "" });
    expect(ana.revalidateSite.mock.calls).toEqual([["ana-beleza"]]);
    expect((await siteOf(ana.consultantId)).siteWelcome).toBe("");
  });

  it("refuses bad input field by field, translated, writing nothing", async () => {
    const ana = await as("ana@rede.test");
    const before = await siteOf(ana.consultantId);
    const audits = await countRows(db, "audit_log");

    const failure = await failureOf(
      ana.api.portal.updateSite({ siteName: "   ", siteSlug: "ab", siteWelcome: "x".repeat(2001) }),
      ana.ctx,
    );
    expect(failure.message).toBe("Confira os campos destacados.");
    expect(failure.data).toMatchObject({ code: "BAD_REQUEST", httpStatus: 400 });
    expect(failure.data.fieldErrors).toEqual({
      siteName: ["Campo obrigatório."],
      siteSlug: ["Use de 3 a 40 letras minúsculas, números ou hífens, começando por uma letra."],
      siteWelcome: ["Use no máximo 2.000 caracteres."],
    });

    const reserved = await failureOf(ana.api.portal.updateSite({ siteName: "Ana", siteSlug: "Admin", siteWelcome: "" }), ana.ctx);
    expect(reserved.data.fieldErrors).toEqual({ siteSlug: ["Este endereço é reservado. Escolha outro."] });
    const long = await failureOf(ana.api.portal.updateSite({ siteName: "A".repeat(81), siteSlug: "ana-beleza", siteWelcome: "" }), ana.ctx);
    expect(long.data.fieldErrors).toEqual({ siteName: ["Use no máximo 80 caracteres."] });

    expect(await siteOf(ana.consultantId)).toEqual(before);
    expect(await countRows(db, "audit_log")).toBe(audits);
    expect(ana.revalidateSite).not.toHaveBeenCalled();
  });

  it("refuses a slug another consultant uses with CONFLICT on the field, writing nothing", async () => {
    const ana = await as("ana@rede.test");
    const before = await siteOf(ana.consultantId);
    const audits = await countRows(db, "audit_log");
    const taken = "Este endereço já está em uso por outro consultor.";

    for (const slug of ["bruno", "BRUNO "]) {
      const failure = await failureOf(ana.api.portal.updateSite({ siteName: "Ana", siteSlug: slug, siteWelcome: "" }), ana.ctx);
      expect(failure.message).toBe(taken);
      expect(failure.data).toMatchObject({ code: "CONFLICT", httpStatus: 409, fieldErrors: { siteSlug: [taken] } });
    }
    expect(await siteOf(ana.consultantId)).toEqual(before);
    expect(await countRows(db, "audit_log")).toBe(audits);
    expect(ana.revalidateSite).not.toHaveBeenCalled();
    expect((await getPublicSite(db, "bruno"))?.fullName).toBe("Bruno Almeida");
  });

  it("turns a lost race for a slug (the unique index decides) into the same CONFLICT, not a 500", async () => {
    const ana = await as("ana@rede.test");
    const bruno = await as("bruno@rede.test");
    // Bruno's transaction takes the slug but has not committed: Ana's pre-check cannot see it,
    // so her UPDATE waits on the unique index and fails once Bruno commits.
    const other = postgres(t.url, { max: 1, onnotice: () => {} });
    let commit!: () => void;
    let taken!: () => void;
    const slugTaken = new Promise<void>((r) => (taken = r));
    const brunoTx = other.begin(async (tx) => {
      await tx`update consultants set site_slug = 'corrida' where id = ${bruno.consultantId}`;
      taken();
      await new Promise<void>((r) => (commit = r));
    });
    await slugTaken;
    const anaSave = ana.api.portal.updateSite({ siteName: "Ana", siteSlug: "corrida", siteWelcome: "" }).catch((e: unknown) => e);
    for (let i = 0; i < 200 && (await countRows(db, "pg_locks where not granted")) === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(await countRows(db, "pg_locks where not granted")).toBeGreaterThan(0);
    commit();
    await brunoTx;
    await other.end();

    const failure = await failureOf(Promise.reject(await anaSave), ana.ctx);
    expect(failure).toMatchObject({
      message: "Este endereço já está em uso por outro consultor.",
      data: { code: "CONFLICT", fieldErrors: { siteSlug: ["Este endereço já está em uso por outro consultor."] } },
    });
    expect((await siteOf(ana.consultantId)).siteSlug).toBe("ana-beleza");
    expect(ana.revalidateSite).not.toHaveBeenCalled();
  });
});

describe("audit_log", () => {
  it("is append-only: UPDATE, DELETE and TRUNCATE are refused by the database", async () => {
    const n = await countRows(db, "audit_log");
    expect(n).toBeGreaterThan(0);
    await expect(db.execute(sql`update audit_log set action = 'forged'`)).rejects.toMatchObject({
      cause: { message: expect.stringContaining("audit_log is append-only") },
    });
    await expect(db.execute(sql`delete from audit_log`)).rejects.toMatchObject({
      cause: { message: expect.stringContaining("audit_log is append-only") },
    });
    await expect(db.execute(sql`truncate audit_log`)).rejects.toThrow();
    expect(await countRows(db, "audit_log")).toBe(n);
    expect(await countRows(db, "audit_log where action = 'forged'")).toBe(0);
  });
});

describe("getPublicSite", () => {
  it("returns an active consultant's site", async () => {
    // Bruno took "corrida" in the race above.
    expect(await getPublicSite(db, "corrida")).toMatchObject({ slug: "corrida", fullName: "Bruno Almeida", email: "bruno@rede.test", locale: "pt-BR" });
    expect(await getPublicSite(db, "bruno")).toBeNull();
  });

  it("returns null for unknown slugs", async () => {
    expect(await getPublicSite(db, "ninguem-aqui")).toBeNull();
    expect(await getPublicSite(db, "")).toBeNull();
  });

  it("returns null for inactive and terminated consultants", async () => {
    for (const status of ["inactive", "terminated"] as const) {
      const [row] = await db
        .select({ id: consultants.id, slug: consultants.siteSlug })
        .from(consultants)
        .where(eq(consultants.status, "active"))
        .orderBy(sql`id desc`)
        .limit(1);
      expect(await getPublicSite(db, row!.slug!)).not.toBeNull();
      await db.update(consultants).set({ status }).where(eq(consultants.id, row!.id));
      expect(await getPublicSite(db, row!.slug!)).toBeNull();
    }
  });
});
