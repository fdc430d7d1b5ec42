import { and, desc, eq, lte, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { compPlanVersions, periods } from "@/db/schema";
import { AppError } from "../errors";
import { parsePlan, type Plan } from "./plan";

/**
 * Where runs find their plan: the versions of comp_plan_versions (db/schema/comp-plans.ts).
 * The version in force for a period is the active version whose effective-from period starts
 * latest on or before that period's start. Activation (plans/lifecycle.ts) keeps at most one
 * active version per starting period, so the answer is unique.
 */

export type StoredPlan = { id: number; version: number; definition: Plan };

/** Thrown when a stored definition no longer parses (an active one never should: activation parses it). */
function parsed(row: { id: number; version: number; definition: unknown }): StoredPlan {
  const result = parsePlan(row.definition);
  if (!result.ok) throw new AppError("BAD_REQUEST", "plans.errors.invalidStored", { id: row.id, errors: result.errors.slice(0, 3).join("; ") });
  return { id: row.id, version: row.version, definition: result.plan };
}

/** The plan version in force for `periodId`, or null when no active version starts on or before it. */
export async function activePlanForPeriod(db: DbOrTx, periodId: number): Promise<StoredPlan | null> {
  const target = alias(periods, "target");
  const [row] = await db
    .select({ id: compPlanVersions.id, version: compPlanVersions.version, definition: compPlanVersions.definition })
    .from(compPlanVersions)
    .innerJoin(periods, eq(periods.id, compPlanVersions.effectiveFromPeriodId))
    .innerJoin(target, eq(target.id, periodId))
    .where(and(eq(compPlanVersions.status, "active"), lte(periods.startsOn, target.startsOn)))
    .orderBy(desc(periods.startsOn), desc(compPlanVersions.id))
    .limit(1);
  return row ? parsed(row) : null;
}

/** Any version by id (draft, active or archived), parsed; null when there is none. A draft that does not parse is refused. */
export async function getPlanVersion(db: DbOrTx, id: number): Promise<StoredPlan | null> {
  const [row] = await db
    .select({ id: compPlanVersions.id, version: compPlanVersions.version, definition: compPlanVersions.definition })
    .from(compPlanVersions)
    .where(eq(compPlanVersions.id, id))
    .limit(1);
  return row ? parsed(row) : null;
}

/** Serialises activations (and the supersession they do) across sessions, for the transaction. */
export async function lockPlanVersions(tx: DbOrTx) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('comp_plan_versions'))`);
}
