import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { compClawbacks, compRunLines, compRuns, consultants, journalEntries, periods, products, returnReasons, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { issueInvoice } from "@/server/commerce/invoices";
import { advanceOrder, createOrder, payOrder } from "@/server/commerce/orders";
import { dayOf, periodFor } from "@/server/commerce/periods";
import { compilePlan } from "@/server/compensation/compile";
import { runEngine } from "@/server/compensation/engine";
import { activePlanForPeriod } from "@/server/compensation/plan-store";
import { createAdjustment, deleteAdjustment } from "@/server/compensation/runs/adjustments";
import { cancelRun, executeRun, publishRun, startRun } from "@/server/compensation/runs/execute";
import { loadPeriodSnapshot } from "@/server/compensation/runs/load-snapshot";
import { getRun, listLines, runPeriods } from "@/server/compensation/runs/queries";
import { accountId, balanceOf } from "@/server/ledger/post";
import { decideReturn } from "@/server/returns/decide";
import { createReturnRequest } from "@/server/returns/request";
import { localFileStore } from "@/server/storage/files";
import { createTestDatabase } from "./db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let adminId: string;
let oldPeriod: number;
let nowPeriod: number;
let perfume: number;
let reasonId: number;
const chain: number[] = []; // a consultant and three uplines, deepest first
const orderIds: number[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  // The past period first, so the seeded plan (active from the earliest period) applies to it.
  oldPeriod = (await periodFor(db, "2020-01-15")).id;
  await seedDemo(db, { size: 120, commerce: false });
  nowPeriod = (await periodFor(db, dayOf(new Date()))).id;
  // The demo network joined recently; here it has been in place since 2019.
  await db.execute(sql`update consultants set joined_at = '2019-06-01'`);
  [{ id: adminId }] = (await db.select({ id: users.id }).from(users).where(eq(users.email, "admin@rede.test"))) as [{ id: string }];
  [{ id: perfume }] = (await db.insert(products).values({ sku: "PER-02", name: { "pt-BR": "Perfume" }, retailPrice: 18990, consultantPrice: 13290, pv: 6000, cv: 5000 }).returning({ id: products.id })) as [{ id: number }];
  [{ id: reasonId }] = (await db.insert(returnReasons).values({ name: { "pt-BR": "Defeito", es: "Defecto", en: "Defect" } }).returning({ id: returnReasons.id })) as [{ id: number }];
  // The deepest consultant with three sponsors above.
  const [deep] = (await db.execute(sql`select c.id::int as id from consultants c join genealogy g on g.consultant_id = c.id where g.sponsor_depth >= 3 order by g.sponsor_depth desc, c.id limit 1`)) as unknown as [{ id: number }];
  let at: number | null = deep.id;
  while (at !== null && chain.length < 4) {
    chain.push(at);
    const [row] = await db.select({ sponsor: consultants.sponsorId }).from(consultants).where(eq(consultants.id, at));
    at = row?.sponsor ?? null;
  }
  // One perfume (60 PV, 50 CV) each in January 2020: all four active, the uplines earn unilevel on the deepest.
  for (const consultantId of chain) {
    const order = await createOrder(db, { consultantId, customerId: null, channel: "staff", lines: [{ productId: perfume, quantity: 2 }], paymentMethod: "bank_slip", place: true, actorUserId: adminId, at: new Date("2020-01-15T12:00:00Z") });
    await payOrder(db, { orderId: order.id, method: "bank_slip" }, adminId);
    orderIds.push(order.id);
  }
});
afterAll(async () => {
  await t?.drop();
});

async function run(periodId: number, kind: "preview" | "close") {
  const created = await startRun(db, { periodId, kind, actorUserId: adminId, enqueue: false });
  const status = await executeRun(db, created.id);
  const [row] = await db.select().from(compRuns).where(eq(compRuns.id, created.id));
  return { status, row: row! };
}

