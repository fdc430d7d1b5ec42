import { and, desc, eq, gte, inArray, max } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { companySettings, compPlanVersions, periods, users, type PlanVersionStatus } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { AppError } from "@/server/errors";
import type { Locale } from "@/server/i18n/locales";
import { translator } from "@/server/i18n/translate";
import { canonicalPlanJson, parsePlan, PLAN_FORMAT } from "../plan";
import { lockPlanVersions } from "../plan-store";
import { planIssues, type PlanIssue } from "./validation";

/**
 * The life of a plan version (table comp_plan_versions, db/schema/comp-plans.ts):
 *   draft ──activate(from period P)──▶ active ──archive──▶ archived
 *   draft ──archive──▶ archived;   any version ──clone──▶ a new draft (next version number of its key)
 * Only drafts change (name, effective-from, definition); a draft may hold an invalid definition
 * while it is being written, activation parses it and refuses it if invalid, and stores the parsed
 * plan (defaults filled in) so the active definition is exactly what runs read.
 *
 * One plan in force per period: the active version whose effective-from period starts latest on or
 * before the period. Activating a version from P SUPERSEDES from P on: active versions starting on
 * or after P are archived (audited as superseded); those starting before P stay in force for the
 * periods before P. P must be open: a closed period's results are final. Runs record the version
 * they used, so archiving never changes a closed run. The database enforces the same (trigger and
 * partial unique index in migration 0013); every change is audited in the same transaction.
 */

const ENTITY = "comp_plan_version";
type Actor = { actorUserId: string | null; locale: Locale };

export const planKeySchema = z.string().trim().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, { error: "plans.errors.keyFormat" });
const id = z.number().int().positive();
const definition = z.record(z.string(), z.unknown());

export const createDraftSchema = z.object({
  planKey: planKeySchema,
  name: z.string().trim().min(1, { error: "errors.required" }).max(120, { error: "errors.tooLong" }),
  /** A plan JSON to start from (an import); absent: an empty plan in the company's currency. */
  definition: definition.optional(),
});
export const updateDraftSchema = z.object({
  id,
  name: z.string().trim().min(1, { error: "errors.required" }).max(120, { error: "errors.tooLong" }),
  effectiveFromPeriodId: id.nullable(),
  definition,
});
export const activateSchema = z.object({ id, effectiveFromPeriodId: id });
export const idSchema = z.object({ id });

export type PlanVersionRow = {
  id: number;
  planKey: string;
  version: number;
  name: string;
  status: PlanVersionStatus;
  effectiveFrom: { id: number; code: string; name: string; startsOn: string; status: "open" | "closed" } | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  activatedAt: Date | null;
  archivedAt: Date | null;
};

function selectRows(db: DbOrTx) {
  return db
    .select({
      id: compPlanVersions.id,
      planKey: compPlanVersions.planKey,
      version: compPlanVersions.version,
      name: compPlanVersions.name,
      status: compPlanVersions.status,
      periodId: periods.id,
      periodCode: periods.code,
      periodName: periods.name,
      periodStartsOn: periods.startsOn,
      periodStatus: periods.status,
      createdBy: users.name,
      createdAt: compPlanVersions.createdAt,
      updatedAt: compPlanVersions.updatedAt,
      activatedAt: compPlanVersions.activatedAt,
      archivedAt: compPlanVersions.archivedAt,
    })
    .from(compPlanVersions)
    .leftJoin(periods, eq(periods.id, compPlanVersions.effectiveFromPeriodId))
    .leftJoin(users, eq(users.id, compPlanVersions.createdBy));
}

function toRow(r: Awaited<ReturnType<typeof selectRows>>[number]): PlanVersionRow {
  const { periodId, periodCode, periodName, periodStartsOn, periodStatus, ...rest } = r;
  return { ...rest, effectiveFrom: periodId === null ? null : { id: periodId, code: periodCode!, name: periodName!, startsOn: periodStartsOn!, status: periodStatus! } };
}

/**
 * Every version, plan key then newest first (a company has a handful: no paging). Active versions
 * carry `inForceUntil`: the code of the period where the next active version takes over, or null.
 */
export async function listVersions(db: DbOrTx) {
  const rows = (await selectRows(db).orderBy(compPlanVersions.planKey, desc(compPlanVersions.version)).limit(1000)).map(toRow);
  const active = rows.filter((r) => r.status === "active").sort((a, b) => a.effectiveFrom!.startsOn.localeCompare(b.effectiveFrom!.startsOn));
  return rows.map((r) => {
    const next = r.status === "active" ? active[active.indexOf(r) + 1] : undefined;
    return { ...r, inForceUntil: next ? next.effectiveFrom!.code : null };
  });
}

