import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { compRunConsultants, compRunLines, compRuns, consultants, genealogy, periods, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { recordVolume } from "@/server/commerce/volumes";
import { getPlanVersion } from "@/server/compensation/plan-store";
import { reportCard } from "@/server/compensation/report-card";
import { executeRun, publishRun, startRun } from "@/server/compensation/runs/execute";
import { callerAs, failureOf } from "./admin-helpers";
import { createTestDatabase } from "./db";

/**
 * The explanation against a REAL run (the run service's close + publish on the seeded demo plan:
 * unilevel with dynamic compression, binary, fast start, minimum payout): every line it wrote is
 * explained with numbers that add up to its amount, compression is named for every compressed
 * unilevel line, and a consultant reads only her own lines.
 */

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
const ids = {} as { ana: number; bruno: number; runId: number; periodId: number; skipped: number; admin: string; ana_user: string; bruno_user: string };

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  await seedDemo(db, { size: 120 });
  const user = async (email: string) => (await db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;
  ids.admin = await user("admin@rede.test");
  ids.ana_user = await user("ana@rede.test");
  ids.bruno_user = await user("bruno@rede.test");
  const byCode = async (code: string) => (await db.select({ id: consultants.id }).from(consultants).where(eq(consultants.code, code)))[0]!.id;
  ids.ana = await byCode("RD000002");
  ids.bruno = await byCode("RD000017");
  // The earliest period (the demo plan is in force from it): volume for everyone active in Ana's
  // subtree, 60 points each, except Ana's first child with a child of its own, who gets 10
  // (below the demo plan's 50-point activity minimum): compression skips them.
  const [first] = await db.select().from(periods).where(eq(periods.status, "open")).orderBy(asc(periods.startsOn)).limit(1);
  ids.periodId = first!.id;
  const [anaRow] = await db.select({ path: genealogy.sponsorPath, depth: genealogy.sponsorDepth }).from(genealogy).where(eq(genealogy.consultantId, ids.ana));
  const subtree = await db
    .select({ id: genealogy.consultantId, path: genealogy.sponsorPath, depth: genealogy.sponsorDepth, status: genealogy.status })
    .from(genealogy)
    .where(sql`${genealogy.sponsorPath} >= ${anaRow!.path} and ${genealogy.sponsorPath} < ${anaRow!.path + "~"}`)
    .orderBy(asc(genealogy.sponsorPath));
  const grand = subtree.find((r) => r.depth === anaRow!.depth + 2 && r.status === "active")!;
  ids.skipped = parseInt(grand.path.slice(-14, -7), 36);
  for (const r of subtree) {
    if (r.status !== "active") continue;
    const pv = r.id === ids.skipped ? 1000 : 6000;
    await recordVolume(db, { periodId: ids.periodId, consultantId: r.id, pv, cv: pv });
  }
  await recordVolume(db, { periodId: ids.periodId, consultantId: ids.bruno, pv: 6000, cv: 6000 });
  const run = await startRun(db, { periodId: ids.periodId, kind: "close", actorUserId: ids.admin, enqueue: false });
  ids.runId = run.id;
  expect(await executeRun(db, run.id)).toBe("closed");
  await publishRun(db, run.id, ids.admin);
});
afterAll(() => t?.drop());

