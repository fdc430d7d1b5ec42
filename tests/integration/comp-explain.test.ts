import fs from "node:fs";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { compPlanVersions, compRunConsultants, compRunLines, compRuns, consultants, genealogy, periods, periodVolumes, products, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { dayOf, periodFor } from "@/server/commerce/periods";
import { callerAs, failureOf } from "./admin-helpers";
import { createTestDatabase } from "./db";

/**
 * The rank report card (live numbers, moved by a paid order) and "why was I paid this?" (scope:
 * only one's own lines of published runs; the explanation's numbers add up to the amount).
 * Runs are written straight into comp_runs / comp_run_lines here, with hand-checked numbers, so
 * the explanation is tested apart from the run writer.
 */

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
const userIds = {} as Record<"admin" | "finance" | "support" | "ana" | "bruno", string>;
const ids = {} as { ana: number; bruno: number; lipstick: number; planId: number; periodId: number; pastPeriodId: number; child: number; grandchild: number; published: number; unpublished: number };
let seq = 0;
const key = () => `comp-explain-${Date.now()}-${++seq}`;
const as = (who: keyof typeof userIds) => callerAs(db, userIds[who]);

const ranksPlan = JSON.parse(fs.readFileSync(path.join(process.cwd(), "docs/plans/ranks.json"), "utf8"));

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  await seedDemo(db, { size: 120 });
  for (const [who, email] of [["admin", "admin@rede.test"], ["finance", "financeiro@rede.test"], ["support", "suporte@rede.test"], ["ana", "ana@rede.test"], ["bruno", "bruno@rede.test"]] as const) {
    userIds[who] = (await db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;
  }
  const byCode = async (code: string) => (await db.select({ id: consultants.id }).from(consultants).where(eq(consultants.code, code)))[0]!.id;
  ids.ana = await byCode("RD000002");
  ids.bruno = await byCode("RD000017");
  ids.lipstick = (await db.select({ id: products.id }).from(products).where(eq(products.sku, "BAT-VERM-01")))[0]!.id;
  ids.periodId = (await periodFor(db, dayOf(new Date()))).id;
  // The plan in force: docs/plans/ranks.json from the current period on (a demo plan from an
  // earlier period, if the seed made one, is superseded; one already starting here is archived).
  await db.update(compPlanVersions).set({ status: "archived", archivedAt: new Date() }).where(and(eq(compPlanVersions.status, "active"), eq(compPlanVersions.effectiveFromPeriodId, ids.periodId)));
  ids.planId = (await db.insert(compPlanVersions).values({ planKey: "ranks-test", version: 1, name: ranksPlan.name, status: "active", effectiveFromPeriodId: ids.periodId, definition: ranksPlan, activatedAt: new Date() }).returning({ id: compPlanVersions.id }))[0]!.id;
  // A closed past period for the runs.
  ids.pastPeriodId = (await db.insert(periods).values({ kind: "campaign", code: "CICLO-TESTE", name: "Ciclo de teste", startsOn: "2020-01-01", endsOn: "2020-01-31", status: "closed" }).returning({ id: periods.id }))[0]!.id;
  // Ana's line of descent: a child of hers with a child of its own.
  const [anaRow] = await db.select({ path: genealogy.sponsorPath, depth: genealogy.sponsorDepth }).from(genealogy).where(eq(genealogy.consultantId, ids.ana));
  const [g] = await db
    .select({ id: genealogy.consultantId, path: genealogy.sponsorPath })
    .from(genealogy)
    .where(and(sql`${genealogy.sponsorPath} > ${anaRow!.path} and ${genealogy.sponsorPath} < ${anaRow!.path + "~"}`, eq(genealogy.sponsorDepth, anaRow!.depth + 2), eq(genealogy.status, "active")))
    .limit(1);
  ids.grandchild = g!.id;
  ids.child = parseInt(g!.path.slice(-14, -7), 36);
});
afterAll(() => t?.drop());

async function volumes(consultantId: number) {
  const [v] = await db.select().from(periodVolumes).where(and(eq(periodVolumes.periodId, ids.periodId), eq(periodVolumes.consultantId, consultantId)));
  return { pv: v?.pv ?? 0, gv: v?.gv ?? 0 };
}

async function payOrderFor(consultantId: number, quantity: number) {
  const { api } = await as("finance");
  const order = await api.orders.create({ consultantId, customerId: null, lines: [{ productId: ids.lipstick, quantity }], paymentMethod: "bank_slip", idempotencyKey: key() });
  await api.orders.pay({ orderId: order.id, method: "bank_slip", reference: `T-${seq}`, idempotencyKey: key() });
  return order;
}