describe("snapshot", () => {
  it("reads the period's consultants, trees and volumes into the engine's arrays", async () => {
    const plan = compilePlan((await activePlanForPeriod(db, oldPeriod))!.definition);
    const { snapshot, ids } = await loadPeriodSnapshot(db, oldPeriod, plan);
    const total = await db.$count(consultants);
    expect(snapshot.count).toBe(total);
    const at = (id: number) => ids.indexOf(id);
    expect(snapshot.sponsor[at(chain[0]!)]).toBe(at(chain[1]!));
    expect(snapshot.pv[at(chain[0]!)]).toBe(12000);
    expect(snapshot.cv[at(chain[2]!)]).toBe(10000);
    expect(snapshot.period).toBe(202001);
    expect(snapshot.carryInLeft).toBeUndefined(); // no closed run before
  });
});

describe("preview", () => {
  it("is repeatable: same snapshot + same plan give the same hashes and lines, and a new preview replaces the old one's lines", async () => {
    const a = await run(oldPeriod, "preview");
    expect(a.status).toBe("done");
    expect(a.row.inputHash).toMatch(/^[0-9a-f]{64}$/);
    const linesA = await db.select().from(compRunLines).where(eq(compRunLines.runId, a.row.id)).orderBy(compRunLines.lineNo);
    expect(linesA.length).toBeGreaterThan(0);
    expect(linesA.reduce((s, l) => s + l.amount, 0)).toBe(a.row.totalPaid);
    expect(a.row.summary!.byBonus.find((b) => b.bonus === "unilevel")).toBeTruthy();
    const b = await run(oldPeriod, "preview");
    expect([b.row.inputHash, b.row.outputHash]).toEqual([a.row.inputHash, a.row.outputHash]);
    const linesB = await db.select().from(compRunLines).where(eq(compRunLines.runId, b.row.id)).orderBy(compRunLines.lineNo);
    expect(linesB.map(({ runId: _, ...l }) => l)).toEqual(linesA.map(({ runId: _, ...l }) => l));
    expect(await db.$count(compRunLines, eq(compRunLines.runId, a.row.id))).toBe(0);
    expect((await getRun(db, b.row.id)).periodFinal).toBe(false);
    // The stored hashes are the engine's on the same snapshot.
    const plan = compilePlan((await activePlanForPeriod(db, oldPeriod))!.definition);
    const { snapshot } = await loadPeriodSnapshot(db, oldPeriod, plan);
    expect(runEngine(snapshot, plan).outputHash).toBe(a.row.outputHash);
    // Unilevel paid the first upline 10 % of the deepest consultant's 50 CV: 100 points × R$1 × 10 % = R$ 10,00.
    const line = linesB.find((l) => l.bonus === "unilevel" && l.sourceConsultantId === chain[0] && l.consultantId === chain[1]);
    expect(line).toMatchObject({ amount: 1000, level: 1, pctBp: 1000, baseVolume: 10000, rule: "unilevel.level", roundingRemainder: "0" });
  });

  it("cancel: a queued run is cancelled at once and its job then does nothing", async () => {
    const created = await startRun(db, { periodId: oldPeriod, kind: "preview", actorUserId: adminId, enqueue: false });
    await cancelRun(db, created.id, adminId);
    expect(await executeRun(db, created.id)).toBeNull();
    const [row] = await db.select().from(compRuns).where(eq(compRuns.id, created.id));
    expect(row!.status).toBe("cancelled");
    expect(await db.$count(compRunLines, eq(compRunLines.runId, created.id))).toBe(0);
  });

  it("includes a manual adjustment as a line; a deleted one is left out", async () => {
    const keep = await createAdjustment(db, { periodId: oldPeriod, consultant: String(chain[3]), amount: 2500, reason: "Bônus de campanha acordado" }, adminId, "BRL");
    const drop = await createAdjustment(db, { periodId: oldPeriod, consultant: String(chain[3]), amount: -700, reason: "Lançado por engano" }, adminId, "BRL");
    await deleteAdjustment(db, drop.id, adminId);
    const { row } = await run(oldPeriod, "preview");
    const adjustments = await db.select().from(compRunLines).where(and(eq(compRunLines.runId, row.id), eq(compRunLines.bonus, "adjustment")));
    expect(adjustments).toMatchObject([{ consultantId: chain[3], amount: 2500, adjustmentId: keep.id, rule: "adjustment.manual" }]);
    await expect(createAdjustment(db, { periodId: oldPeriod, consultant: "NOPE", amount: 1, reason: "xxx" }, adminId, "BRL")).rejects.toMatchObject({ messageKey: "compRuns.errors.consultantNotFound" });
  });
});

