import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, compPlanVersions, periods, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { parsePlan } from "@/server/compensation/plan";
import { activePlanForPeriod, getPlanVersion } from "@/server/compensation/plan-store";
import { callerAs, failureOf } from "./admin-helpers";
import { createTestDatabase } from "./db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let admin: Awaited<ReturnType<typeof callerAs>>;
const period = {} as Record<"jan" | "feb" | "mar" | "closed", number>;

async function addPeriod(code: string, startsOn: string, endsOn: string, status: "open" | "closed" = "open") {
  const [row] = await db.insert(periods).values({ kind: "month", code, name: code, startsOn, endsOn, status }).returning({ id: periods.id });
  return row!.id;
}

/** The database's own message of a refused statement (drizzle wraps it). */
const dbError = (p: Promise<unknown>) => p.then(() => "no error", (e: { cause?: { message?: string }; message: string }) => e.cause?.message ?? e.message);
const versionRow = async (id: number) => (await db.select().from(compPlanVersions).where(eq(compPlanVersions.id, id)))[0]!;
const auditActions = async (id: number) =>
  (await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entityType, "comp_plan_version"), eq(auditLog.entityId, String(id))))).map((r) => r.action);

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  await seedDemo(db, { size: 30, commerce: false });
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.email, "admin@rede.test"));
  admin = await callerAs(db, u!.id);
  period.closed = await addPeriod("2029-12", "2029-12-01", "2029-12-31", "closed");
  period.jan = await addPeriod("2030-01", "2030-01-01", "2030-01-31");
  period.feb = await addPeriod("2030-02", "2030-02-01", "2030-02-28");
  period.mar = await addPeriod("2030-03", "2030-03-01", "2030-03-31");
});

afterAll(async () => {
  await t?.drop();
});