describe("rank report card", () => {
  it("shows Ana's live numbers as commerce keeps them, against the next rank of the plan in force", async () => {
    const { api } = await as("ana");
    const res = await api.compExplain.reportCard();
    expect(res.state).toBe("ok");
    const card = res.card!;
    const v = await volumes(ids.ana);
    const [frontline] = await db.select({ n: sql<number>`count(*)::int` }).from(consultants).where(eq(consultants.sponsorId, ids.ana));
    const [size] = await db.select({ n: genealogy.downlineSize }).from(genealogy).where(eq(genealogy.consultantId, ids.ana));
    expect(card.consultant).toMatchObject({ id: ids.ana, code: "RD000002", name: "Ana Souza" });
    expect(card.plan).toMatchObject({ id: ids.planId, version: 1 });
    expect(card.period.id).toBe(ids.periodId);
    // The engine's GV (a sum over the loaded subtree) equals the GV commerce maintains on each payment.
    expect(card.live).toMatchObject({ pv: v.pv, gv: v.gv, frontline: frontline!.n, downline: size!.n });
    expect(card.ladder.map((r) => r.code)).toEqual(["consultora", "lider", "executiva"]);
    expect(card.lastRun).toBeNull();
  });

  it("moves when an order is paid: her own order adds its PV, a downline order adds to her GV", async () => {
    const { api } = await as("ana");
    const before = (await api.compExplain.reportCard()).card!;
    const own = await payOrderFor(ids.ana, 2);
    expect(own.pv).toBeGreaterThan(0);
    const after = (await api.compExplain.reportCard()).card!;
    expect(after.live.pv).toBe(before.live.pv + own.pv);
    expect(after.live.gv).toBe(before.live.gv + own.pv);
    // Whatever the next rank asks for in volume, her own PV counts in full in it.
    const volumeReq = (c: typeof after) => c.requirements.find((r) => r.kind === "pv" || r.kind === "gvMaxLeg" || r.kind === "gv");
    if (volumeReq(before) && volumeReq(after)?.kind === volumeReq(before)!.kind) {
      expect(volumeReq(after)!.current).toBeGreaterThan(volumeReq(before)!.current);
    }

    const down = await payOrderFor(ids.grandchild, 1);
    const later = (await api.compExplain.reportCard()).card!;
    expect(later.live.pv).toBe(after.live.pv);
    expect(later.live.gv).toBe(after.live.gv + down.pv);
  });

  it("reaches consultora once her PV passes 50 points, and then shows lider's capped GV", async () => {
    const { api } = await as("ana");
    let card = (await api.compExplain.reportCard()).card!;
    while (card.live.pv < 5000) {
      await payOrderFor(ids.ana, 5);
      card = (await api.compExplain.reportCard()).card!;
    }
    expect(card.live.achieved).not.toBeNull(); // active, PV ≥ 50: at least consultora, by the engine
    if (card.live.achieved?.code === "consultora") {
      expect(card.next?.code).toBe("lider");
      const capped = card.requirements.find((r) => r.kind === "gvMaxLeg")!;
      expect(capped).toMatchObject({ required: 100000, capPerLeg: 50000, current: card.live.gvCapped, missing: Math.max(0, 100000 - card.live.gvCapped!) });
    }
  });

  it("staff read any consultant's card by code; an unknown code is a clear not-found", async () => {
    const { api, ctx } = await as("support");
    const res = await api.compExplain.adminReportCard({ code: "rd000017" });
    expect(res.card!.consultant.id).toBe(ids.bruno);
    const missing = await failureOf(api.compExplain.adminReportCard({ code: "RD999999" }), ctx);
    expect(missing).toMatchObject({ message: "Consultora não encontrada.", data: { httpStatus: 404 } });
  });
});