describe("close", () => {
  it("posts once under two concurrent closes (and a retried job), balanced, and closes the commerce period", async () => {
    const attempts = await Promise.allSettled([
      startRun(db, { periodId: oldPeriod, kind: "close", actorUserId: adminId, enqueue: false }),
      startRun(db, { periodId: oldPeriod, kind: "close", actorUserId: adminId, enqueue: false }),
    ]);
    const won = attempts.filter((a) => a.status === "fulfilled");
    expect(won).toHaveLength(1);
    expect(attempts.find((a) => a.status === "rejected")).toMatchObject({ reason: { messageKey: "compRuns.errors.alreadyClosing" } });
    const runId = (won[0] as PromiseFulfilledResult<{ id: number }>).value.id;
    // The same job twice at once, then once more (a retry): one posts.
    const results = await Promise.all([executeRun(db, runId), executeRun(db, runId)]);
    expect(results.sort()).toEqual(["closed", null].sort());
    expect(await executeRun(db, runId)).toBeNull();
    const entries = await db.select().from(journalEntries).where(and(eq(journalEntries.sourceType, "comp_run"), eq(journalEntries.sourceId, String(runId))));
    expect(entries).toHaveLength(1);
    const [row] = await db.select().from(compRuns).where(eq(compRuns.id, runId));
    expect(row).toMatchObject({ status: "closed", ledgerEntryId: entries[0]!.id });
    expect(await db.execute(sql`select entry_id from postings group by entry_id, currency having sum(amount) <> 0`)).toEqual([]);
    // Each wallet holds the consultant's Σ lines (credit: negative); the adjustment is applied.
    const wallet = await accountId(db, { kind: "wallet", consultantId: chain[3]! }, "BRL");
    const [{ total }] = (await db.execute(sql`select total::int as total from comp_run_consultants where run_id = ${runId} and consultant_id = ${chain[3]!}`)) as unknown as [{ total: number }];
    // Their total is the Σ of their lines, the 25,00 adjustment among them (below a plan minimum, commissions may be held; the adjustment is paid as it is).
    const mine = await db.select().from(compRunLines).where(and(eq(compRunLines.runId, runId), eq(compRunLines.consultantId, chain[3]!)));
    expect(mine.reduce((a, l) => a + l.amount, 0)).toBe(total);
    expect(mine.filter((l) => l.bonus === "adjustment").map((l) => l.amount)).toEqual([2500]);
    expect(await balanceOf(db, wallet)).toBe(-total);
    const [period] = await db.select().from(periods).where(eq(periods.id, oldPeriod));
    expect(period!.status).toBe("closed");
    // A closed period is final: no further preview or close, and its adjustments are frozen.
    await expect(startRun(db, { periodId: oldPeriod, kind: "preview", actorUserId: adminId, enqueue: false })).rejects.toMatchObject({ messageKey: "compRuns.errors.periodFinal" });
    await expect(createAdjustment(db, { periodId: oldPeriod, consultant: String(chain[0]), amount: 100, reason: "tarde demais" }, adminId, "BRL")).rejects.toMatchObject({ messageKey: "compRuns.errors.periodFinal" });
    // The next period's snapshot reads this close's history: paid-as and highest ranks, nothing pending for an unranked consultant.
    const nextPlan = compilePlan((await activePlanForPeriod(db, nowPeriod))!.definition);
    const next = await loadPeriodSnapshot(db, nowPeriod, nextPlan);
    const at = next.ids.indexOf(chain[1]!);
    const [hist] = (await db.execute(sql`select paid_as_rank, highest_rank, pending_out::int as pending from comp_run_consultants where run_id = ${runId} and consultant_id = ${chain[1]!}`)) as unknown as [{ paid_as_rank: string; highest_rank: string; pending: number }];
    expect(next.previousRunId).toBe(runId);
    expect(nextPlan.rankCodes[next.snapshot.previousPaidAs![at]!]).toBe(hist.paid_as_rank);
    expect(nextPlan.rankCodes[next.snapshot.highest![at]!]).toBe(hist.highest_rank);
    expect(next.snapshot.pendingIn![at]).toBe(hist.pending);
    // The screens' period list says which periods are final; the lines list filters by consultant code and bonus.
    const choices = await runPeriods(db);
    expect(choices.find((p) => p.id === oldPeriod)!.final).toBe(true);
    expect(choices.find((p) => p.id === nowPeriod)!.final).toBe(false);
    const [earlier] = await db.select({ id: compRuns.id }).from(compRuns).where(and(eq(compRuns.periodId, oldPeriod), eq(compRuns.kind, "preview"))).limit(1);
    expect((await getRun(db, earlier!.id)).periodFinal).toBe(true);
    const [code] = await db.select({ code: consultants.code }).from(consultants).where(eq(consultants.id, chain[3]!));
    const page = await listLines(db, { runId, consultant: code!.code.toLowerCase(), bonus: "adjustment", page: 1, pageSize: 25 });
    expect(page.total).toBe(1);
    expect(page.rows[0]).toMatchObject({ consultantId: chain[3], bonus: "adjustment", amount: 2500, code: code!.code });
    // Publish: closed → published, once.
    expect((await publishRun(db, runId, adminId)).status).toBe("published");
  });

  it("a return after close claws back in the next open period, traced to the original lines, and the next close posts it", async () => {
    const [closed] = await db.select().from(compRuns).where(and(eq(compRuns.periodId, oldPeriod), eq(compRuns.kind, "close")));
    const orderId = orderIds[0]!; // the deepest consultant's: 2 perfumes, 100 CV
    const order = await db.execute(sql`select id::int from order_lines where order_id = ${orderId}`);
    await issueInvoice(db, orderId, adminId);
    await advanceOrder(db, { orderId, to: "shipped" }, adminId);
    await advanceOrder(db, { orderId, to: "delivered" }, adminId);
    const store = localFileStore("/tmp");
    const request = await createReturnRequest(db, { orderId, kind: "return", reasonId, notes: null, lines: [{ orderLineId: (order[0] as { id: number }).id, quantity: 1 }], photos: [] }, { userId: adminId, ownConsultantId: null }, store);
    await decideReturn(db, { id: request.id, decision: "approve", comment: "" }, adminId, { appUrl: "http://localhost:3000" });
    const claws = await db.select().from(compClawbacks).where(eq(compClawbacks.returnId, request.id));
    expect(claws.length).toBeGreaterThan(0);
    for (const c of claws) {
      expect(c.periodId).toBe(nowPeriod);
      expect(c.originalRunId).toBe(closed!.id);
      const [original] = await db.select().from(compRunLines).where(and(eq(compRunLines.runId, c.originalRunId), eq(compRunLines.lineNo, c.originalLineNo)));
      expect(original!.sourceConsultantId).toBe(chain[0]);
      // Half the source's CV returned (1 of 2 perfumes): half of the line, rounded half-even.
      expect(c.returnedCv * 2).toBe(c.sourceCv);
      expect(c.amount).toBe(-Math.round(original!.amount / 2));
    }
    // The next period's close carries them as clawback lines and posts them (wallet debited).
    const upline = claws.find((c) => c.consultantId === chain[1])!;
    const wallet = await accountId(db, { kind: "wallet", consultantId: chain[1]! }, "BRL");
    const before = await balanceOf(db, wallet);
    const next = await run(nowPeriod, "close");
    expect(next.status).toBe("closed");
    const clawLines = await db.select().from(compRunLines).where(and(eq(compRunLines.runId, next.row.id), eq(compRunLines.bonus, "clawback")));
    expect(clawLines.find((l) => l.clawbackId === upline.id)).toMatchObject({ consultantId: chain[1], amount: upline.amount, sourceConsultantId: chain[0] });
    const [{ total }] = (await db.execute(sql`select total::int as total from comp_run_consultants where run_id = ${next.row.id} and consultant_id = ${chain[1]!}`)) as unknown as [{ total: number }];
    expect(await balanceOf(db, wallet)).toBe(before - total);
    const [{ sum }] = (await db.execute(sql`select sum(amount)::int as sum from comp_run_lines where run_id = ${next.row.id} and consultant_id = ${chain[1]!}`)) as unknown as [{ sum: number }];
    expect(sum).toBe(total);
    expect((await db.select().from(compClawbacks).where(eq(compClawbacks.id, upline.id)))[0]!.appliedRunId).toBe(next.row.id);
  });
});

