import { runEngine, type EngineResult } from "@/server/compensation/engine";
import { parsePlan, type Plan, type PlanInput } from "@/server/compensation/plan";
import { STATUS_NAMES, type Snapshot } from "@/server/compensation/snapshot";

/**
 * Small hand-written networks for the engine's tests: people by code, volumes in points (as a
 * person writes them: 12.5 is 12.50 PV), amounts read back as "25.50".
 */
export type Person = {
  code: string;
  sponsor?: string;
  placement?: string;
  /** "L" / "R" for binary, 1..width for a matrix. */
  leg?: "L" | "R" | number;
  status?: (typeof STATUS_NAMES)[number];
  pv?: number;
  cv?: number;
  joined?: number;
  carryLeft?: number;
  carryRight?: number;
};

export const PERIOD = 202506;
const hundredths = (points = 0) => Math.round(points * 100);

export function network(people: Person[], extra: Partial<Snapshot> = {}) {
  const codes = people.map((p) => p.code);
  const at = (code: string | undefined) => {
    if (code === undefined) return -1;
    const i = codes.indexOf(code);
    if (i < 0) throw new Error(`no ${code} in the test network`);
    return i;
  };
  const snapshot: Snapshot = {
    period: PERIOD,
    count: people.length,
    sponsor: Int32Array.from(people, (p) => at(p.sponsor)),
    placementParent: Int32Array.from(people, (p) => at(p.placement)),
    placementSlot: Uint8Array.from(people, (p) => (p.leg === undefined ? 0 : p.leg === "L" ? 1 : p.leg === "R" ? 2 : p.leg)),
    status: Uint8Array.from(people, (p) => STATUS_NAMES.indexOf(p.status ?? "active")),
    joinPeriod: Int32Array.from(people, (p) => p.joined ?? 202001),
    pv: Float64Array.from(people, (p) => hundredths(p.pv)),
    cv: Float64Array.from(people, (p) => hundredths(p.cv)),
    ...(people.some((p) => p.carryLeft || p.carryRight)
      ? { carryInLeft: Float64Array.from(people, (p) => hundredths(p.carryLeft)), carryInRight: Float64Array.from(people, (p) => hundredths(p.carryRight)) }
      : {}),
    ...extra,
  };
  return { snapshot, codes, at };
}

export function plan(input: PlanInput | Record<string, unknown>): Plan {
  const parsed = parsePlan(input);
  if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
  return parsed.plan;
}

/** A plan with only what a test sets, plus the required header. */
export const basePlan = { format: "rede.plan/1", name: "test", version: 1, currency: "BRL" } as const;

export const money = (minor: number | bigint) => {
  const v = BigInt(minor), sign = v < 0n ? "-" : "", a = v < 0n ? -v : v;
  return `${sign}${a / 100n}.${String(a % 100n).padStart(2, "0")}`;
};

/** Every line as "earner bonus L<level> <amount> from <source>". */
export function describe(result: EngineResult, codes: string[]): string[] {
  return [...result.lines].map((l) => `${codes[l.consultant]} ${l.bonus} L${l.level} ${money(l.amount)} from ${codes[l.source]}`);
}

/** Paid per consultant as "25.50", for everyone in the network. */
export function paidBy(result: EngineResult, codes: string[]): Record<string, string> {
  return Object.fromEntries(codes.map((c, i) => [c, money(result.paid[i]!)]));
}

export function run(people: Person[], planInput: Record<string, unknown>, extra: Partial<Snapshot> = {}) {
  const net = network(people, extra);
  const result = runEngine(net.snapshot, plan({ ...basePlan, ...planInput }));
  return { ...net, result, lines: describe(result, net.codes), paid: paidBy(result, net.codes) };
}