export async function getVersion(db: DbOrTx, versionId: number, locale: Locale) {
  const [row] = await selectRows(db).where(eq(compPlanVersions.id, versionId));
  if (!row) throw new AppError("NOT_FOUND", "plans.errors.notFound");
  const [{ definition: def } = { definition: {} }] = await db.select({ definition: compPlanVersions.definition }).from(compPlanVersions).where(eq(compPlanVersions.id, versionId));
  const issues: PlanIssue[] = planIssues(def, locale);
  return { ...toRow(row), definition: def, issues };
}

/** The definition as a file: canonical (defaults filled in, keys sorted, indented) when it parses, else as stored. */
export async function exportVersion(db: DbOrTx, versionId: number) {
  const [row] = await db.select().from(compPlanVersions).where(eq(compPlanVersions.id, versionId));
  if (!row) throw new AppError("NOT_FOUND", "plans.errors.notFound");
  const parsed = parsePlan(row.definition);
  const json = parsed.ok ? JSON.stringify(JSON.parse(canonicalPlanJson(parsed.plan)), null, 2) : JSON.stringify(row.definition, null, 2);
  return { fileName: `plan-${row.planKey}-v${row.version}.json`, json: `${json}\n`, valid: parsed.ok };
}

async function lockedVersion(tx: DbOrTx, versionId: number) {
  const [row] = await tx.select().from(compPlanVersions).where(eq(compPlanVersions.id, versionId)).for("update");
  if (!row) throw new AppError("NOT_FOUND", "plans.errors.notFound");
  return row;
}

function statusLabel(status: PlanVersionStatus, locale: Locale) {
  return translator(locale)(`plans.statuses.${status}`);
}

async function companyCurrency(tx: DbOrTx) {
  const [row] = await tx.select({ currency: companySettings.currency }).from(companySettings).limit(1);
  return row?.currency ?? "BRL";
}

/** Version and name live in their columns; the definition's copies are kept equal to them. */
function stamped(def: Record<string, unknown>, version: number, name: string) {
  return { ...def, version, name };
}

async function nextVersion(tx: DbOrTx, planKey: string) {
  const [row] = await tx.select({ last: max(compPlanVersions.version) }).from(compPlanVersions).where(eq(compPlanVersions.planKey, planKey));
  return (row?.last ?? 0) + 1;
}

export async function createDraft(db: DbOrTx, input: z.infer<typeof createDraftSchema>, actor: Actor) {
  return db.transaction(async (tx) => {
    await lockPlanVersions(tx);
    const version = await nextVersion(tx, input.planKey);
    const base = input.definition ?? { format: PLAN_FORMAT, currency: await companyCurrency(tx), minorUnitsPerPoint: 100, activity: { minPv: 0 }, ranks: { ladder: [] }, bonuses: {}, payout: { minimum: 0 } };
    const [row] = await tx
      .insert(compPlanVersions)
      .values({ planKey: input.planKey, version, name: input.name, status: "draft", definition: stamped(base, version, input.name), createdBy: actor.actorUserId })
      .returning({ id: compPlanVersions.id });
    await recordAudit(tx, { actorUserId: actor.actorUserId, action: "plan.draft_created", entityType: ENTITY, entityId: row!.id, after: { planKey: input.planKey, version, name: input.name, imported: Boolean(input.definition) } });
    return { id: row!.id, version };
  });
}

export async function updateDraft(db: DbOrTx, input: z.infer<typeof updateDraftSchema>, actor: Actor) {
  return db.transaction(async (tx) => {
    const row = await lockedVersion(tx, input.id);
    if (row.status !== "draft") throw new AppError("CONFLICT", "plans.errors.notDraft", { status: statusLabel(row.status, actor.locale) });
    if (input.effectiveFromPeriodId !== null) {
      const [p] = await tx.select({ id: periods.id }).from(periods).where(eq(periods.id, input.effectiveFromPeriodId));
      if (!p) throw new AppError("BAD_REQUEST", "plans.errors.periodNotFound", {}, "effectiveFromPeriodId");
    }
    const definition = stamped(input.definition, row.version, input.name);
    await tx
      .update(compPlanVersions)
      .set({ name: input.name, effectiveFromPeriodId: input.effectiveFromPeriodId, definition, updatedAt: new Date() })
      .where(eq(compPlanVersions.id, row.id));
    await recordAudit(tx, {
      actorUserId: actor.actorUserId,
      action: "plan.draft_updated",
      entityType: ENTITY,
      entityId: row.id,
      before: { name: row.name, effectiveFromPeriodId: row.effectiveFromPeriodId, definition: row.definition },
      after: { name: input.name, effectiveFromPeriodId: input.effectiveFromPeriodId, definition },
    });
    return { id: row.id, issues: planIssues(definition, actor.locale) };
  });
}

