import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/** `npm run comp -- simulate` as a plan designer runs it: real files in, files and a summary out. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rede-comp-cli-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const SPAWNS = { timeout: 120_000 }; // each run starts Node + tsx: seconds on a busy 2-core machine
const file = (name: string, text: string) => {
  const at = path.join(dir, name);
  fs.writeFileSync(at, text);
  return at;
};
const comp = (...args: string[]) => {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/comp.ts", ...args], { cwd: process.cwd(), encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const simulate = (plan: string, network: string, volumes: string, out: string, ...more: string[]) =>
  comp("simulate", "--plan", plan, "--network", network, "--volumes", volumes, "--out", path.join(dir, out), ...more);
const read = (name: string) => fs.readFileSync(path.join(dir, name), "utf8").replaceAll("\r\n", "\n");

describe("npm run comp -- simulate", () => {
  it("runs the GLOSSARY unilevel example from files (network in the import format, extra columns ignored)", SPAWNS, () => {
    const plan = file("uni.json", JSON.stringify({ format: "rede.plan/1", name: "Glossary", version: 1, currency: "BRL", bonuses: { unilevel: { levelsBp: [1000, 500, 500], levelsWithoutRank: 3 } } }));
    const network = file(
      "net.csv",
      "code,name,email,sponsor_code,placement_code,leg,status,joined_at\n" +
        "A,Ana,a@x.test,,,,active,2024-01-10\nB,Bia,b@x.test,A,,,active,2024-02-10\nC,Cris,c@x.test,B,,,inactive,2024-03-10\n" +
        "D,Davi,d@x.test,C,,,active,2024-04-10\nE,Eva,e@x.test,D,,,active,2025-06-01\n",
    );
    const volumes = file("vol.csv", "code,pv,cv\nB,80,80\nC,50,50\nD,200,200.00\nE,100,100\n");
    const r = simulate(plan, network, volumes, "uni-lines.csv");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("BRL 65.50");
    expect(read("uni-lines.csv")).toBe(
      "code,bonus,amount,source_code,level,rank\n" +
        "A,unilevel,8.00,B,1,\nB,unilevel,5.00,C,1,\nA,unilevel,2.50,C,2,\nB,unilevel,20.00,D,1,\nA,unilevel,10.00,D,2,\nD,unilevel,10.00,E,1,\nB,unilevel,5.00,E,2,\nA,unilevel,5.00,E,3,\n",
    );
    const consultants = read("uni-lines.consultants.csv").split("\n");
    expect(consultants[0]).toBe("code,status,active,pv,cv,gv,achieved,paid_as,highest,grace_used,qualified_streak,paid,pending,carry_left,carry_right");
    expect(consultants[1]).toBe("A,active,yes,0.00,0.00,430.00,,,,0,,25.50,0.00,,");
    expect(consultants[3]).toBe("C,inactive,no,50.00,50.00,350.00,,,,0,,0.00,0.00,,");
    // Same files, same bytes and the same hash.
    const again = simulate(plan, network, volumes, "uni-again.csv");
    expect(read("uni-again.csv")).toBe(read("uni-lines.csv"));
    expect(again.out.match(/hash: (\w+)/)![1]).toBe(r.out.match(/hash: (\w+)/)![1]);
  });

  it("carries binary volume to the next period through --previous", SPAWNS, () => {
    const plan = path.join(process.cwd(), "docs/plans/binary.json");
    // X with L and R placed under it; L2 without placement is placed by the import's rule (first free position under its sponsor L: L's left).
    const network = file("bin.csv", "code,sponsor_code,placement_code,leg\nX,,,\nL,X,X,L\nR,X,X,R\nL2,L,,\n");
    const one = simulate(plan, network, file("bin-1.csv", "code,pv,cv\nX,100,0\nL,60,1000\nR,60,700\nL2,0,200\n"), "bin-1-lines.csv");
    expect(one.code).toBe(0);
    // X: left 1,000 + 200 = 1,200, right 700 → 70.00; carry left min(500, 400) = 400. L: left 200 vs 0: no pay, carry 200 left.
    expect(read("bin-1-lines.csv")).toBe("code,bonus,amount,source_code,level,rank\nX,binary,70.00,X,0,\n");
    expect(read("bin-1-lines.consultants.csv")).toContain("\nX,active,yes,100.00,0.00,220.00,,,,0,,70.00,0.00,400.00,0.00\n");
    expect(read("bin-1-lines.consultants.csv")).toContain("\nL,active,yes,60.00,1000.00,60.00,,,,0,,0.00,0.00,200.00,0.00\n");
    // Next period: only R sells 500. X: left 0 + 400 carried, right 500 → pairs 400 → 40.00, carry right 100.
    const two = simulate(plan, network, file("bin-2.csv", "code,pv,cv\nX,100,0\nR,60,500\n"), "bin-2-lines.csv", "--previous", path.join(dir, "bin-1-lines.consultants.csv"));
    expect(two.code).toBe(0);
    expect(read("bin-2-lines.csv")).toBe("code,bonus,amount,source_code,level,rank\nX,binary,40.00,X,0,\n");
    expect(read("bin-2-lines.consultants.csv")).toContain("\nX,active,yes,100.00,0.00,160.00,,,,0,,40.00,0.00,0.00,100.00\n");
  });

  it("refuses bad files with every problem and its line, and writes nothing", SPAWNS, () => {
    const plan = file("typo.json", JSON.stringify({ format: "rede.plan/1", name: "x", version: 1, currency: "BRL", bonuses: { unilevel: { levelsBp: [1000], rollup: true } } }));
    const network = file("bad-net.csv", "code,sponsor_code,placement_code,leg\nA,,,\nB,Z,,\nB,A,,\nC,A,A,X\n");
    const volumes = file("bad-vol.csv", "code,pv,cv\nA,10,1.234\nQ,1,1\n");
    const good = path.join(process.cwd(), "docs/plans/binary.json");

    const p = simulate(plan, network, volumes, "never.csv");
    expect(p.code).toBe(1);
    expect(p.err).toContain('typo.json: bonuses.unilevel: Unrecognized key: "rollup"');

    const n = simulate(good, network, volumes, "never.csv");
    expect(n.code).toBe(1);
    expect(n.err.split("\n").slice(0, 3)).toEqual([
      `${path.join(dir, "bad-net.csv")} line 3, sponsor_code: sponsor Z is not in the file`,
      `${path.join(dir, "bad-net.csv")} line 4, code: B is already on line 3`,
      `${path.join(dir, "bad-net.csv")} line 5, leg: "X" is not a position: use L or R`,
    ]);

    const v = simulate(good, file("ok-net.csv", "code,sponsor_code\nA,\n"), volumes, "never.csv");
    expect(v.code).toBe(1);
    expect(v.err).toContain('bad-vol.csv line 2, cv: "1.234" is not a volume');
    expect(v.err).toContain("bad-vol.csv line 3, code: Q is not in the network file");
    expect(fs.existsSync(path.join(dir, "never.csv"))).toBe(false);

    const usage = comp("simulate", "--plan", good);
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/--network is required\nusage: npm run comp -- simulate/);
  });
});
