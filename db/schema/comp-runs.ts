import { sql } from "drizzle-orm";
import { bigint, boolean, check, customType, index, integer, jsonb, pgTable, primaryKey, serial, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { periods } from "./commerce";
import { compPlanVersions } from "./comp-plans";
import { journalEntries } from "./ledger";
import { consultants } from "./network";

const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

export const COMP_RUN_KINDS = ["preview", "close"] as const;
export type CompRunKind = (typeof COMP_RUN_KINDS)[number];
/**
 * queued → running → done (preview) | closed (close) → published (close only);
 * running/queued → cancelled (on request, checked between phases) | failed (error kept in `error`).
 */
export const COMP_RUN_STATUSES = ["queued", "running", "done", "failed", "cancelled", "closed", "published"] as const;
export type CompRunStatus = (typeof COMP_RUN_STATUSES)[number];
/** Phases a run reports in `phase`, in order (percent is the whole run's, 0..100). */
export const COMP_RUN_PHASES = ["queued", "snapshot", "engine", "lines", "consultants", "ledger", "summary", "finished"] as const;
export type CompRunPhase = (typeof COMP_RUN_PHASES)[number];

/** What `comp_runs.summary` holds (server/compensation/runs/summary.ts builds it). Money in minor units as strings (bigint). */
export type CompRunSummary = {
  currency: string;
  consultants: number;
  lines: number;
  /** Σ of every line, adjustments and clawbacks included (what the close posts). */
  totalPaid: string;
  /** Σ CV of the period (hundredths of a point) and payout as % of CV × minorUnitsPerPoint, in basis points. */
  totalCv: string;
  payoutBp: number | null;
  byBonus: { bonus: string; lines: number; amount: string }[];
  /** Paid-as rank ("" = none): consultants and what they were paid. */
  byRank: { rank: string; consultants: number; amount: string }[];
  /** The plan's rank names by code, for screens (a name or one per locale). */
  rankNames?: Record<string, string | { "pt-BR": string; es?: string; en?: string }>;
  top: { consultantId: number; code: string; name: string; rank: string | null; amount: string }[];
  /** Achieved a rank above their highest before this period. */
  promoted: { consultantId: number; code: string; name: string; from: string | null; to: string }[];
  promotedCount: number;
  /** Earnings distribution in whole currency units: [0], (0,10), [10,100), … ; `upTo` null = no upper bound. */
  distribution: { from: number; upTo: number | null; consultants: number; amount: string }[];
  adjustments: { count: number; amount: string };
  clawbacks: { count: number; amount: string };
  timings: Record<string, number>;
};

/**
 * A commission run of one period. Preview runs may be repeated (each new preview's lines replace
 * the previous preview's: older previews of the period keep their row, status and summary but
 * their lines are deleted); a close run is the period's single final run: the partial unique
 * indexes below make "at most one close run in flight or closed per period" a database fact, so a
 * second or concurrent close is refused by the database, not just by code. `ledger_entry_id` is the
 * one journal entry the close posted (unique: posting twice would need a second run row).
 */
export const compRuns = pgTable(
  "comp_runs",
  {
    id: serial().primaryKey(),
    periodId: bigint({ mode: "number" })
      .notNull()
      .references(() => periods.id),
    /** The plan version the run computed with (the one active for the period when it started). */
    planVersionId: integer()
      .notNull()
      .references(() => compPlanVersions.id),
    kind: text().$type<CompRunKind>().notNull(),
    status: text().$type<CompRunStatus>().notNull().default("queued"),
    /** Current phase (COMP_RUN_PHASES) and percent of the whole run, written at most every ~250 ms. */
    phase: text().$type<CompRunPhase>().notNull().default("queued"),
    percent: smallint().notNull().default(0),
    /** Set by `cancel`; the job checks it between phases and stops (status cancelled), before any ledger posting. */
    cancelRequested: boolean().notNull().default(false),
    currency: text(),
    /** SHA-256 hex of the engine's canonical inputs (plan + snapshot) and outputs (server/compensation/hash.ts). */
    inputHash: text(),
    outputHash: text(),
    consultantCount: integer(),
    lineCount: integer(),
    /** Σ lines (minor units), adjustments and clawbacks included. */
    totalPaid: bigint({ mode: "number" }),
    summary: jsonb().$type<CompRunSummary>(),
    error: text(),
    ledgerEntryId: bigint({ mode: "number" }).references(() => journalEntries.id),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    closedBy: uuid().references(() => users.id),
    publishedAt: timestamp({ withTimezone: true }),
    publishedBy: uuid().references(() => users.id),
  },
  (t) => [
    index("comp_runs_period_idx").on(t.periodId, t.id),
    // One close per period that is queued, running, closed or published (failed/cancelled ones may be retried).
    uniqueIndex("comp_runs_one_close_per_period").on(t.periodId).where(sql`kind = 'close' and status in ('queued', 'running', 'closed', 'published')`),
    uniqueIndex("comp_runs_ledger_entry_key").on(t.ledgerEntryId),
    check("comp_runs_kind", sql`${t.kind} in ('preview', 'close')`),
    check("comp_runs_status", sql`${t.status} in ('queued', 'running', 'done', 'failed', 'cancelled', 'closed', 'published')`),
    check("comp_runs_status_kind", sql`(${t.kind} = 'preview' and ${t.status} not in ('closed', 'published')) or (${t.kind} = 'close' and ${t.status} <> 'done')`),
    check("comp_runs_percent", sql`${t.percent} between 0 and 100`),
    check("comp_runs_closed_posted", sql`${t.status} not in ('closed', 'published') or (${t.closedAt} is not null)`),
  ],
);

/**
 * One commission line of a run (the engine's CommissionLine plus what "explain" needs without
 * re-running the engine). Key (run_id, line_no): `line_no` is the line's index in the run (0-based,
 * engine order, then adjustments, then clawbacks) and is the `[lineId]` of
 * /admin/compensation/runs/[runId]/lines/[lineId].
 */
export const compRunLines = pgTable(
  "comp_run_lines",
  {
    /**
     * The run (comp_runs.id). Not a row-level foreign key: at a million consultants its per-row
     * check was ~40 % of the close's line COPY. Migration 0018 enforces the same thing per
     * statement (a trigger checks and key-share locks the runs of the inserted rows) and deletes a
     * run's lines with the run, as the cascade did.
     */
    runId: integer().notNull(),
    lineNo: integer().notNull(),
    /** The earner. */
    consultantId: bigint({ mode: "number" }).notNull(),
    /**
     * unilevel | binary | matrix | stair_step | breakaway_override | generation | fast_start |
     * payout_held (negative: below the minimum payout, carried to next period) | payout_released
     * (positive: earlier pending paid now) | adjustment (comp_adjustments) | clawback (comp_clawbacks, negative).
     */
    bonus: text().notNull(),
    /** Integer minor units of comp_runs.currency (negative for payout_held, clawback, negative adjustments). */
    amount: bigint({ mode: "number" }).notNull(),
    /** Whose volume the line pays on (null for payout_*, adjustment). Binary: the earner. */
    sourceConsultantId: bigint({ mode: "number" }),
    /** Compressed level (unilevel), generation (generation, breakaway_override), matrix level, fast-start level; 0 when none. */
    level: smallint().notNull().default(0),
    /** The earner's paid-as rank code this period (null: no rank). */
    rank: text(),
    /** The rule's percentage in basis points (1000 = 10 %). */
    pctBp: integer().notNull().default(0),
    /** The volume the percentage applied to, hundredths of a point: the source's CV (binary: the paired volume). */
    baseVolume: bigint({ mode: "number" }).notNull().default(0),
    /**
     * The exact amount before rounding is exact_numerator / 1,000,000 minor units
     * (= base_volume × minor_units_per_point × pct_bp); rounding_remainder = exact − amount, same
     * denominator (half-even to the minor unit, server/compensation/rounding.ts). Text: may pass 2^53.
     */
    exactNumerator: text(),
    roundingRemainder: text(),
    /** Stable rule key for the explain screen: unilevel.level, unilevel.roll_up, binary.weaker_leg, …, adjustment.manual, clawback.return. */
    rule: text().notNull(),
    /** Uplines skipped by compression between source and earner (unilevel, dynamic matrix). */
    compressedCount: integer(),
    /** Unilevel roll-up: the upline (consultant id) whose rank did not unlock this level. */
    rolledUpFrom: bigint({ mode: "number" }),
    /** breakaway_override / generation: the consultant heading the group the volume belongs to. */
    groupHead: bigint({ mode: "number" }),
    /** stair_step: the percentage (bp) already paid below on this volume. */
    paidBelowBp: integer(),
    /** 1 = rolled up, 2 = cut by the binary payout cap. */
    flags: smallint().notNull().default(0),
    /** adjustment lines: the comp_adjustments row. */
    adjustmentId: integer(),
    /** clawback lines: the comp_clawbacks row (which references the original run line). */
    clawbackId: integer(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.lineNo] }), index("comp_run_lines_consultant_idx").on(t.runId, t.consultantId)],
);

