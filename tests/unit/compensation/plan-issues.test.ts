import { describe, expect, it } from "vitest";
import { planIssues, unitOf } from "@/server/compensation/plans/validation";
import { basePlan } from "./network";

/**
 * The plan schema's problems told in the user's language, at the field, with limits in the
 * form's units. The custom checks of plan.ts speak English; each must be recognised here (a
 * reworded check in plan.ts would fall back to English and fail these).
 */
const ladder = [
  { code: "a", name: "A" },
  { code: "b", name: "B" },
];

describe("plan issues", () => {
  it("limits in the form's units: percent for basis points, points/currency for hundredths, counts as they are", () => {
    expect(unitOf(["bonuses", "binary", "pctBp"])).toBe("percent");
    expect(unitOf(["bonuses", "unilevel", "levelsBp", 2])).toBe("percent");
    expect(unitOf(["ranks", "ladder", 0, "requirements", "pv"])).toBe("hundredths");
    expect(unitOf(["bonuses", "binary", "payoutCap"])).toBe("hundredths");
    expect(unitOf(["ranks", "ladder", 0, "requirements", "activeFrontline"])).toBeNull();
    const plan = { ...basePlan, ranks: { ladder: [{ code: "a", name: "A", requirements: { pv: -1, activeFrontline: -2 } }] }, bonuses: { binary: { pctBp: 10_001 } } };
    expect(planIssues(plan, "pt-BR")).toEqual([
      { path: "ranks.ladder.0.requirements.pv", message: "O mínimo é 0,00." },
      { path: "ranks.ladder.0.requirements.activeFrontline", message: "O mínimo é 0." },
      { path: "bonuses.binary.pctBp", message: "O máximo é 100 %." },
    ]);
    expect(planIssues(plan, "en")[2]!.message).toBe("The maximum is 100 %.");
  });

  it("every custom check of the schema has its own sentence in pt-BR, es and en", () => {
    const plan = {
      ...basePlan,
      ranks: { ladder: [...ladder, { code: "a", name: "again" }] },
      bonuses: {
        unilevel: { levelsBp: [100], levelsByRank: { zz: 1, a: 3 }, levelsWithoutRank: 2, compression: "none", compressBelowRank: "a" },
        binary: { pctBp: 100 },
        matrix: { width: 3, levelsBp: [100] },
        stairStep: { pctByRank: { a: 500, b: 0 }, breakawayRank: "b", generationsBp: [100] },
      },
    };
    const pt = planIssues(plan, "pt-BR").map((i) => `${i.path}: ${i.message}`);
    expect(pt).toEqual([
      'ranks.ladder.2.code: A graduação "a" aparece duas vezes.',
      'bonuses.unilevel.levelsByRank.zz: A graduação "zz" não existe na escada.',
      "bonuses.unilevel.levelsByRank.a: 3 é mais do que os 1 definidos.",
      "bonuses.unilevel.levelsWithoutRank: Mais do que os 1 níveis definidos.",
      "bonuses.unilevel.compressBelowRank: Exige compressão dinâmica.",
      "bonuses.matrix.width: Binário e matriz leem a mesma árvore de posicionamento: com bônus binário, a largura da matriz deve ser 2.",
      'bonuses.stairStep.pctByRank: A graduação de breakaway "b" precisa de um percentual acima de 0.',
      "bonuses.stairStep.pctByRank.a: Deve ficar abaixo dos 0 pb da graduação de breakaway.",
      // the duplicate "a" sits above the breakaway rank "b" on the ladder
      "bonuses.stairStep.pctByRank.a: Graduações acima da de breakaway mantêm os 0 pb dela (o diferencial termina no breakaway).",
    ]);
    const es = planIssues(plan, "es"), en = planIssues(plan, "en");
    expect(es.map((i) => i.path)).toEqual(en.map((i) => i.path));
    for (const i of es) expect(i.message).not.toMatch(/^(unknown rank|rank "|\d+ is more than the|more than the|needs compression|binary and matrix|the breakaway rank|must be below|ranks above the)/);
    expect(en[0]!.message).toBe('Rank "a" appears twice.');
  });

  it("formats: a bad rank code, currency, an unknown key, a value of the wrong type or missing", () => {
    const plan = { ...basePlan, currency: "real", extra: 1, ranks: { ladder: [{ code: "Bad Code", name: "X" }] }, bonuses: { fastStart: { levelsBp: ["dez"] } } };
    const byPath = Object.fromEntries(planIssues(plan, "pt-BR").map((i) => [i.path, i.message]));
    expect(byPath).toEqual({
      "": "Campo(s) desconhecido(s): extra.",
      currency: "Use um código ISO 4217, como BRL.",
      "ranks.ladder.0.code": "Códigos de graduação: 1 a 32 letras minúsculas, números, '-' ou '_'.",
      "bonuses.fastStart.levelsBp.0": "Valor inválido: esperado um número.",
    });
    const { name: _drop, ...noName } = basePlan;
    expect(planIssues({ ...noName, bonuses: {} }, "es")).toEqual([{ path: "name", message: "Campo obligatorio." }]);
  });
});