describe("run rows and their run (migration 0018: per-statement check instead of per-row foreign keys)", () => {
  const failure = async (query: Promise<unknown>) => {
    try {
      await query;
    } catch (error) {
      const e = error as { code?: string; message?: string; cause?: { code?: string; message?: string } };
      return { code: e.cause?.code ?? e.code, message: e.cause?.message ?? e.message };
    }
    return null;
  };
  it("refuses lines and consultant rows of a run that does not exist, changing nothing; a deleted run takes its rows with it", async () => {
    const missing = 2_000_000_000;
    expect(await failure(db.execute(sql`insert into comp_run_lines (run_id, line_no, consultant_id, bonus, amount, rule) values (${missing}, 0, ${chain[0]}, 'adjustment', 1, 'adjustment.manual')`))).toMatchObject({ code: "23503", message: expect.stringContaining("comp_run_lines.run_id") });
    expect(await failure(db.execute(sql`insert into comp_run_consultants (run_id, consultant_id, pv, cv, gv, active) values (${missing}, ${chain[0]}, 0, 0, 0, false)`))).toMatchObject({ code: "23503", message: expect.stringContaining("comp_run_consultants.run_id") });
    expect(await db.$count(compRunLines, eq(compRunLines.runId, missing))).toBe(0);

    const [plan] = (await db.execute(sql`select plan_version_id as id from comp_runs limit 1`)) as unknown as [{ id: number }];
    const [scratch] = await db.insert(compRuns).values({ periodId: nowPeriod, planVersionId: plan.id, kind: "preview", status: "failed" }).returning({ id: compRuns.id });
    await db.execute(sql`insert into comp_run_lines (run_id, line_no, consultant_id, bonus, amount, rule) values (${scratch!.id}, 0, ${chain[0]}, 'adjustment', 1, 'adjustment.manual'), (${scratch!.id}, 1, ${chain[1]}, 'adjustment', 2, 'adjustment.manual')`);
    await db.execute(sql`insert into comp_run_consultants (run_id, consultant_id, pv, cv, gv, active) values (${scratch!.id}, ${chain[0]}, 0, 0, 0, false)`);
    // A mixed statement with one missing run fails whole.
    expect(await failure(db.execute(sql`update comp_run_lines set run_id = case when line_no = 0 then ${missing} else run_id end where run_id = ${scratch!.id}`))).toMatchObject({ code: "23503" });
    expect(await db.$count(compRunLines, eq(compRunLines.runId, scratch!.id))).toBe(2);
    await db.delete(compRuns).where(eq(compRuns.id, scratch!.id));
    expect(await db.$count(compRunLines, eq(compRunLines.runId, scratch!.id))).toBe(0);
    const [left] = (await db.execute(sql`select count(*)::int as n from comp_run_consultants where run_id = ${scratch!.id}`)) as unknown as [{ n: number }];
    expect(left.n).toBe(0);
  });
});