/**
 * Per-consultant results of a run: the numbers behind the ranks and the history the next
 * period's run reads (carry-out → carry-in, pending-out → pending-in, paid-as, highest, grace,
 * qualification streaks). Every consultant of the snapshot has a row. Volumes in hundredths of a
 * point, money in minor units; rank columns hold the plan's rank codes (null = none).
 */
export const compRunConsultants = pgTable(
  "comp_run_consultants",
  {
    /** The run (comp_runs.id), checked per statement as comp_run_lines.run_id is (migration 0018). */
    runId: integer().notNull(),
    consultantId: bigint({ mode: "number" }).notNull(),
    pv: bigint({ mode: "number" }).notNull(),
    cv: bigint({ mode: "number" }).notNull(),
    gv: bigint({ mode: "number" }).notNull(),
    /** Status active and PV ≥ the plan's activity minimum. */
    active: boolean().notNull(),
    achievedRank: text(),
    paidAsRank: text(),
    /** Highest rank ever, this period included. */
    highestRank: text(),
    /** Consecutive periods paid-as was kept above achieved by grace. */
    graceUsed: smallint().notNull().default(0),
    /** Qualification streak per rank (one byte each, the plan's ladder order); null when the plan does not track months. */
    qualifiedStreak: bytea(),
    carryInLeft: bigint({ mode: "number" }).notNull().default(0),
    carryInRight: bigint({ mode: "number" }).notNull().default(0),
    legLeft: bigint({ mode: "number" }).notNull().default(0),
    legRight: bigint({ mode: "number" }).notNull().default(0),
    paired: bigint({ mode: "number" }).notNull().default(0),
    carryOutLeft: bigint({ mode: "number" }).notNull().default(0),
    carryOutRight: bigint({ mode: "number" }).notNull().default(0),
    pendingIn: bigint({ mode: "number" }).notNull().default(0),
    /** Held below the minimum payout: next period's pending-in. */
    pendingOut: bigint({ mode: "number" }).notNull().default(0),
    /** Σ of this consultant's lines in the run (adjustments and clawbacks included): what the close credits to the wallet. */
    total: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.runId, t.consultantId] }), index("comp_run_consultants_total_idx").on(t.runId, t.total)],
);

