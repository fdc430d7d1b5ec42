import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { canonicalPlanJson, parsePlan } from "@/server/compensation/plan";
import { basePlan } from "./network";

const dir = path.join(process.cwd(), "docs/plans");
const files = fs.readdirSync(dir).filter((f) => f.endsWith(".json"));

describe("plan schema", () => {
  it("has an example for each bonus type in docs/plans", () => {
    for (const name of ["unilevel", "binary", "matrix", "stair-step", "generation", "fast-start", "minimum-payout", "ranks"]) expect(files).toContain(`${name}.json`);
  });

  it.each(files)("docs/plans/%s is a valid plan, and documented in docs/plans.md", (file) => {
    const parsed = parsePlan(JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")));
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    expect(fs.readFileSync(path.join(process.cwd(), "docs/plans.md"), "utf8")).toContain(`plans/${file}`);
  });

  it("fills defaults the GLOSSARY way and canonicalises key order", () => {
    const a = parsePlan({ ...basePlan, bonuses: { unilevel: { levelsBp: [1000] }, binary: { pctBp: 1000 } } });
    const b = parsePlan({ bonuses: { binary: { pctBp: 1000 }, unilevel: { levelsBp: [1000] } }, currency: "BRL", version: 1, name: "test", format: "rede.plan/1" });
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.plan.bonuses.unilevel).toMatchObject({ compression: "dynamic", rollUp: false, compressBelowRank: null, levelsWithoutRank: 0 });
    expect(a.plan.bonuses.binary).toMatchObject({ pairing: "1:1", carryCap: null, payoutCap: null, inactiveCarry: "keep" });
    expect(a.plan.minorUnitsPerPoint).toBe(100);
    expect(canonicalPlanJson(a.plan)).toBe(canonicalPlanJson(b.plan));
  });

  const errors = (extra: Record<string, unknown>) => {
    const parsed = parsePlan({ ...basePlan, bonuses: {}, ...extra });
    return parsed.ok ? [] : parsed.errors;
  };
  const ladder = { ladder: [{ code: "bronze", name: "Bronze", requirements: { pv: 100 } }, { code: "ouro", name: "Ouro" }] };

  it("refuses typos, unknown ranks and contradictions with a path a designer can follow", () => {
    expect(errors({ bonuses: { unilevel: { levelsBp: [1000], rolUp: true } } })).toEqual([expect.stringMatching(/^bonuses\.unilevel: .*rolUp/)]);
    expect(errors({ ranks: ladder, bonuses: { unilevel: { levelsBp: [1000], levelsByRank: { prata: 1 } } } })).toEqual(['bonuses.unilevel.levelsByRank.prata: unknown rank "prata"']);
    expect(errors({ ranks: ladder, bonuses: { unilevel: { levelsBp: [1000], levelsByRank: { ouro: 2 } } } })).toEqual(["bonuses.unilevel.levelsByRank.ouro: 2 is more than the 1 defined"]);
    expect(errors({ bonuses: { unilevel: { levelsBp: [1000], compression: "none", compressBelowRank: "bronze" } }, ranks: ladder })).toEqual(["bonuses.unilevel.compressBelowRank: needs compression: dynamic"]);
    expect(errors({ bonuses: { binary: { pctBp: 1000 }, matrix: { width: 3, levelsBp: [100] } } })).toEqual([expect.stringMatching(/^bonuses\.matrix\.width: .*must be 2/)]);
    expect(errors({ bonuses: { binary: { pctBp: 10001 } } })).toEqual([expect.stringMatching(/^bonuses\.binary\.pctBp: /)]);
    expect(errors({ ranks: { ladder: [ladder.ladder[0], ladder.ladder[0]] } })).toEqual(['ranks.ladder.1.code: rank "bronze" appears twice']);
    expect(errors({ currency: "real" })).toEqual([expect.stringMatching(/^currency: /)]);
  });

  it("keeps the stair-step's breakaway percentage the highest", () => {
    const stair = (pctByRank: Record<string, number>) => errors({ ranks: ladder, bonuses: { stairStep: { pctByRank, breakawayRank: "bronze", generationsBp: [500] } } });
    expect(stair({ bronze: 500 })).toEqual([]); // ouro inherits bronze's 5 %
    expect(stair({ bronze: 500, ouro: 600 })).toEqual([expect.stringMatching(/^bonuses\.stairStep\.pctByRank\.ouro: ranks above the breakaway/)]);
    expect(stair({ bronze: 0 })).toEqual([expect.stringMatching(/breakaway rank "bronze" needs a percentage above 0/)]);
  });
});
