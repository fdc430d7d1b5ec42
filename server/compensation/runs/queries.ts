import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { compPlanVersions, compRunLines, compRuns, consultants, periods } from "@/db/schema";
import { AppError } from "@/server/errors";
import { offsetOf, pageInput, type Page } from "@/server/pagination";
import { LINE_BONUSES } from "./line-bonuses";

export const runIdSchema = z.object({ id: z.number().int().positive() });
export const periodIdSchema = z.object({ periodId: z.number().int().positive() });
export const listRunsSchema = z.object({ periodId: z.number().int().positive().nullable().default(null) });
export const listLinesSchema = pageInput.extend({
  runId: z.number().int().positive(),
  /** A consultant's code or numeric id. */
  consultant: z.string().trim().max(40).default(""),
  bonus: z.enum(LINE_BONUSES).nullable().default(null),
});

const runColumns = {
  id: compRuns.id,
  periodId: compRuns.periodId,
  periodCode: periods.code,
  periodName: periods.name,
  periodStatus: periods.status,
  planVersionId: compRuns.planVersionId,
  planName: compPlanVersions.name,
  planVersion: compPlanVersions.version,
  kind: compRuns.kind,
  status: compRuns.status,
  phase: compRuns.phase,
  percent: compRuns.percent,
  cancelRequested: compRuns.cancelRequested,
  currency: compRuns.currency,
  totalPaid: compRuns.totalPaid,
  lineCount: compRuns.lineCount,
  consultantCount: compRuns.consultantCount,
  error: compRuns.error,
  createdAt: compRuns.createdAt,
  startedAt: compRuns.startedAt,
  finishedAt: compRuns.finishedAt,
  closedAt: compRuns.closedAt,
  publishedAt: compRuns.publishedAt,
};

/** Runs, newest first (a period's, or the latest 100 of all). */
export async function listRuns(db: DbOrTx, input: z.output<typeof listRunsSchema>) {
  return db
    .select(runColumns)
    .from(compRuns)
    .innerJoin(periods, eq(periods.id, compRuns.periodId))
    .innerJoin(compPlanVersions, eq(compPlanVersions.id, compRuns.planVersionId))
    .where(input.periodId ? eq(compRuns.periodId, input.periodId) : undefined)
    .orderBy(desc(compRuns.id))
    .limit(100);
}

export async function getRun(db: DbOrTx, id: number) {
  const [row] = await db
    .select({
      ...runColumns,
      summary: compRuns.summary,
      inputHash: compRuns.inputHash,
      outputHash: compRuns.outputHash,
      ledgerEntryId: compRuns.ledgerEntryId,
      /** Whether the period's commissions are final (a closed or published run). */
      periodFinal: sql<boolean>`exists (select 1 from comp_runs f where f.period_id = "comp_runs"."period_id" and f.status in ('closed', 'published'))`,
    })
    .from(compRuns)
    .innerJoin(periods, eq(periods.id, compRuns.periodId))
    .innerJoin(compPlanVersions, eq(compPlanVersions.id, compRuns.planVersionId))
    .where(eq(compRuns.id, id));
  if (!row) throw new AppError("NOT_FOUND", "compRuns.errors.notFound");
  return row;
}

/** Periods for the picker, newest first, with whether their commissions are final. */
export async function runPeriods(db: DbOrTx) {
  return db
    .select({
      id: periods.id,
      code: periods.code,
      name: periods.name,
      status: periods.status,
      startsOn: periods.startsOn,
      // (qualified by hand: in a one-table select Drizzle writes the column unqualified, and inside the subquery "id" would be the run's)
      final: sql<boolean>`exists (select 1 from comp_runs r where r.period_id = "periods"."id" and r.status in ('closed', 'published'))`,
    })
    .from(periods)
    .orderBy(desc(periods.startsOn))
    .limit(120);
}

/** A run's lines, paged, filtered by earner (code or id) and bonus, in line order. */
export async function listLines(db: DbOrTx, input: z.output<typeof listLinesSchema>): Promise<Page<LineRow>> {
  const source = alias(consultants, "source");
  const where: SQL[] = [eq(compRunLines.runId, input.runId)];
  if (input.consultant) {
    const ref = input.consultant;
    const [found] = await db
      .select({ id: consultants.id })
      .from(consultants)
      .where(/^\d+$/.test(ref) ? sql`${consultants.id} = ${Number(ref)} or ${consultants.code} = ${ref.toUpperCase()}` : eq(consultants.code, ref.toUpperCase()))
      .limit(1);
    if (!found) return { rows: [], total: 0, page: input.page, pageSize: input.pageSize };
    where.push(eq(compRunLines.consultantId, found.id));
  }
  if (input.bonus) where.push(eq(compRunLines.bonus, input.bonus));
  const filter = and(...where);
  const [{ total }] = (await db.select({ total: sql<number>`count(*)::int` }).from(compRunLines).where(filter)) as [{ total: number }];
  const rows = await db
    .select({
      lineNo: compRunLines.lineNo,
      consultantId: compRunLines.consultantId,
      code: consultants.code,
      name: consultants.fullName,
      bonus: compRunLines.bonus,
      amount: compRunLines.amount,
      sourceConsultantId: compRunLines.sourceConsultantId,
      sourceCode: source.code,
      level: compRunLines.level,
      rank: compRunLines.rank,
      pctBp: compRunLines.pctBp,
      baseVolume: compRunLines.baseVolume,
      rule: compRunLines.rule,
    })
    .from(compRunLines)
    .innerJoin(consultants, eq(consultants.id, compRunLines.consultantId))
    .leftJoin(source, eq(source.id, compRunLines.sourceConsultantId))
    .where(filter)
    .orderBy(asc(compRunLines.lineNo))
    .limit(input.pageSize)
    .offset(offsetOf(input));
  return { rows, total, page: input.page, pageSize: input.pageSize };
}

export type LineRow = {
  lineNo: number;
  consultantId: number;
  code: string;
  name: string;
  bonus: string;
  amount: number;
  sourceConsultantId: number | null;
  sourceCode: string | null;
  level: number;
  rank: string | null;
  pctBp: number;
  baseVolume: number;
  rule: string;
};

/** Whether the period already has a final run (for checks outside the run service). */
export async function finalRunOf(db: DbOrTx, periodId: number) {
  const [row] = await db.select({ id: compRuns.id }).from(compRuns).where(and(eq(compRuns.periodId, periodId), inArray(compRuns.status, ["closed", "published"])));
  return row?.id ?? null;
}