describe("plan versions", () => {
  it("the seed has plan 'rede' v1 active from the earliest period and v2 as a draft; v1 is in force for later periods", async () => {
    const list = await admin.api.plans.list();
    expect(list.map((r) => [r.planKey, r.version, r.status])).toEqual([
      ["rede", 2, "draft"],
      ["rede", 1, "active"],
    ]);
    const v1 = list.find((r) => r.version === 1)!;
    const inForce = await activePlanForPeriod(db, period.mar);
    expect(inForce?.id).toBe(v1.id);
    expect(inForce?.definition.bonuses.unilevel?.levelsBp[0]).toBe(1000);
    expect((await getPlanVersion(db, 999_999))).toBeNull();
  });

  it("only drafts are editable: the router refuses an active version in the user's language, and so does the database", async () => {
    const [v1] = await db.select().from(compPlanVersions).where(and(eq(compPlanVersions.planKey, "rede"), eq(compPlanVersions.version, 1)));
    const failure = await failureOf(admin.api.plans.updateDraft({ id: v1!.id, name: "x", effectiveFromPeriodId: null, definition: v1!.definition }), admin.ctx);
    expect(failure.data.code).toBe("CONFLICT");
    expect(failure.message).toBe("Somente rascunhos podem ser alterados; esta versão está ativa.");
    expect(await dbError(db.execute(sql`update comp_plan_versions set definition = '{"x":1}' where id = ${v1!.id}`))).toMatch(/only drafts are edited/);
    expect(await dbError(db.execute(sql`delete from comp_plan_versions where id = ${v1!.id}`))).toMatch(/only drafts are deleted/);
    expect(await dbError(db.execute(sql`update comp_plan_versions set status = 'draft' where id = ${v1!.id}`))).toMatch(/not allowed/);
    expect((await versionRow(v1!.id)).definition).toEqual(v1!.definition);
  });

  it("clone numbers the new draft after the key's last version; a new key starts at 1", async () => {
    const [v1] = await db.select().from(compPlanVersions).where(and(eq(compPlanVersions.planKey, "rede"), eq(compPlanVersions.version, 1)));
    const c = await admin.api.plans.clone({ id: v1!.id });
    expect(c.version).toBe(3); // v2 (the seeded draft) exists
    const again = await admin.api.plans.clone({ id: c.id });
    expect(again.version).toBe(4);
    const row = await versionRow(again.id);
    expect(row.status).toBe("draft");
    expect((row.definition as { version: number }).version).toBe(4); // the definition's copy follows the column
    expect(await auditActions(again.id)).toEqual(["plan.cloned"]);
    const fresh = await admin.api.plans.createDraft({ planKey: "novo", name: "Plano novo" });
    expect(fresh.version).toBe(1);
    expect((await admin.api.plans.createDraft({ planKey: "novo", name: "Plano novo 2" })).version).toBe(2);
    const badKey = await failureOf(admin.api.plans.createDraft({ planKey: "Com Espaço", name: "x" }), admin.ctx);
    expect(badKey.data.fieldErrors?.planKey?.[0]).toMatch(/letras minúsculas/);
  });

  it("activation refuses an invalid definition and changes nothing; the issues name the field in the user's language", async () => {
    const [v1] = await db.select().from(compPlanVersions).where(and(eq(compPlanVersions.planKey, "rede"), eq(compPlanVersions.version, 1)));
    const { id } = await admin.api.plans.clone({ id: v1!.id });
    const def = structuredClone((await versionRow(id)).definition) as { ranks: { ladder: { requirements: { pv: number } }[] }; bonuses: { binary: { pctBp: number } } };
    def.ranks.ladder[0]!.requirements.pv = -5;
    def.bonuses.binary.pctBp = 20_000;
    const saved = await admin.api.plans.updateDraft({ id, name: "Com erro", effectiveFromPeriodId: period.feb, definition: def });
    expect(saved.issues).toEqual([
      { path: "ranks.ladder.0.requirements.pv", message: "O mínimo é 0,00." },
      { path: "bonuses.binary.pctBp", message: "O máximo é 100 %." },
    ]);
    const failure = await failureOf(admin.api.plans.activate({ id, effectiveFromPeriodId: period.feb }), admin.ctx);
    expect(failure.message).toBe("O plano tem 2 erro(s): corrija os campos indicados antes de ativar.");
    expect((await versionRow(id)).status).toBe("draft");
    expect(await auditActions(id)).toEqual(["plan.cloned", "plan.draft_updated"]);
    // The same issues in English and Spanish.
    const en = await admin.api.plans.get({ id });
    expect(en.issues.length).toBe(2);
    const { planIssues } = await import("@/server/compensation/plans/validation");
    expect(planIssues(def, "en")[1]).toEqual({ path: "bonuses.binary.pctBp", message: "The maximum is 100 %." });
    expect(planIssues(def, "es")[0]!.message).toBe("El mínimo es 0,00.");
    expect(planIssues({ ...def, ranks: { ladder: [{ code: "a", name: "A" }, { code: "a", name: "B" }] } }, "en")).toContainEqual({ path: "ranks.ladder.1.code", message: 'Rank "a" appears twice.' });
  });

  it("activation refuses a closed period and a currency other than the company's", async () => {
    const { id } = await admin.api.plans.createDraft({ planKey: "moeda", name: "Outra moeda" });
    const closed = await failureOf(admin.api.plans.activate({ id, effectiveFromPeriodId: period.closed }), admin.ctx);
    expect(closed.message).toBe("O período 2029-12 já está fechado: escolha um período aberto.");
    const row = await versionRow(id);
    await admin.api.plans.updateDraft({ id, name: row.name, effectiveFromPeriodId: null, definition: { ...row.definition, currency: "USD" } });
    const currency = await failureOf(admin.api.plans.activate({ id, effectiveFromPeriodId: period.jan }), admin.ctx);
    expect(currency.message).toBe("A moeda do plano (USD) difere da moeda da empresa (BRL).");
    expect((await versionRow(id)).status).toBe("draft");
  });

  it("exactly one version in force per period: a new activation from P supersedes the versions starting on or after P", async () => {
    const [v1] = await db.select().from(compPlanVersions).where(and(eq(compPlanVersions.planKey, "rede"), eq(compPlanVersions.version, 1)));
    const x = await admin.api.plans.clone({ id: v1!.id });
    await admin.api.plans.activate({ id: x.id, effectiveFromPeriodId: period.feb });
    expect((await activePlanForPeriod(db, period.jan))?.id).toBe(v1!.id); // before Feb: v1 still
    expect((await activePlanForPeriod(db, period.feb))?.id).toBe(x.id);
    expect((await activePlanForPeriod(db, period.mar))?.id).toBe(x.id);

    const y = await admin.api.plans.clone({ id: v1!.id });
    const result = await admin.api.plans.activate({ id: y.id, effectiveFromPeriodId: period.feb });
    expect(result.superseded.map((s) => s.id)).toEqual([x.id]);
    expect((await versionRow(x.id)).status).toBe("archived");
    expect(await auditActions(x.id)).toEqual(["plan.cloned", "plan.activated", "plan.superseded"]);
    expect((await activePlanForPeriod(db, period.feb))?.id).toBe(y.id);

    const z = await admin.api.plans.clone({ id: v1!.id });
    await admin.api.plans.activate({ id: z.id, effectiveFromPeriodId: period.jan });
    expect((await versionRow(y.id)).status).toBe("archived"); // started after Jan: superseded
    expect((await versionRow(v1!.id)).status).toBe("active"); // started before Jan: still in force before it
    for (const p of [period.jan, period.feb, period.mar]) expect((await activePlanForPeriod(db, p))?.id).toBe(z.id);
    const list = await admin.api.plans.list();
    expect(list.find((r) => r.id === v1!.id)?.inForceUntil).toBe("2030-01");

    // The database refuses two active versions starting in the same period, whoever writes them.
    expect(
      await dbError(db.insert(compPlanVersions).values({ planKey: "rede", version: 99, name: "x", status: "active", effectiveFromPeriodId: period.jan, definition: {} })),
    ).toMatch(/comp_plan_versions_one_active_per_start/);
  });

  it("two activations from the same period at once: both succeed in turn, exactly one stays active for it", async () => {
    const [v1] = await db.select().from(compPlanVersions).where(and(eq(compPlanVersions.planKey, "rede"), eq(compPlanVersions.version, 1)));
    const a = await admin.api.plans.clone({ id: v1!.id });
    const b = await admin.api.plans.clone({ id: v1!.id });
    const results = await Promise.allSettled([
      admin.api.plans.activate({ id: a.id, effectiveFromPeriodId: period.mar }),
      admin.api.plans.activate({ id: b.id, effectiveFromPeriodId: period.mar }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    const rows = await db.select({ id: compPlanVersions.id, status: compPlanVersions.status }).from(compPlanVersions).where(inArray(compPlanVersions.id, [a.id, b.id]));
    expect(rows.map((r) => r.status).sort()).toEqual(["active", "archived"]);
    const winner = rows.find((r) => r.status === "active")!.id;
    expect((await activePlanForPeriod(db, period.mar))?.id).toBe(winner);
    expect(await auditActions(rows.find((r) => r.status === "archived")!.id)).toEqual(["plan.cloned", "plan.activated", "plan.superseded"]);
  });

  it("archive: a draft or an active version becomes archived once; exportJson gives the canonical plan", async () => {
    const d = await admin.api.plans.createDraft({ planKey: "arquivo", name: "Para arquivar" });
    await admin.api.plans.archive({ id: d.id });
    const again = await failureOf(admin.api.plans.archive({ id: d.id }), admin.ctx);
    expect(again.message).toBe("Esta versão já está arquivada.");
    expect(await auditActions(d.id)).toEqual(["plan.draft_created", "plan.archived"]);

    const [v1] = await db.select().from(compPlanVersions).where(and(eq(compPlanVersions.planKey, "rede"), eq(compPlanVersions.version, 2)));
    const file = await admin.api.plans.exportJson({ id: v1!.id });
    expect(file.fileName).toBe("plan-rede-v2.json");
    expect(file.valid).toBe(true);
    const back = parsePlan(JSON.parse(file.json));
    expect(back.ok && back.plan.bonuses.unilevel?.levelsBp[0]).toBe(1200);
    expect(Object.keys(JSON.parse(file.json))).toEqual([...Object.keys(JSON.parse(file.json))].sort()); // keys sorted
  });
});