describe("explaining a real run", () => {
  it("every engine line's numbers add up to its amount; compressed unilevel lines name who was skipped", async () => {
    const { api } = await callerAs(db, ids.admin);
    const lines = await db.select().from(compRunLines).where(eq(compRunLines.runId, ids.runId)).orderBy(asc(compRunLines.lineNo));
    expect(lines.length).toBeGreaterThan(5);
    let compressed = 0;
    for (const l of lines) {
      const e = await api.compExplain.adminExplainLine({ runId: ids.runId, lineNo: l.lineNo });
      expect(e.line.amount).toBe(l.amount);
      if (l.bonus.startsWith("payout_") || l.bonus === "adjustment" || l.bonus === "clawback") {
        expect(e.arithmetic).toBeNull();
        continue;
      }
      expect(e.arithmetic, `line ${l.lineNo} (${l.bonus})`).not.toBeNull();
      expect(e.arithmetic!.sumsUp, `line ${l.lineNo} (${l.bonus})`).toBe(true);
      if (l.bonus === "unilevel" && (l.compressedCount ?? 0) > 0) {
        compressed++;
        expect(e.compression).toMatchObject({ count: l.compressedCount, listed: true });
        expect(e.compression!.skipped).toHaveLength(l.compressedCount!);
      }
    }
    // The 10-point child of Ana's was skipped at least once on the way up to her.
    expect(compressed).toBeGreaterThan(0);
    const viaSkipped = lines.find((l) => l.consultantId === ids.ana && l.bonus === "unilevel" && (l.compressedCount ?? 0) > 0)!;
    const e = await api.compExplain.adminExplainLine({ runId: ids.runId, lineNo: viaSkipped.lineNo });
    expect(e.compression!.skipped.map((s) => s.id)).toContain(ids.skipped);
    expect(e.compression!.skipped.find((s) => s.id === ids.skipped)).toMatchObject({ reason: "belowMinPv", pv: 1000 });
  });

  it("Ana's commissions: her lines only, totals by bonus summing to what the run credited her", async () => {
    const { api, ctx } = await callerAs(db, ids.ana_user);
    const mine = await api.compExplain.myLines({ limit: 100 });
    const [row] = await db.select({ total: compRunConsultants.total }).from(compRunConsultants).where(and(eq(compRunConsultants.runId, ids.runId), eq(compRunConsultants.consultantId, ids.ana)));
    expect(mine.run!.runId).toBe(ids.runId);
    expect(mine.run!.total).toBe(row!.total);
    expect(mine.byBonus.reduce((s, b) => s + b.amount, 0)).toBe(row!.total);
    expect(mine.lines.reduce((s, l) => s + l.amount, 0)).toBe(row!.total);
    for (const l of mine.lines) expect((await api.compExplain.explainLine({ runId: ids.runId, lineNo: l.lineNo })).earner.id).toBe(ids.ana);
    const [other] = await db.select({ lineNo: compRunLines.lineNo }).from(compRunLines).where(and(eq(compRunLines.runId, ids.runId), sql`${compRunLines.consultantId} <> ${ids.ana}`)).limit(1);
    const denied = await failureOf(api.compExplain.explainLine({ runId: ids.runId, lineNo: other!.lineNo }), ctx);
    expect(denied).toMatchObject({ data: { httpStatus: 404 } });
  });

  it("the report card shows the ranks that close gave her", async () => {
    const [row] = await db.select().from(compRunConsultants).where(and(eq(compRunConsultants.runId, ids.runId), eq(compRunConsultants.consultantId, ids.ana)));
    const res = await (await callerAs(db, ids.ana_user)).api.compExplain.reportCard();
    if (res.state !== "ok") return expect(res.state).toBe("ok");
    expect(res.card!.lastRun).toMatchObject({ runId: ids.runId, achieved: row!.achievedRank, paidAs: row!.paidAsRank, highest: row!.highestRank });
  });

  it("cannot disagree with the run: the card on the closed period's volumes gives every consultant the run's rank, PV and GV", async () => {
    const [run] = await db.select({ planVersionId: compRuns.planVersionId }).from(compRuns).where(eq(compRuns.id, ids.runId));
    const plan = (await getPlanVersion(db, run!.planVersionId))!;
    const [period] = await db.select().from(periods).where(eq(periods.id, ids.periodId));
    const rows = await db.select().from(compRunConsultants).where(eq(compRunConsultants.runId, ids.runId)).orderBy(asc(compRunConsultants.consultantId)).limit(60);
    let ranked = 0;
    for (const row of rows) {
      // The run had no earlier close to read history from; neither does the card here.
      const card = await reportCard(db, row.consultantId, { period: period!, plan, history: {} });
      expect(card, `consultant ${row.consultantId}`).not.toBeNull();
      expect({ achieved: card!.live.achieved?.code ?? null, pv: card!.live.pv, gv: card!.live.gv, active: card!.live.active }, `consultant ${row.consultantId}`).toEqual({ achieved: row.achievedRank, pv: row.pv, gv: row.gv, active: row.active });
      if (row.achievedRank) ranked++;
    }
    expect(ranked).toBeGreaterThan(3);
  });
});
