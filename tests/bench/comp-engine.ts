import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runEngine, type EnginePhase } from "@/server/compensation/engine";
import { parsePlan } from "@/server/compensation/plan";
import type { Snapshot } from "@/server/compensation/snapshot";

/**
 * `npm run bench:comp-engine`: the compensation engine alone, in memory, on synthetic networks of
 * 1,000,000 and 10,000,000 consultants with docs/plans/bench-unilevel-binary.json (10 ranks,
 * unilevel 7 levels with dynamic compression, binary with carry-in, carry and payout caps,
 * minimum payout). Each size runs in its own Node process so its peak RSS is its own; the figures
 * are the engine's phases from a snapshot already in memory to lines, carry and hashes — no
 * database, which a full close adds (snapshot query, storing lines, ledger postings).
 * Budget (DESIGN.md): a full close of 1M consultants ≤ 30 s and ≤ 2 GB RSS; the engine is one
 * part of it. 10M has no budget: it must fit in memory.
 *   BENCH_COMP_SIZES=1000000,10000000  BENCH_COMP_ROUNDS=3 (rounds per size; 10M runs 1 unless set)
 */

const PLAN_FILE = path.join(process.cwd(), "docs/plans/bench-unilevel-binary.json");

/**
 * Synthetic network, ids parents-first. Sponsors: preferential attachment (a consultant is picked
 * in proportion to 1 + their recruits) mixed 30 % with a recent consultant, which gives a
 * power-law fan-out and depth in the tens. Placement: a complete binary tree by index (heavy
 * spillover; the engine's cost does not depend on where people sit). 90 % status active; 75 %
 * bought this period (PV 20-300 points, CV 80 % of PV); activity at 50 PV; carry-in on 30 %.
 */
export function syntheticSnapshot(N: number, seed = 7): Snapshot {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const sponsor = new Int32Array(N), placementParent = new Int32Array(N), placementSlot = new Uint8Array(N);
  const pool = new Int32Array(2 * N + 1);
  let poolSize = 0;
  sponsor[0] = -1;
  placementParent[0] = -1;
  pool[poolSize++] = 0;
  for (let i = 1; i < N; i++) {
    const s = random() < 0.3 ? Math.max(0, i - 1 - Math.floor(random() * 200)) : pool[Math.floor(random() * poolSize)]!;
    sponsor[i] = s;
    pool[poolSize++] = i;
    pool[poolSize++] = s;
    placementParent[i] = (i - 1) >> 1;
    placementSlot[i] = 1 + ((i - 1) & 1);
  }
  const status = new Uint8Array(N), pv = new Float64Array(N), cv = new Float64Array(N), joinPeriod = new Int32Array(N).fill(202505);
  const carryInLeft = new Float64Array(N), carryInRight = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const r = random();
    status[i] = r < 0.9 ? 0 : r < 0.95 ? 1 : 2;
    if (random() < 0.75) {
      pv[i] = 2000 + Math.floor(random() * 28_000);
      cv[i] = Math.floor(pv[i]! * 0.8);
    }
    if (random() < 0.3) (carryInLeft[i] = Math.floor(random() * 200_000)), (carryInRight[i] = Math.floor(random() * 200_000));
  }
  return { period: 202506, count: N, sponsor, placementParent, placementSlot, status, joinPeriod, pv, cv, carryInLeft, carryInRight };
}

type Round = { phases: Partial<Record<EnginePhase, number>>; total: number; lines: number; paid: string; hash: string };
type ChildReport = { size: number; generateMs: number; rounds: Round[]; peakRssMb: number; maxDepth: number };

async function child(size: number, rounds: number) {
  const parsed = parsePlan(JSON.parse(fs.readFileSync(PLAN_FILE, "utf8")));
  if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
  const t0 = performance.now();
  const snapshot = syntheticSnapshot(size);
  const generateMs = performance.now() - t0;
  const out: Round[] = [];
  let maxDepth = 0;
  for (let r = 0; r < rounds; r++) {
    global.gc?.();
    const phases: Round["phases"] = {};
    const start = performance.now();
    const result = runEngine(snapshot, parsed.plan, { onPhase: (phase, ms) => (phases[phase] = ms) });
    const total = performance.now() - start;
    out.push({ phases, total, lines: result.lines.count, paid: result.totals.paid.toString(), hash: result.hash });
    if (r === 0) for (let i = 0; i < size; i++) if (result.ranks.gv[i]! < 0) throw new Error("negative GV");
    process.stderr.write(`  ${size.toLocaleString("en")}: round ${r + 1}/${rounds} ${(total / 1000).toFixed(2)} s, ${result.lines.count.toLocaleString("en")} lines\n`);
  }
  // Depth of the sponsor tree, for the record (ids are parents-first).
  const depth = new Int32Array(size);
  for (let i = 1; i < size; i++) maxDepth = Math.max(maxDepth, (depth[i] = depth[snapshot.sponsor[i]!]! + 1));
  const report: ChildReport = { size, generateMs, rounds: out, peakRssMb: process.resourceUsage().maxRSS / 1024, maxDepth };
  console.log(`REPORT ${JSON.stringify(report)}`);
}

