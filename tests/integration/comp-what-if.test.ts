import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { compPlanVersions, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { dayOf, periodFor } from "@/server/commerce/periods";
import { callerAs, failureOf } from "./admin-helpers";
import { createTestDatabase } from "./db";

/*
 * What-if on the database, on the demo company (orders through the real services, so the
 * periods have volumes). The numbers of the comparison itself are hand-checked in
 * tests/unit/compensation/what-if.test.ts; here: the right base is chosen, the seeded v2 (which
 * only raises unilevel level 1 from 10 % to 12 %) changes unilevel and nothing else, the pages add
 * up to the totals, search finds a person, an invalid draft is refused.
 */
let t: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let admin: Awaited<ReturnType<typeof callerAs>>;
let v1: number, v2: number, periodId: number;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  await seedDemo(db, { size: 80 });
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.email, "admin@rede.test"));
  admin = await callerAs(db, u!.id);
  const version = async (n: number) => (await db.select({ id: compPlanVersions.id }).from(compPlanVersions).where(and(eq(compPlanVersions.planKey, "rede"), eq(compPlanVersions.version, n))))[0]!.id;
  v1 = await version(1);
  v2 = await version(2);
  // The demo's orders are paid today, so today's period holds the volumes.
  periodId = (await periodFor(db, dayOf(new Date()))).id;
}, 120_000);

afterAll(async () => {
  await t?.drop();
});

describe("what-if", () => {
  it("compares the draft with the version in force; only unilevel changes; pages add up to the totals", async () => {
    const r = await admin.api.plans.whatIf({ id: v2, periodId, pageSize: 100, changedOnly: false });
    expect(r.base.id).toBe(v1);
    expect(r.candidate.id).toBe(v2);
    expect(r.closedRun).toBeNull();
    expect(r.totals.base.paid).toBeGreaterThan(0);
    expect(r.totals.delta.paid).toBe(r.totals.candidate.paid - r.totals.base.paid);
    const uni = r.byBonus.find((b) => b.bonus === "unilevel")!;
    expect(uni.delta).toBeGreaterThan(0); // 12 % instead of 10 % on level 1
    for (const b of r.byBonus.filter((b) => b.bonus !== "unilevel")) expect(b.delta).toBe(0);
    expect(r.byRank.every((x) => x.achieved.base === x.achieved.candidate)).toBe(true); // same ladder, same ranks
    let sum = 0, seen = 0;
    for (let page = 1; seen < r.page.total; page++) {
      const p = await admin.api.plans.whatIf({ id: v2, periodId, page, pageSize: 100, changedOnly: false, sort: "index" });
      sum += p.page.rows.reduce((a, row) => a + row.delta, 0);
      seen += p.page.rows.length;
    }
    expect(r.page.total).toBe(r.count);
    expect(sum).toBe(r.totals.delta.paid);
    const changed = await admin.api.plans.whatIf({ id: v2, periodId, changedOnly: true, sort: "delta", dir: "desc" });
    expect(changed.page.total).toBe(r.totals.changed);
    expect(changed.page.rows[0]!.delta).toBeGreaterThanOrEqual(changed.page.rows.at(-1)!.delta);
  });

  it("searches by name; compares with a named version; refuses an invalid draft", async () => {
    const ana = await admin.api.plans.whatIf({ id: v2, periodId, q: "Ana Souza" });
    expect(ana.page.rows.map((row) => row.name)).toContain("Ana Souza");
    const self = await admin.api.plans.whatIf({ id: v2, periodId, baseVersionId: v2 });
    expect(self.totals.delta.paid).toBe(0);
    expect(self.totals.changed).toBe(0);
    const { id } = await admin.api.plans.clone({ id: v2 });
    const [row] = await db.select().from(compPlanVersions).where(eq(compPlanVersions.id, id));
    await admin.api.plans.updateDraft({ id, name: row!.name, effectiveFromPeriodId: null, definition: { ...row!.definition, currency: "reais" } });
    const failure = await failureOf(admin.api.plans.whatIf({ id, periodId }), admin.ctx);
    expect(failure.message).toBe("A versão 3 tem problemas na definição; corrija-os para simular.");
  });
});
