import { z } from "zod";

/**
 * A compensation plan as data: one versioned JSON document, validated here, read by the engine
 * (engine.ts) and documented field by field in docs/plans.md. Units, everywhere:
 * - volumes (PV, GV, carry caps) are integer hundredths of a point (2550 = 25.50 PV), as stored;
 * - money is integer minor units of `currency` (2000 = R$ 20,00);
 * - percentages are integer basis points (1000 = 10 %, 1 = 0.01 %).
 * Every option has the GLOSSARY's meaning by default; an option that departs from it is named
 * in the plan (never implied) and explained in docs/plans.md. Unknown keys are errors, so a typo
 * in a plan is refused instead of silently meaning the default.
 */

export const PLAN_FORMAT = "rede.plan/1";
export const MAX_LEVELS = 50;

const rankCode = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, "rank codes are 1-32 lower-case letters, digits, '-' or '_'");
const bp = z.number().int().min(0).max(10_000);
const volume = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const minor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const count = z.number().int().min(0).max(1_000_000);
const levels = z.array(bp).min(1).max(MAX_LEVELS);
/** Rank code → levels or generations that rank unlocks (ranks not listed: see `unlockedBy`). */
const unlockTable = z.record(rankCode, z.number().int().min(0).max(MAX_LEVELS));
const localisedName = z.union([z.string().min(1).max(80), z.strictObject({ "pt-BR": z.string().min(1).max(80), es: z.string().max(80).optional(), en: z.string().max(80).optional() })]);

const requirements = z.strictObject({
  pv: volume.optional(),
  gv: volume.optional(),
  /** GV counted with each sponsor leg capped at `maxLegShareBp` of `gv`; own PV counts in full. */
  gvMaxLeg: z.strictObject({ gv: volume, maxLegShareBp: bp.min(1) }).optional(),
  activeFrontline: count.optional(),
  /** Frontline legs in which someone (the frontline consultant included) holds at least `rank`. */
  legsWithRank: z.array(z.strictObject({ rank: rankCode, legs: count.min(1) })).max(10).optional(),
  /** Consecutive periods, this one included, in which every other requirement was met. */
  monthsQualified: z.number().int().min(1).max(255).optional(),
});

const rank = z.strictObject({ code: rankCode, name: localisedName, requirements: requirements.default({}) });

const compression = z.enum(["dynamic", "none"]);

const unilevel = z.strictObject({
  levelsBp: levels,
  levelsByRank: unlockTable.default({}),
  levelsWithoutRank: z.number().int().min(0).max(MAX_LEVELS).default(0),
  compression: compression.default("dynamic"),
  /** Departure: with dynamic compression, also skip active uplines whose paid-as rank is below this. */
  compressBelowRank: rankCode.nullable().default(null),
  /** Departure: a level an upline's rank does not unlock goes to the nearest eligible upline above who unlocks it. */
  rollUp: z.boolean().default(false),
});

const binary = z.strictObject({
  pctBp: bp,
  pairing: z.enum(["1:1", "2:1"]).default("1:1"),
  /** Largest carry-out per leg (hundredths of a point); null: no cap. */
  carryCap: volume.nullable().default(null),
  /** Largest binary amount per consultant per period (minor units); cuts the amount, not the carry. */
  payoutCap: minor.nullable().default(null),
  /** What an inactive (or below `minRank`) consultant carries out. Default "keep": their carry-in, unchanged. */
  inactiveCarry: z.enum(["keep", "accumulate", "flush"]).default("keep"),
  minRank: rankCode.nullable().default(null),
});

const matrix = z.strictObject({
  width: z.number().int().min(2).max(20),
  levelsBp: levels,
  /** Default "none": a forced matrix pays by position, an ineligible position uses up its level. */
  compression: compression.default("none"),
  minRank: rankCode.nullable().default(null),
});

const generations = {
  generationsBp: levels,
  /** Generations unlocked by paid-as rank; a rank not listed unlocks what the nearest listed rank below it does (none listed below: every generation). */
  generationsByRank: unlockTable.default({}),
};

const stairStep = z.strictObject({
  /** Differential percentage by paid-as rank; a rank not listed has the percentage of the nearest listed rank below it (none: 0). */
  pctByRank: z.record(rankCode, bp),
  breakawayRank: rankCode,
  /** Whether a consultant's own CV is paid to them at their stair-step percentage. */
  includeOwnVolume: z.boolean().default(true),
  ...generations,
});

const generation = z.strictObject({ rank: rankCode, ...generations });

const fastStart = z.strictObject({
  /** Level 1 = the new consultant's sponsor, level 2 = the sponsor's sponsor, … (no compression). */
  levelsBp: levels,
  requireActive: z.boolean().default(true),
});