function parent() {
  const sizes = (process.env.BENCH_COMP_SIZES ?? "1000000,10000000").split(",").map(Number);
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  const cpu = os.cpus()[0]?.model ?? "?";
  console.log(`compensation engine bench: ${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}; ${new Date().toISOString()}`);
  console.log(`plan: ${path.relative(process.cwd(), PLAN_FILE)}`);
  for (const size of sizes) {
    const rounds = Number(process.env.BENCH_COMP_ROUNDS ?? (size > 2_000_000 ? 1 : 3));
    const heap = Math.max(4096, Math.ceil(size / 1_000_000) * 1200);
    const run = spawnSync(process.execPath, [`--max-old-space-size=${heap}`, "--expose-gc", "--import", "tsx", import.meta.filename, "--child", String(size), String(rounds)], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 26 });
    const line = run.stdout.split("\n").find((l) => l.startsWith("REPORT "));
    if (run.status !== 0 || !line) {
      console.log(`FAIL  engine, ${size.toLocaleString("en")} consultants: the run did not finish (exit ${run.status}, signal ${run.signal})`);
      continue;
    }
    const r = JSON.parse(line.slice(7)) as ChildReport;
    const phases = Object.keys(r.rounds[0]!.phases) as EnginePhase[];
    console.log(`\n${size.toLocaleString("en")} consultants (max sponsor depth ${r.maxDepth}; generated in ${(r.generateMs / 1000).toFixed(1)} s, not counted), ${r.rounds.length} round(s), medians:`);
    for (const p of phases) console.log(`      ${p.padEnd(12)} ${(median(r.rounds.map((x) => x.phases[p] ?? 0)) / 1000).toFixed(2).padStart(7)} s`);
    const total = median(r.rounds.map((x) => x.total)) / 1000;
    console.log(`      ${"total".padEnd(12)} ${total.toFixed(2).padStart(7)} s   (rounds: ${r.rounds.map((x) => (x.total / 1000).toFixed(2)).join(", ")})`);
    console.log(`      lines ${r.rounds[0]!.lines.toLocaleString("en")}, paid ${(Number(r.rounds[0]!.paid) / 100).toLocaleString("en", { minimumFractionDigits: 2 })} BRL, same hash every round: ${r.rounds.every((x) => x.hash === r.rounds[0]!.hash) ? "yes" : "NO"}`);
    console.log(`      peak RSS ${(r.peakRssMb / 1024).toFixed(2)} GB (snapshot + engine + its output, one process)`);
    if (size <= 1_000_000) {
      console.log(`${total <= 30 ? "PASS" : "FAIL"}  engine alone, ${size.toLocaleString("en")} consultants: ${total.toFixed(2)} s   (full close budget ≤ 30 s; the engine is part of it)`);
      console.log(`${r.peakRssMb <= 2048 ? "PASS" : "FAIL"}  engine alone, ${size.toLocaleString("en")} consultants: peak RSS ${(r.peakRssMb / 1024).toFixed(2)} GB   (full close budget ≤ 2 GB)`);
    } else {
      console.log(`${r.peakRssMb / 1024 < os.totalmem() / 2 ** 30 ? "PASS" : "FAIL"}  engine alone, ${size.toLocaleString("en")} consultants fits in memory: peak RSS ${(r.peakRssMb / 1024).toFixed(2)} GB, ${total.toFixed(2)} s   (no budget; must fit)`);
    }
  }
}

// Run only as a script (tests and profiles import syntheticSnapshot).
if (path.resolve(process.argv[1] ?? "") === import.meta.filename) {
  const at = process.argv.indexOf("--child");
  if (at >= 0) await child(Number(process.argv[at + 1]), Number(process.argv[at + 2]));
  else parent();
}
