import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { periods } from "./commerce";

export const PLAN_VERSION_STATUSES = ["draft", "active", "archived"] as const;
export type PlanVersionStatus = (typeof PLAN_VERSION_STATUSES)[number];

/**
 * Compensation plans as versioned data (server/compensation/plan.ts is the format). A plan key
 * names a line of versions 1, 2, 3…; each version is a draft (editable), active (in force from
 * `effective_from_period_id` until the next active version's effective-from, across all keys) or
 * archived. The rules, enforced in the database too (migration 0013's triggers):
 * - only a draft's definition, name and effective-from may change; a status moves
 *   draft → active → archived or draft → archived, never back;
 * - only drafts may be deleted;
 * - no two active versions share an effective-from period (partial unique index), so exactly one
 *   version is in force for any period from the earliest effective-from on.
 * `definition` holds the plan JSON as authored: a draft may hold an invalid one (work in
 * progress); activation parses it and refuses it if invalid (server/compensation/plan-store.ts).
 */
export const compPlanVersions = pgTable(
  "comp_plan_versions",
  {
    id: serial().primaryKey(),
    planKey: text().notNull(),
    version: integer().notNull(),
    name: text().notNull(),
    status: text().$type<PlanVersionStatus>().notNull().default("draft"),
    effectiveFromPeriodId: bigint({ mode: "number" }).references(() => periods.id),
    definition: jsonb().$type<Record<string, unknown>>().notNull(),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    activatedAt: timestamp({ withTimezone: true }),
    archivedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("comp_plan_versions_key_version").on(t.planKey, t.version),
    uniqueIndex("comp_plan_versions_one_active_per_start").on(t.effectiveFromPeriodId).where(sql`status = 'active'`),
    index("comp_plan_versions_status_idx").on(t.status),
    check("comp_plan_versions_status", sql`${t.status} IN ('draft', 'active', 'archived')`),
    check("comp_plan_versions_version", sql`${t.version} >= 1`),
    check("comp_plan_versions_key", sql`${t.planKey} ~ '^[a-z0-9][a-z0-9_-]{0,39}$'`),
    check("comp_plan_versions_active_has_start", sql`${t.status} <> 'active' OR ${t.effectiveFromPeriodId} IS NOT NULL`),
    check("comp_plan_versions_definition_object", sql`jsonb_typeof(${t.definition}) = 'object'`),
  ],
);
