import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compilePlan } from "@/server/compensation/compile";
import { runEngine } from "@/server/compensation/engine";
import { cardNumbers } from "@/server/compensation/report-card";
import { network, plan, type Person } from "./network";

/**
 * The rank report card on docs/plans/ranks.json, hand-checked. Ranks there (points):
 *   consultora: PV ≥ 50;  lider: PV ≥ 50 and GV ≥ 1000 counting each leg at most 50 % (500);
 *   executiva: PV ≥ 50, 2 active frontline, 2 legs holding lider, 2 months qualified.
 * Active = status active and PV ≥ 50. The consultant of the card is the first person (a root).
 */
const ranksPlan = plan(JSON.parse(fs.readFileSync(path.join(process.cwd(), "docs/plans/ranks.json"), "utf8")));
const compiled = compilePlan(ranksPlan);
const card = (people: Person[], locale = "pt-BR") => cardNumbers(network(people).snapshot, compiled, locale);

describe("rank report card", () => {
  it("a consultora: next is lider, with the capped GV and what is missing", () => {
    // A (PV 60) sponsors B (PV 700), C (PV 100) and D (PV 30, below 50: not active);
    // E (PV 200, inactive) is under C. GV: B 700, C 100 + 200 = 300, D 30, A 60 + 700 + 300 + 30 = 1090.
    // GV with legs capped at 500: 60 + min(700, 500) + 300 + 30 = 890 < 1000 → A is not lider.
    // Missing: 1000 − 890 = 110. A's active frontline: B and C (D's PV is below 50) = 2.
    const c = card([
      { code: "A", pv: 60, cv: 60 },
      { code: "B", sponsor: "A", pv: 700, cv: 700 },
      { code: "C", sponsor: "A", pv: 100, cv: 100 },
      { code: "D", sponsor: "A", pv: 30, cv: 30 },
      { code: "E", sponsor: "C", pv: 200, cv: 200, status: "inactive" },
    ]);
    expect(c.live).toMatchObject({ active: true, pv: 6000, gv: 109000, gvCapped: 89000, activeFrontline: 2, frontline: 3, downline: 4, achieved: { code: "consultora", index: 0 } });
    expect(c.next).toEqual({ code: "lider", name: "Líder", index: 1 });
    expect(c.requirements).toEqual([
      { kind: "pv", unit: "volume", current: 6000, required: 5000, missing: 0, met: true },
      { kind: "gvMaxLeg", unit: "volume", current: 89000, required: 100000, missing: 11000, met: false, capPerLeg: 50000 },
    ]);
  });

  it("a lider: next is executiva, legs holding lider and months qualified", () => {
    // B (PV 50) has B1 and B2 (PV 500 each): B's GV 1050, capped 50 + 500 + 500 = 1050 ≥ 1000 → B is lider.
    // A (PV 50) sponsors B, C (PV 50) and D (PV 500): capped 50 + 500 + 50 + 500 = 1100 → A is lider.
    // Executiva: active frontline B, C, D = 3 ≥ 2; legs holding lider: only B's = 1 of 2 (missing 1);
    // months: A does not meet this period's other requirements, so the streak is 0 of 2 (missing 2).
    const c = card([
      { code: "A", pv: 50, cv: 50 },
      { code: "B", sponsor: "A", pv: 50, cv: 50 },
      { code: "B1", sponsor: "B", pv: 500, cv: 500 },
      { code: "B2", sponsor: "B", pv: 500, cv: 500 },
      { code: "C", sponsor: "A", pv: 50, cv: 50 },
      { code: "D", sponsor: "A", pv: 500, cv: 500 },
    ]);
    expect(c.live.achieved?.code).toBe("lider");
    expect(c.live.gvCapped).toBeNull(); // executiva has no capped-GV requirement
    expect(c.next?.code).toBe("executiva");
    expect(c.requirements).toEqual([
      { kind: "pv", unit: "volume", current: 5000, required: 5000, missing: 0, met: true },
      { kind: "activeFrontline", unit: "count", current: 3, required: 2, missing: 0, met: true },
      { kind: "legsWithRank", unit: "count", current: 1, required: 2, missing: 1, met: false, rank: { code: "lider", name: "Líder" } },
      { kind: "monthsQualified", unit: "months", current: 0, required: 2, missing: 2, met: false },
    ]);
  });

  it("agrees with a full engine run on the consultant's rank, and moves when volume comes in", () => {
    const people: Person[] = [
      { code: "A", pv: 60, cv: 60 },
      { code: "B", sponsor: "A", pv: 700, cv: 700 },
      { code: "C", sponsor: "A", pv: 100, cv: 100 },
      { code: "D", sponsor: "A", pv: 30, cv: 30 },
    ];
    const run = runEngine(network(people).snapshot, ranksPlan);
    expect(card(people).live.achieved?.index).toBe(run.ranks.achieved[0]);
    // D's PV goes from 30 to 150: capped GV 60 + 500 + 100 + 150 = 810, still short by 190, and
    // D now counts as active frontline.
    const more = people.map((p) => (p.code === "D" ? { ...p, pv: 150, cv: 150 } : p));
    const after = card(more);
    expect(after.requirements.find((r) => r.kind === "gvMaxLeg")).toMatchObject({ current: 81000, missing: 19000 });
    expect(after.live.activeFrontline).toBe(3);
    // B doubles to 1400: a leg still counts at most 500, so nothing moves on the capped GV.
    const capped = card(more.map((p) => (p.code === "B" ? { ...p, pv: 1400, cv: 1400 } : p)));
    expect(capped.requirements.find((r) => r.kind === "gvMaxLeg")).toMatchObject({ current: 81000, missing: 19000 });
    expect(capped.live.gv).toBe(171000);
  });

  it("an inactive consultant is told that status blocks every rank; the top of the ladder has no next rank", () => {
    const blocked = card([{ code: "A", pv: 60, cv: 60, status: "inactive" }]);
    expect(blocked.live.achieved).toBeNull();
    expect(blocked.next?.code).toBe("consultora");
    expect(blocked.requirements[0]).toEqual({ kind: "active", unit: "flag", current: 0, required: 1, missing: 1, met: false });

    // A one-rank ladder: a consultora is at the top.
    const top = cardNumbers(network([{ code: "A", pv: 60, cv: 60 }]).snapshot, compilePlan({ ...ranksPlan, ranks: { ...ranksPlan.ranks, ladder: ranksPlan.ranks.ladder.slice(0, 1) } }));
    expect(top.live.achieved?.code).toBe("consultora");
    expect(top.next).toBeNull();
    expect(top.requirements).toEqual([]);
  });
});