describe("why was I paid this?", () => {
  // Hand-checked lines (plan: 1 point = 100 centavos; exact = base × 100 × bp / 1,000,000 centavos):
  //  0 Ana  unilevel L1 10 % of 123.45 CV = 1234.5 centavos → half-even 1234 (even), remainder +0.5
  //  1 Ana  unilevel L1  5 % of 123.50 CV =  617.5 centavos → half-even  618 (617 is odd), remainder −0.5,
  //         source her grandchild: her child in between was skipped (PV 10 < 50: inactive)
  //  2 Ana  binary 10 % of 1000.00 paired = 10000 centavos exactly, cut by a R$ 50,00 cap to 5000
  //  3 Bruno unilevel L1 10 % of 50.00 CV = 500 centavos
  // Ana's total: 1234 + 618 + 5000 = 6852.
  beforeAll(async () => {
    const run = async (status: "published" | "closed") =>
      (
        await db
          .insert(compRuns)
          .values({ periodId: ids.pastPeriodId, planVersionId: ids.planId, kind: "close", status, phase: "finished", percent: 100, currency: "BRL", closedAt: new Date(), publishedAt: status === "published" ? new Date() : null })
          .returning({ id: compRuns.id })
      )[0]!.id;
    ids.published = await run("published");
    // A second close of the same period would break the one-close rule: the unpublished run is a preview-like close of another period.
    const [other] = await db.insert(periods).values({ kind: "campaign", code: "CICLO-TESTE-2", name: "Ciclo 2", startsOn: "2020-02-01", endsOn: "2020-02-28", status: "closed" }).returning({ id: periods.id });
    ids.unpublished = (
      await db
        .insert(compRuns)
        .values({ periodId: other!.id, planVersionId: ids.planId, kind: "close", status: "closed", phase: "finished", percent: 100, currency: "BRL", closedAt: new Date() })
        .returning({ id: compRuns.id })
    )[0]!.id;
    const line = (runId: number, lineNo: number, consultantId: number, v: Partial<typeof compRunLines.$inferInsert>) => ({ runId, lineNo, consultantId, bonus: "unilevel", rule: "unilevel.level", amount: 0, ...v });
    await db.insert(compRunLines).values([
      line(ids.published, 0, ids.ana, { amount: 1234, sourceConsultantId: ids.child, level: 1, rank: "consultora", pctBp: 1000, baseVolume: 12345, exactNumerator: "1234500000", roundingRemainder: "500000", compressedCount: 0 }),
      line(ids.published, 1, ids.ana, { amount: 618, sourceConsultantId: ids.grandchild, level: 1, rank: "consultora", pctBp: 500, baseVolume: 12350, exactNumerator: "617500000", roundingRemainder: "-500000", compressedCount: 1 }),
      line(ids.published, 2, ids.ana, { bonus: "binary", rule: "binary.weaker_leg", amount: 5000, sourceConsultantId: ids.ana, pctBp: 1000, baseVolume: 100000, exactNumerator: "10000000000", roundingRemainder: "0", flags: 2 }),
      line(ids.published, 3, ids.bruno, { amount: 500, sourceConsultantId: ids.ana, level: 1, pctBp: 1000, baseVolume: 5000, exactNumerator: "500000000", roundingRemainder: "0", compressedCount: 0 }),
      line(ids.unpublished, 0, ids.ana, { amount: 100, sourceConsultantId: ids.child, level: 1, pctBp: 1000, baseVolume: 1000, exactNumerator: "100000000", roundingRemainder: "0", compressedCount: 0 }),
    ]);
    const person = (runId: number, consultantId: number, v: Partial<typeof compRunConsultants.$inferInsert>) => ({ runId, consultantId, pv: 6000, cv: 6000, gv: 6000, active: true, paidAsRank: "consultora", achievedRank: "consultora", highestRank: "consultora", ...v });
    await db.insert(compRunConsultants).values([
      person(ids.published, ids.ana, { total: 6852, legLeft: 150000, legRight: 100000, carryInLeft: 20000, paired: 100000, carryOutLeft: 50000 }),
      person(ids.published, ids.child, { pv: 1000, cv: 1000, active: false, paidAsRank: null, achievedRank: null, highestRank: null }),
      person(ids.published, ids.grandchild, { pv: 12350, cv: 12350 }),
      person(ids.published, ids.bruno, { total: 500 }),
      person(ids.unpublished, ids.ana, { total: 100 }),
    ]);
  });

  it("explains a line with numbers that add up: base × rate, exact value, half-even rounding", async () => {
    const { api } = await as("ana");
    const e = await api.compExplain.explainLine({ runId: ids.published, lineNo: 0 });
    expect(e.line).toMatchObject({ bonus: "unilevel", rule: "unilevel.level", amount: 1234, level: 1, pctBp: 1000, rank: { code: "consultora", name: "Consultora" } });
    expect(e.earner.id).toBe(ids.ana);
    expect(e.source!.id).toBe(ids.child);
    expect(e.arithmetic).toEqual({ baseVolume: 12345, minorUnitsPerPoint: 100, pctBp: 1000, exactNumerator: "1234500000", denominator: 1_000_000, roundingRemainder: "500000", rounded: 1234, capCut: 0, sumsUp: true });
    expect(e.compression).toBeNull();

    const odd = await api.compExplain.explainLine({ runId: ids.published, lineNo: 1 });
    expect(odd.arithmetic).toMatchObject({ rounded: 618, roundingRemainder: "-500000", sumsUp: true });
    // The skipped upline is named, with the reason, from the run's own per-consultant results.
    expect(odd.compression).toMatchObject({ count: 1, listed: true, skipped: [{ id: ids.child, reason: "belowMinPv", pv: 1000 }] });

    const capped = await api.compExplain.explainLine({ runId: ids.published, lineNo: 2 });
    expect(capped.arithmetic).toMatchObject({ rounded: 10000, capCut: 5000, sumsUp: true });
    expect(capped.binary).toMatchObject({ legLeft: 150000, legRight: 100000, paired: 100000, carryInLeft: 20000, carryOutLeft: 50000 });
  });

  it("flags stored numbers that do not add up instead of showing them as if they did", async () => {
    await db.update(compRunLines).set({ roundingRemainder: "400000" }).where(and(eq(compRunLines.runId, ids.published), eq(compRunLines.lineNo, 0)));
    const { api } = await as("ana");
    expect((await api.compExplain.explainLine({ runId: ids.published, lineNo: 0 })).arithmetic!.sumsUp).toBe(false);
    await db.update(compRunLines).set({ roundingRemainder: "500000" }).where(and(eq(compRunLines.runId, ids.published), eq(compRunLines.lineNo, 0)));
  });

  it("a consultant sees only her own lines of published runs: anything else is not found", async () => {
    const { api, ctx } = await as("ana");
    const other = await failureOf(api.compExplain.explainLine({ runId: ids.published, lineNo: 3 }), ctx); // Bruno's line
    expect(other).toMatchObject({ message: "Linha de comissão não encontrada.", data: { httpStatus: 404 } });
    const unpublished = await failureOf(api.compExplain.explainLine({ runId: ids.unpublished, lineNo: 0 }), ctx); // hers, not published
    expect(unpublished).toMatchObject({ data: { httpStatus: 404 } });
    const nothing = await failureOf(api.compExplain.explainLine({ runId: ids.published, lineNo: 99 }), ctx);
    expect(nothing).toMatchObject({ data: { httpStatus: 404 } });
    // Bruno can open his own line; staff can open any line of any run.
    expect((await (await as("bruno")).api.compExplain.explainLine({ runId: ids.published, lineNo: 3 })).line.amount).toBe(500);
    const staff = await (await as("finance")).api.compExplain.adminExplainLine({ runId: ids.unpublished, lineNo: 0 });
    expect(staff).toMatchObject({ run: { status: "closed" }, line: { amount: 100 } });
  });

  it("lists her published runs and lines, with totals by bonus, paged", async () => {
    const { api, ctx } = await as("ana");
    const mine = await api.compExplain.myLines({});
    expect(mine.runs.map((r) => r.runId)).toEqual([ids.published]);
    expect(mine.run).toMatchObject({ runId: ids.published, total: 6852, periodCode: "CICLO-TESTE" });
    expect(mine.lines.map((l) => l.lineNo)).toEqual([0, 1, 2]);
    expect(mine.totalLines).toBe(3);
    expect(mine.byBonus).toEqual([
      { bonus: "binary", lines: 1, amount: 5000 },
      { bonus: "unilevel", lines: 2, amount: 1852 },
    ]);
    expect(mine.byBonus.reduce((s, b) => s + b.amount, 0)).toBe(mine.run!.total);
    const page = await api.compExplain.myLines({ runId: ids.published, offset: 1, limit: 1 });
    expect(page.lines.map((l) => l.lineNo)).toEqual([1]);
    const hidden = await failureOf(api.compExplain.myLines({ runId: ids.unpublished }), ctx);
    expect(hidden).toMatchObject({ message: "Fechamento não encontrado.", data: { httpStatus: 404 } });
    // Bruno's list holds only his line.
    const bruno = await (await as("bruno")).api.compExplain.myLines({});
    expect(bruno.lines.map((l) => l.lineNo)).toEqual([3]);
  });

  it("the report card shows the ranks of the last closed run", async () => {
    const card = (await (await as("ana")).api.compExplain.reportCard()).card!;
    expect(card.lastRun).toMatchObject({ periodCode: "CICLO-TESTE-2", achieved: "consultora", paidAs: "consultora", paidAsName: "Consultora" });
  });
});