/** Any version (draft, active or archived) copied into a new draft: the next version number of its key. */
export async function cloneVersion(db: DbOrTx, versionId: number, actor: Actor) {
  return db.transaction(async (tx) => {
    await lockPlanVersions(tx);
    const [source] = await tx.select().from(compPlanVersions).where(eq(compPlanVersions.id, versionId));
    if (!source) throw new AppError("NOT_FOUND", "plans.errors.notFound");
    const version = await nextVersion(tx, source.planKey);
    const [row] = await tx
      .insert(compPlanVersions)
      .values({ planKey: source.planKey, version, name: source.name, status: "draft", definition: stamped(source.definition, version, source.name), createdBy: actor.actorUserId })
      .returning({ id: compPlanVersions.id });
    await recordAudit(tx, { actorUserId: actor.actorUserId, action: "plan.cloned", entityType: ENTITY, entityId: row!.id, after: { from: source.id, fromVersion: source.version, planKey: source.planKey, version } });
    return { id: row!.id, version };
  });
}

export async function activateVersion(db: DbOrTx, input: z.infer<typeof activateSchema>, actor: Actor) {
  return db.transaction(async (tx) => {
    await lockPlanVersions(tx);
    const row = await lockedVersion(tx, input.id);
    if (row.status !== "draft") throw new AppError("CONFLICT", "plans.errors.notDraft", { status: statusLabel(row.status, actor.locale) });
    const [period] = await tx.select().from(periods).where(eq(periods.id, input.effectiveFromPeriodId));
    if (!period) throw new AppError("BAD_REQUEST", "plans.errors.periodNotFound", {}, "effectiveFromPeriodId");
    if (period.status === "closed") throw new AppError("BAD_REQUEST", "plans.errors.periodClosed", { code: period.code }, "effectiveFromPeriodId");
    const parsed = parsePlan(row.definition);
    if (!parsed.ok) throw new AppError("BAD_REQUEST", "plans.errors.invalidDefinition", { count: parsed.errors.length });
    const currency = await companyCurrency(tx);
    if (parsed.plan.currency !== currency) throw new AppError("BAD_REQUEST", "plans.errors.currency", { plan: parsed.plan.currency, company: currency }, "currency");

    // Supersession: every active version starting on or after P gives way to this one.
    const starts = alias(periods, "starts");
    const superseded = await tx
      .select({ id: compPlanVersions.id, version: compPlanVersions.version, planKey: compPlanVersions.planKey, code: starts.code })
      .from(compPlanVersions)
      .innerJoin(starts, eq(starts.id, compPlanVersions.effectiveFromPeriodId))
      .where(and(eq(compPlanVersions.status, "active"), gte(starts.startsOn, period.startsOn)));
    const now = new Date();
    if (superseded.length) {
      await tx
        .update(compPlanVersions)
        .set({ status: "archived", archivedAt: now, updatedAt: now })
        .where(inArray(compPlanVersions.id, superseded.map((s) => s.id)));
      for (const s of superseded)
        await recordAudit(tx, { actorUserId: actor.actorUserId, action: "plan.superseded", entityType: ENTITY, entityId: s.id, before: { status: "active", effectiveFrom: s.code }, after: { status: "archived", by: row.id } });
    }
    const stored = JSON.parse(canonicalPlanJson(parsed.plan)) as Record<string, unknown>;
    await tx
      .update(compPlanVersions)
      .set({ status: "active", effectiveFromPeriodId: period.id, definition: stored, activatedAt: now, updatedAt: now })
      .where(eq(compPlanVersions.id, row.id));
    await recordAudit(tx, {
      actorUserId: actor.actorUserId,
      action: "plan.activated",
      entityType: ENTITY,
      entityId: row.id,
      before: { status: "draft" },
      after: { status: "active", effectiveFrom: period.code, superseded: superseded.map((s) => s.id) },
    });
    return { id: row.id, superseded: superseded.map((s) => ({ id: s.id, planKey: s.planKey, version: s.version })) };
  });
}

export async function archiveVersion(db: DbOrTx, versionId: number, actor: Actor) {
  return db.transaction(async (tx) => {
    await lockPlanVersions(tx);
    const row = await lockedVersion(tx, versionId);
    if (row.status === "archived") throw new AppError("CONFLICT", "plans.errors.alreadyArchived");
    const now = new Date();
    await tx.update(compPlanVersions).set({ status: "archived", archivedAt: now, updatedAt: now }).where(eq(compPlanVersions.id, row.id));
    await recordAudit(tx, { actorUserId: actor.actorUserId, action: "plan.archived", entityType: ENTITY, entityId: row.id, before: { status: row.status }, after: { status: "archived" } });
    return { id: row.id };
  });
}

/** Periods to choose an effective-from (open ones) or a what-if period (any), newest first. */
export async function periodChoices(db: DbOrTx) {
  return db
    .select({ id: periods.id, code: periods.code, name: periods.name, startsOn: periods.startsOn, endsOn: periods.endsOn, status: periods.status })
    .from(periods)
    .orderBy(desc(periods.startsOn))
    .limit(120);
}
