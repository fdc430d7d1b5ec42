import { z } from "zod";
import type { Locale } from "@/server/i18n/locales";
import type { MessageKey } from "@/server/i18n/messages";
import { translator } from "@/server/i18n/translate";
import { planSchema } from "../plan";

/** One problem of a plan definition: the field's dotted path (as the form names its inputs) and a sentence in the user's language. */
export type PlanIssue = { path: string; message: string };

const zodLocale = { "pt-BR": z.locales.pt(), es: z.locales.es(), en: z.locales.en() } as const;

/**
 * The schema's own checks (superRefine in plan.ts) speak English for the CLI; here each is told
 * in the user's language. Anything not recognised keeps the schema's English text, never hidden.
 */
const CUSTOM: [RegExp, MessageKey, string[]][] = [
  [/^unknown rank "(.*)"$/, "plans.validation.unknownRank", ["rank"]],
  [/^rank "(.*)" appears twice$/, "plans.validation.duplicateRank", ["rank"]],
  [/^(\d+) is more than the (\d+) defined$/, "plans.validation.moreThanDefined", ["value", "max"]],
  [/^more than the (\d+) levels defined$/, "plans.validation.moreThanLevels", ["max"]],
  [/^needs compression: dynamic$/, "plans.validation.needsDynamic", []],
  [/^binary and matrix read the same placement tree/, "plans.validation.matrixWidth", []],
  [/^the breakaway rank "(.*)" needs a percentage above 0$/, "plans.validation.breakawayZero", ["rank"]],
  [/^must be below the breakaway rank's (\d+) bp$/, "plans.validation.belowBreakaway", ["bp"]],
  [/^ranks above the breakaway rank keep its (\d+) bp/, "plans.validation.aboveBreakaway", ["bp"]],
  [/^rank codes are/, "plans.validation.rankCode", []],
  [/^an ISO 4217 code/, "plans.validation.currency", []],
];

/** The definition's problems (empty when it parses), localised, in the schema's order. */
export function planIssues(definition: unknown, locale: Locale): PlanIssue[] {
  const parsed = planSchema.safeParse(definition);
  if (parsed.success) return [];
  const t = translator(locale);
  return parsed.error.issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    return { path, message: describe(issue, t, locale) };
  });
}

function describe(issue: z.core.$ZodIssue, t: ReturnType<typeof translator>, locale: Locale): string {
  for (const [pattern, key, names] of CUSTOM) {
    const m = pattern.exec(issue.message);
    if (m) return t(key, Object.fromEntries(names.map((n, k) => [n, m[k + 1]!])));
  }
  switch (issue.code) {
    case "invalid_type":
      // Zod 4 drops the received value; an absent field is the common case of a form left empty.
      if (issue.expected === "int") return t("plans.validation.integer");
      if (/received undefined/.test(issue.message)) return t("plans.validation.required");
      return t("plans.validation.invalidType", { expected: t(expectedKey(issue.expected)) });
    case "too_small":
      if (issue.origin === "number" || issue.origin === "int") return t("plans.validation.min", { min: inUnits(issue.path, Number(issue.minimum), locale) });
      if (issue.origin === "array") return t("plans.validation.minItems", { min: Number(issue.minimum) });
      return t("plans.validation.required");
    case "too_big":
      if (issue.origin === "number" || issue.origin === "int") return t("plans.validation.max", { max: inUnits(issue.path, Number(issue.maximum), locale) });
      if (issue.origin === "array") return t("plans.validation.maxItems", { max: Number(issue.maximum) });
      return t("plans.validation.maxLength", { max: Number(issue.maximum) });
    case "unrecognized_keys":
      return t("plans.validation.unknownKeys", { keys: issue.keys.join(", ") });
    case "invalid_value":
      return t("plans.validation.oneOf", { values: issue.values.map((v) => JSON.stringify(v)).join(", ") });
    default: {
      const localised = zodLocale[locale].localeError(issue as never);
      return typeof localised === "string" ? localised : (localised?.message ?? issue.message);
    }
  }
}

/**
 * A limit in the units the form shows: basis points as a percentage (10000 → "100 %"), volumes in
 * points and money in currency units (hundredths → "50,00"); counts as they are.
 */
export function unitOf(path: readonly PropertyKey[]): "percent" | "hundredths" | null {
  const names = path.filter((p): p is string => typeof p === "string");
  const last = names[names.length - 1] ?? "";
  if (/Bp$/.test(last) || names.includes("levelsBp") || names.includes("generationsBp") || names.includes("pctByRank")) return "percent";
  if (["pv", "gv", "minPv", "carryCap", "minimum", "payoutCap"].includes(last)) return "hundredths";
  return null;
}

function inUnits(path: readonly PropertyKey[], limit: number, locale: Locale): string {
  const unit = unitOf(path);
  if (limit > 1e12) return new Intl.NumberFormat(locale).format(limit);
  if (unit === "percent") return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(limit / 100)} %`;
  if (unit === "hundredths") return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(limit / 100);
  return new Intl.NumberFormat(locale).format(limit);
}

function expectedKey(expected: string): MessageKey {
  switch (expected) {
    case "number":
      return "plans.validation.types.number";
    case "string":
      return "plans.validation.types.string";
    case "boolean":
      return "plans.validation.types.boolean";
    case "array":
      return "plans.validation.types.array";
    case "object":
      return "plans.validation.types.object";
    default:
      return "plans.validation.types.other";
  }
}
