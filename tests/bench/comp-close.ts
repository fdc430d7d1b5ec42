import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { createDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { executeRun, startRun } from "@/server/compensation/runs/execute";
import { BinaryRows, copyBinary, dateDays } from "@/server/network/import/copy-binary";
import { startEmbeddedPostgres, type EmbeddedDb } from "@/server/runtime/embedded-db";
import { syntheticSnapshot } from "./comp-engine";

/**
 * `npm run bench:comp-close`: a FULL commission close on real PostgreSQL, from the snapshot query
 * to the ledger postings, of BENCH_COMP_SIZE consultants (default 1,000,000) with
 * docs/plans/bench-unilevel-binary.json (10 ranks, unilevel 7 levels with dynamic compression,
 * binary with carry-over and caps, minimum payout). The network is the engine bench's synthetic
 * one (tests/bench/comp-engine.ts), written straight into a fresh database (triggers and the
 * name/e-mail indexes off for the load, which is setup and not timed), with the period's volumes
 * and a previous closed run carrying binary carry and nothing pending, so the snapshot reads history.
 * Timed: executeRun of a close run — snapshot (COPY out), engine, lines (binary COPY), per-consultant
 * rows, the one journal entry with a posting per paid consultant, the run row — each phase printed,
 * then the total and the process's peak RSS against DESIGN.md's budgets (≤ 30 s, ≤ 2 GB).
 *   BENCH_COMP_SIZE=100000  DATABASE_URL=postgres://…  BENCH_KEEP=1 (keep the database)
 */

const N = Number(process.env.BENCH_COMP_SIZE ?? 1_000_000);
const PLAN_FILE = path.join(process.cwd(), "docs/plans/bench-unilevel-binary.json");
const STATUS = ["active", "inactive", "terminated"] as const;

let embedded: EmbeddedDb | undefined;
const adminUrl = process.env.DATABASE_URL ?? (embedded = await startEmbeddedPostgres(process.cwd(), { cluster: "pg-test", database: "postgres_admin" })).url;
const dbName = `rede_bench_comp_${randomBytes(4).toString("hex")}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${dbName}"`);
const url = new URL(adminUrl);
url.pathname = `/${dbName}`;
try {
  await migrateDatabase(url.toString());
  console.log(`commission close bench: ${N.toLocaleString("en")} consultants; ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}; ${new Date().toISOString()}`);
  const setupStart = performance.now();
  const s = syntheticSnapshot(N);
  const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
  await sql.begin(async (tx) => {
    // Setup only: no per-row triggers or FK checks while loading, and no name/e-mail indexes to build.
    await tx`set local session_replication_role = replica`;
    for (const index of ["consultants_name_trgm_idx", "consultants_email_key", "consultants_document_key", "consultants_site_slug_key", "consultants_status_idx", "consultants_joined_at_idx", "consultants_sponsor_idx"]) await tx.unsafe(`drop index if exists ${index}`);
    const joined = dateDays("2025-01-01");
    await copyBinary(tx, "consultants (id, code, full_name, email, sponsor_id, placement_parent_id, placement_slot, status, joined_at)", {}, rows(N, (out, i) => {
      out.row(9);
      out.int8(i + 1);
      out.text(`B${i + 1}`);
      out.text(`Consultora ${i + 1}`);
      out.text(`b${i + 1}@bench.test`);
      if (s.sponsor[i]! < 0) out.null();
      else out.int8(s.sponsor[i]! + 1);
      if (s.placementParent[i]! < 0) out.null();
      else out.int8(s.placementParent[i]! + 1);
      if (s.placementSlot[i]) out.int2(s.placementSlot[i]!);
      else out.null();
      out.text(STATUS[s.status[i]!]!);
      out.date(joined);
    }));
    await tx`select setval('consultants_id_seq', ${N})`;
    const [previous] = await tx`insert into periods (kind, code, name, starts_on, ends_on, status) values ('month', '2025-05', '2025-05', '2025-05-01', '2025-05-31', 'closed') returning id`;
    const [period] = await tx`insert into periods (kind, code, name, starts_on, ends_on) values ('month', '2025-06', '2025-06', '2025-06-01', '2025-06-30') returning id`;
    const definition = JSON.parse(fs.readFileSync(PLAN_FILE, "utf8"));
    const [plan] = await tx`insert into comp_plan_versions (plan_key, version, name, status, effective_from_period_id, definition, activated_at)
      values ('bench', 1, 'bench', 'active', ${previous!.id}, ${tx.json(definition)}, now()) returning id`;
    await copyBinary(tx, "period_volumes (period_id, consultant_id, pv, cv, gv)", {}, rows(N, (out, i) => {
      out.row(5);
      out.int8(Number(period!.id));
      out.int8(i + 1);
      out.int8(s.pv[i]!);
      out.int8(s.cv[i]!);
      out.int8(0);
    }));
    // The previous period's closed run: binary carry-out (this period's carry-in), no rank history.
    const [run] = await tx`insert into comp_runs (period_id, plan_version_id, kind, status, phase, percent, currency, closed_at, finished_at)
      values (${previous!.id}, ${plan!.id}, 'close', 'closed', 'finished', 100, 'BRL', now(), now()) returning id`;
    await copyBinary(tx, "comp_run_consultants (run_id, consultant_id, pv, cv, gv, active, carry_out_left, carry_out_right)", {}, rows(N, (out, i) => {
      out.row(8);
      out.int4(run!.id);
      out.int8(i + 1);
      out.int8(0);
      out.int8(0);
      out.int8(0);
      out.bytes(1, (buf, at) => ((buf[at] = 1), 1));
      out.int8(s.carryInLeft![i]!);
      out.int8(s.carryInRight![i]!);
    }));
    process.env.BENCH_PERIOD_ID = String(period!.id);
  });
  await sql`analyze`;
  await sql.end();
  console.log(`      setup (network, volumes, previous run; not timed)  ${((performance.now() - setupStart) / 1000).toFixed(1)} s`);

  const { db, client } = createDb(url.toString(), { max: 4 });
  global.gc?.();
  process.stderr.write("  starting the close\n");
  const run = await startRun(db, { periodId: Number(process.env.BENCH_PERIOD_ID), kind: "close", actorUserId: null, enqueue: false });
  const phases: [string, number][] = [];
  const started = performance.now();
  const status = await executeRun(db, run.id, { onPhase: (phase, ms) => (phases.push([phase, ms]), process.stderr.write(`  ${phase} ${(ms / 1000).toFixed(2)} s\n`)) });
  const total = (performance.now() - started) / 1000;
  const peak = process.resourceUsage().maxRSS / 2 ** 20;
  const [row] = await client`select status, error, line_count, consultant_count, total_paid::text, ledger_entry_id, summary->'timings' as timings from comp_runs where id = ${run.id}`;
  const [posted] = await client`select count(*)::int as n from postings where entry_id = ${row!.ledger_entry_id ?? 0}`;
  if (status !== "closed") console.log(`FAIL  the close ended ${status}: ${row?.error}`);
  for (const [phase, ms] of phases) console.log(`      ${phase.padEnd(40)} ${(ms / 1000).toFixed(2).padStart(7)} s`);
  const engine = row!.timings as Record<string, number> | null;
  if (engine) console.log(`      engine phases: ${Object.entries(engine).filter(([k]) => k.startsWith("engine.")).map(([k, v]) => `${k.slice(7)} ${(v / 1000).toFixed(2)} s`).join(", ")}`);
  console.log(`      ${Number(row!.line_count).toLocaleString("en")} lines, ${Number(row!.consultant_count).toLocaleString("en")} consultants, ${posted!.n.toLocaleString("en")} postings in one entry, paid ${(Number(row!.total_paid) / 100).toLocaleString("en", { minimumFractionDigits: 2 })} BRL`);
  console.log(`${total <= 30 ? "PASS" : "FAIL"}  full close, ${N.toLocaleString("en")} consultants: ${total.toFixed(1)} s   (budget ≤ 30 s)`);
  console.log(`${peak <= 2 ? "PASS" : "FAIL"}  full close, ${N.toLocaleString("en")} consultants: peak RSS ${peak.toFixed(2)} GB   (budget ≤ 2 GB; this process, setup included)`);
  await client.end();
} finally {
  if (process.env.BENCH_KEEP) console.log(`kept database ${dbName} (BENCH_KEEP): drop it when done`);
  else await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
  await admin.end();
  await embedded?.stop();
}

/** `count` rows as binary COPY chunks. */
function* rows(count: number, write: (out: BinaryRows, i: number) => void): Generator<Buffer> {
  const out = new BinaryRows();
  for (let i = 0; i < count; i++) {
    write(out, i);
    if ((i & 1023) === 0) yield* out.take();
  }
  yield* out.end();
}
