import { and, desc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { compPlanVersions, compRuns, consultants, periods } from "@/db/schema";
import { AppError } from "@/server/errors";
import type { Locale } from "@/server/i18n/locales";
import { containsPattern } from "@/server/text-search";
import { compilePlan } from "../compile";
import { runEngine } from "../engine";
import { parsePlan, type Plan } from "../plan";
import { activePlanForPeriod } from "../plan-store";
import { loadPeriodSnapshot } from "../runs/load-snapshot";
import { bonusRows, compareResults, comparisonPage, WHAT_IF_SORTS, type WhatIfComparison } from "../what-if";

/**
 * What-if on the database: a plan version (usually a draft) run on a period's snapshot and
 * compared with the BASE — the version a closed run of that period used (its input hash is
 * checked, so "the base reproduces the closed run" is a fact, not an assumption), else the version
 * in force for the period, else one the user names. Nothing is written.
 *
 * Bounded, not a job: it runs inside the request, for periods of up to MAX_WHAT_IF_CONSULTANTS
 * (the engine does 1M in ~4 s, the two snapshot loads dominate; at this bound a request stays
 * within seconds). Larger periods are refused with a clear message — a background job for them is
 * not built. The comparison is kept in memory for a minute (a few entries), so paging, sorting
 * and searching do not re-run the engine.
 */
export const MAX_WHAT_IF_CONSULTANTS = 250_000;
const KEEP_MS = 60_000, KEEP_ENTRIES = 4;

const id = z.number().int().positive();
export const whatIfSchema = z.object({
  id,
  periodId: id,
  baseVersionId: id.nullable().default(null),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
  sort: z.enum(WHAT_IF_SORTS).default("absDelta"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  changedOnly: z.boolean().default(false),
  q: z.string().trim().max(100, { error: "errors.tooLong" }).optional(),
});

type Kept = { at: number; cmp: WhatIfComparison; ids: Int32Array; base: Side; candidate: Side; closedRun: { id: number; matches: boolean } | null; currency: string; names: Map<string, unknown> };
type Side = { id: number; planKey: string; version: number; name: string };
const kept = new Map<string, Kept>();

async function versionFor(db: DbOrTx, versionId: number) {
  const [row] = await db.select().from(compPlanVersions).where(eq(compPlanVersions.id, versionId));
  if (!row) throw new AppError("NOT_FOUND", "plans.errors.notFound");
  return row;
}

function parsedOrRefuse(row: { version: number; definition: unknown }): Plan {
  const parsed = parsePlan(row.definition);
  if (!parsed.ok) throw new AppError("BAD_REQUEST", "plansForm.whatIf.notRunnable", { version: row.version });
  return parsed.plan;
}

async function compute(db: DbOrTx, input: z.infer<typeof whatIfSchema>): Promise<Kept> {
  const [period] = await db.select().from(periods).where(eq(periods.id, input.periodId));
  if (!period) throw new AppError("NOT_FOUND", "plans.errors.periodNotFound");
  const candidateRow = await versionFor(db, input.id);
  const candidatePlan = parsedOrRefuse(candidateRow);

  let closedRun: { id: number; inputHash: string | null } | null = null;
  let baseId = input.baseVersionId;
  if (baseId === null) {
    const [run] = await db
      .select({ id: compRuns.id, planVersionId: compRuns.planVersionId, inputHash: compRuns.inputHash })
      .from(compRuns)
      .where(and(eq(compRuns.periodId, period.id), eq(compRuns.kind, "close"), inArray(compRuns.status, ["closed", "published"])))
      .orderBy(desc(compRuns.id))
      .limit(1);
    if (run) {
      baseId = run.planVersionId;
      closedRun = { id: run.id, inputHash: run.inputHash };
    } else baseId = (await activePlanForPeriod(db, period.id))?.id ?? null;
  }
  if (baseId === null) throw new AppError("BAD_REQUEST", "plansForm.whatIf.noBase", { period: period.code });
  const baseRow = await versionFor(db, baseId);
  const basePlan = parsedOrRefuse(baseRow);

  const [{ n }] = (await db.execute<{ n: number }>(sql`select count(*)::int as n from consultants where joined_at <= ${period.endsOn}::date`)) as unknown as [{ n: number }];
  if (n > MAX_WHAT_IF_CONSULTANTS) throw new AppError("BAD_REQUEST", "plansForm.whatIf.tooLarge", { count: n, max: MAX_WHAT_IF_CONSULTANTS });

  // One snapshot per plan: history ranks are indexes into each plan's own ladder.
  const baseCompiled = compilePlan(basePlan), candidateCompiled = compilePlan(candidatePlan);
  const baseSnap = await loadPeriodSnapshot(db, period.id, baseCompiled);
  const candidateSnap = await loadPeriodSnapshot(db, period.id, candidateCompiled);
  if (baseSnap.ids.length !== candidateSnap.ids.length || baseSnap.ids.some((v, i) => v !== candidateSnap.ids[i])) {
    throw new AppError("CONFLICT", "plansForm.whatIf.changedDuringRun");
  }
  const base = runEngine(baseSnap.snapshot, baseCompiled);
  const candidate = runEngine(candidateSnap.snapshot, candidateCompiled);
  const names = new Map<string, unknown>();
  for (const r of [...basePlan.ranks.ladder, ...candidatePlan.ranks.ladder]) if (!names.has(r.code)) names.set(r.code, r.name);
  const side = (r: typeof baseRow): Side => ({ id: r.id, planKey: r.planKey, version: r.version, name: r.name });
  return {
    at: Date.now(),
    cmp: compareResults(base, candidate),
    ids: baseSnap.ids,
    base: side(baseRow),
    candidate: side(candidateRow),
    closedRun: closedRun ? { id: closedRun.id, matches: closedRun.inputHash === base.inputHash } : null,
    currency: candidatePlan.currency,
    names,
  };
}

function indexOf(ids: Int32Array, idValue: number) {
  let lo = 0, hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1, v = ids[mid]!;
    if (v === idValue) return mid;
    if (v < idValue) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export async function whatIf(db: DbOrTx, input: z.infer<typeof whatIfSchema>, locale: Locale) {
  const [cand] = await db.select({ updatedAt: compPlanVersions.updatedAt }).from(compPlanVersions).where(eq(compPlanVersions.id, input.id));
  if (!cand) throw new AppError("NOT_FOUND", "plans.errors.notFound");
  const key = `${input.id}@${cand.updatedAt.getTime()}:${input.baseVersionId ?? "auto"}:${input.periodId}`;
  let entry = kept.get(key);
  if (!entry || Date.now() - entry.at > KEEP_MS) {
    entry = await compute(db, input);
    kept.set(key, entry);
    for (const [k, v] of kept) if (kept.size > KEEP_ENTRIES || Date.now() - v.at > KEEP_MS) kept.delete(k);
    kept.set(key, entry);
  }
  const { cmp, ids } = entry;

  let only: number[] | undefined;
  if (input.q) {
    const pattern = containsPattern(input.q);
    const found = await db
      .select({ id: consultants.id })
      .from(consultants)
      .where(or(ilike(consultants.code, pattern), ilike(consultants.fullName, pattern)))
      .limit(1000);
    only = found.map((f) => indexOf(ids, f.id)).filter((i) => i >= 0);
  }
  const page = comparisonPage(cmp, { sort: input.sort, dir: input.dir, page: input.page, pageSize: input.pageSize, changedOnly: input.changedOnly, only });
  const pageIds = page.rows.map((r) => ids[r.index]!);
  const people = pageIds.length ? await db.select({ id: consultants.id, code: consultants.code, fullName: consultants.fullName }).from(consultants).where(inArray(consultants.id, pageIds)) : [];
  const byId = new Map(people.map((p) => [p.id, p]));
  const rankName = (code: string | null) => {
    if (code === null) return null;
    const name = entry.names.get(code) as string | Record<string, string | undefined> | undefined;
    return (typeof name === "string" ? name : name && (name[locale] || name["pt-BR"])) || code;
  };

  return {
    base: entry.base,
    candidate: entry.candidate,
    closedRun: entry.closedRun,
    currency: entry.currency,
    count: cmp.count,
    totals: {
      base: { paid: Number(cmp.base.paid), payoutBp: cmp.base.payoutBp, lines: cmp.base.lines },
      candidate: { paid: Number(cmp.candidate.paid), payoutBp: cmp.candidate.payoutBp, lines: cmp.candidate.lines },
      delta: { paid: Number(cmp.delta.paid), payoutBp: cmp.delta.payoutBp },
      changed: cmp.changed,
      gainers: cmp.gainers,
      losers: cmp.losers,
    },
    byRank: cmp.byRank.map((r) => ({ ...r, name: rankName(r.code) })),
    byBonus: bonusRows(cmp).map((b) => ({ bonus: b.bonus, base: Number(b.base), candidate: Number(b.candidate), delta: Number(b.delta) })),
    page: {
      total: page.total,
      rows: page.rows.map((r) => {
        const person = byId.get(ids[r.index]!);
        return { consultantId: ids[r.index]!, code: person?.code ?? "", name: person?.fullName ?? "", base: r.base, candidate: r.candidate, delta: r.delta, basePaidAs: rankName(r.basePaidAs), candidatePaidAs: rankName(r.candidatePaidAs) };
      }),
    },
  };
}