/**
 * Manual adjustments (signed minor units) with a reason, audited (audit_log). An adjustment
 * belongs to a period and is included as a line (bonus 'adjustment') in that period's preview and
 * close runs; once a close run applies it (`applied_run_id`) it is final. Only unapplied ones may
 * be edited or deleted (deleting sets `deleted_at`: the row stays for the audit).
 */
export const compAdjustments = pgTable(
  "comp_adjustments",
  {
    id: serial().primaryKey(),
    periodId: bigint({ mode: "number" })
      .notNull()
      .references(() => periods.id),
    consultantId: bigint({ mode: "number" })
      .notNull()
      .references(() => consultants.id),
    amount: bigint({ mode: "number" }).notNull(),
    currency: text().notNull(),
    reason: text().notNull(),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp({ withTimezone: true }),
    appliedRunId: integer().references(() => compRuns.id),
  },
  (t) => [
    index("comp_adjustments_period_idx").on(t.periodId, t.consultantId),
    check("comp_adjustments_amount", sql`${t.amount} <> 0`),
    check("comp_adjustments_reason", sql`length(btrim(${t.reason})) between 3 and 500`),
  ],
);

/**
 * Clawbacks: what a return of an order whose period was already closed takes back from the lines
 * that paid on that order's volume. One row per original line clawed (negative `amount`), created
 * inside the return's approval (server/returns/clawback.ts) for the next open period (`period_id`)
 * and applied as a 'clawback' line when that period's run closes (`applied_run_id`).
 * Rule: amount = −round_half_even(original.amount × returned_cv / source_cv), where source_cv is
 * the CV the original run counted for the order's consultant in the original period; never more
 * than what the line paid minus earlier clawbacks of the same line.
 */
export const compClawbacks = pgTable(
  "comp_clawbacks",
  {
    id: serial().primaryKey(),
    periodId: bigint({ mode: "number" })
      .notNull()
      .references(() => periods.id),
    consultantId: bigint({ mode: "number" })
      .notNull()
      .references(() => consultants.id),
    amount: bigint({ mode: "number" }).notNull(),
    currency: text().notNull(),
    originalRunId: integer()
      .notNull()
      .references(() => compRuns.id),
    originalLineNo: integer().notNull(),
    returnId: bigint({ mode: "number" }).notNull(),
    orderId: bigint({ mode: "number" }).notNull(),
    /** The order's consultant: the source of the original line. */
    sourceConsultantId: bigint({ mode: "number" }).notNull(),
    /** Returned CV and the source's CV in the original run (hundredths): amount = original × returned / source. */
    returnedCv: bigint({ mode: "number" }).notNull(),
    sourceCv: bigint({ mode: "number" }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    appliedRunId: integer().references(() => compRuns.id),
  },
  (t) => [
    index("comp_clawbacks_period_idx").on(t.periodId, t.consultantId),
    uniqueIndex("comp_clawbacks_return_line_key").on(t.returnId, t.originalRunId, t.originalLineNo),
    check("comp_clawbacks_negative", sql`${t.amount} < 0`),
  ],
);
