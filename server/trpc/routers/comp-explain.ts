import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { consultants } from "@/db/schema";
import { explainLine, myLines } from "../../compensation/explain";
import { activePlanForPeriod } from "../../compensation/plan-store";
import { currentOpenPeriod, reportCard } from "../../compensation/report-card";
import { AppError } from "../../errors";
import { router, withPermission } from "../init";

/**
 * The explain side of compensation: the rank report card (live numbers against the next rank)
 * and "why was I paid this?" for run lines. Portal procedures never take a consultant id: they
 * answer for the caller's own consultant, and only about published runs. Staff read any
 * consultant's card with network.read and any run's line with runs.close (the people who run,
 * close and publish commissions).
 */
const portal = withPermission("portal.access");
const staffCard = withPermission("network.read");
const staffRuns = withPermission("runs.close");

function ownConsultantId(user: { consultantId: number | null }) {
  if (user.consultantId === null) throw new TRPCError({ code: "FORBIDDEN", cause: new AppError("FORBIDDEN", "errors.forbidden") });
  return user.consultantId;
}

/** The card, or why there is none (no open period, no plan in force). */
async function cardFor(db: DbOrTx, consultantId: number, locale: string) {
  const period = await currentOpenPeriod(db);
  if (!period) return { state: "noPeriod" as const, card: null };
  const plan = await activePlanForPeriod(db, period.id);
  if (!plan) return { state: "noPlan" as const, card: null };
  const card = await reportCard(db, consultantId, { period, plan, locale });
  if (!card) throw new AppError("NOT_FOUND", "compExplain.errors.consultantNotFound");
  return { state: "ok" as const, card };
}

const lineKey = z.object({ runId: z.number().int().positive(), lineNo: z.number().int().min(0) });

export const compExplainRouter = router({
  /** The caller's own report card. */
  reportCard: portal.query(({ ctx }) => cardFor(ctx.db, ownConsultantId(ctx.user), ctx.locale)),
  /** Any consultant's report card, by code. */
  adminReportCard: staffCard.input(z.object({ code: z.string().trim().min(1).max(40) })).query(async ({ ctx, input }) => {
    const [who] = await ctx.db
      .select({ id: consultants.id })
      .from(consultants)
      .where(eq(consultants.code, input.code.toUpperCase())); // codes are stored upper-case (the unique index answers)
    if (!who) throw new AppError("NOT_FOUND", "compExplain.errors.consultantNotFound", {}, "code");
    return cardFor(ctx.db, who.id, ctx.locale);
  }),
  /** The caller's published runs and one run's lines, paged, with totals by bonus. */
  myLines: portal
    .input(z.object({ runId: z.number().int().positive().optional(), offset: z.number().int().min(0).max(10_000_000).default(0), limit: z.number().int().min(1).max(100).default(25) }))
    .query(({ ctx, input }) => myLines(ctx.db, ownConsultantId(ctx.user), input, ctx.locale)),
  /** One of the caller's own lines of a published run, explained (anything else: not found). */
  explainLine: portal.input(lineKey).query(({ ctx, input }) => explainLine(ctx.db, input.runId, input.lineNo, { kind: "consultant", consultantId: ownConsultantId(ctx.user) }, ctx.locale)),
  /** Any line of any run, explained. */
  adminExplainLine: staffRuns.input(lineKey).query(({ ctx, input }) => explainLine(ctx.db, input.runId, input.lineNo, { kind: "admin" }, ctx.locale)),
});