export const planSchema = z
  .strictObject({
    format: z.literal(PLAN_FORMAT),
    name: z.string().min(1).max(120),
    version: z.number().int().min(1),
    currency: z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 code such as BRL"),
    /** Minor units one point of CV is worth at 100 % (100: 1.00 CV = 1.00 of a two-decimal currency). */
    minorUnitsPerPoint: z.number().int().min(0).max(1_000_000).default(100),
    activity: z.strictObject({ minPv: volume.default(0) }).default({ minPv: 0 }),
    ranks: z
      .strictObject({
        ladder: z.array(rank).max(100).default([]),
        legRankBasis: z.enum(["achieved", "paidAs", "highest"]).default("achieved"),
        maintenance: z.strictObject({ graceMonths: z.number().int().min(0).max(24).default(0) }).default({ graceMonths: 0 }),
      })
      .default({ ladder: [], legRankBasis: "achieved", maintenance: { graceMonths: 0 } }),
    bonuses: z.strictObject({
      unilevel: unilevel.optional(),
      binary: binary.optional(),
      matrix: matrix.optional(),
      stairStep: stairStep.optional(),
      generation: generation.optional(),
      fastStart: fastStart.optional(),
    }),
    payout: z.strictObject({ minimum: minor.default(0) }).default({ minimum: 0 }),
  })
  .superRefine((plan, ctx) => {
    const codes = plan.ranks.ladder.map((r) => r.code);
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    const known = (code: string | null, path: (string | number)[]) => code !== null && !codes.includes(code) && issue(path, `unknown rank "${code}"`);
    codes.forEach((c, k) => codes.indexOf(c) !== k && issue(["ranks", "ladder", k, "code"], `rank "${c}" appears twice`));
    plan.ranks.ladder.forEach((r, k) => r.requirements.legsWithRank?.forEach((l, j) => known(l.rank, ["ranks", "ladder", k, "requirements", "legsWithRank", j, "rank"])));
    const table = (t: Record<string, number>, path: (string | number)[], max?: number) =>
      Object.entries(t).forEach(([c, v]) => {
        known(c, [...path, c]);
        if (max !== undefined && v > max) issue([...path, c], `${v} is more than the ${max} defined`);
      });
    const { unilevel: u, binary: b, matrix: m, stairStep: s, generation: g } = plan.bonuses;
    if (u) {
      table(u.levelsByRank, ["bonuses", "unilevel", "levelsByRank"], u.levelsBp.length);
      if (u.levelsWithoutRank > u.levelsBp.length) issue(["bonuses", "unilevel", "levelsWithoutRank"], `more than the ${u.levelsBp.length} levels defined`);
      known(u.compressBelowRank, ["bonuses", "unilevel", "compressBelowRank"]);
      if (u.compressBelowRank !== null && u.compression === "none") issue(["bonuses", "unilevel", "compressBelowRank"], "needs compression: dynamic");
    }
    if (b) known(b.minRank, ["bonuses", "binary", "minRank"]);
    if (m) known(m.minRank, ["bonuses", "matrix", "minRank"]);
    if (b && m && m.width !== 2) issue(["bonuses", "matrix", "width"], "binary and matrix read the same placement tree: with a binary bonus the matrix width must be 2");
    if (g) {
      known(g.rank, ["bonuses", "generation", "rank"]);
      table(g.generationsByRank, ["bonuses", "generation", "generationsByRank"], g.generationsBp.length);
    }
    if (s) {
      table(s.pctByRank, ["bonuses", "stairStep", "pctByRank"]);
      table(s.generationsByRank, ["bonuses", "stairStep", "generationsByRank"], s.generationsBp.length);
      known(s.breakawayRank, ["bonuses", "stairStep", "breakawayRank"]);
      const at = codes.indexOf(s.breakawayRank);
      if (at >= 0) {
        const pcts = stairPercentages(codes, s.pctByRank);
        if (pcts[at]! === 0) issue(["bonuses", "stairStep", "pctByRank"], `the breakaway rank "${s.breakawayRank}" needs a percentage above 0`);
        pcts.forEach((p, k) => {
          if (k < at && p >= pcts[at]!) issue(["bonuses", "stairStep", "pctByRank", codes[k]!], `must be below the breakaway rank's ${pcts[at]} bp`);
          if (k > at && p !== pcts[at]!) issue(["bonuses", "stairStep", "pctByRank", codes[k]!], `ranks above the breakaway rank keep its ${pcts[at]} bp (the differential ends at the breakaway)`);
        });
      }
    }
  });

export type Plan = z.output<typeof planSchema>;
export type PlanInput = z.input<typeof planSchema>;
export type RankDefinition = Plan["ranks"]["ladder"][number];

/**
 * A stair-step table spread over the ladder: each rank takes its own listed percentage, or the
 * nearest listed one below it, or 0. Used by the schema's checks and by the engine alike.
 */
export function stairPercentages(codes: readonly string[], pctByRank: Record<string, number>): number[] {
  let last = 0;
  return codes.map((c) => (last = pctByRank[c] ?? last));
}

/** Levels (or generations) a rank unlocks: its own entry, else the nearest listed rank below it, else `fallback`. */
export function unlockedBy(codes: readonly string[], table: Record<string, number>, fallback: number): number[] {
  let last = fallback;
  return codes.map((c) => (last = table[c] ?? last));
}

export type PlanParse = { ok: true; plan: Plan } | { ok: false; errors: string[] };

/** Parses a plan; errors are "path: message" lines a plan designer can act on. */
export function parsePlan(json: unknown): PlanParse {
  const parsed = planSchema.safeParse(json);
  if (parsed.success) return { ok: true, plan: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.length ? i.path.join(".") : "(plan)"}: ${i.message}`) };
}

/** The plan as canonical JSON: defaults filled in, keys sorted. What the hashes and exports use. */
export function canonicalPlanJson(plan: Plan): string {
  return JSON.stringify(sortKeys(plan));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
