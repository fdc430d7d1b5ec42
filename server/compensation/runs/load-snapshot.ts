import type postgres from "postgres";
import type { DbOrTx } from "@/db/client";
import { AppError } from "../../errors";
import type { CompiledPlan } from "../compile";
import type { Snapshot } from "../snapshot";
import { readSlices } from "./copy-out";

/** Rows per round trip of the snapshot read (one aggregated text each, ~40 bytes a row). */
const SLICE = 200_000;

/**
 * A period's frozen snapshot, read from the database into the engine's typed arrays
 * (server/compensation/snapshot.ts). Everything is read in ONE REPEATABLE READ transaction (or the
 * caller's transaction, when given one): consultants with both trees and statuses, the period's
 * volumes, and the history the previous closed run left (carry, pending, ranks, streaks).
 *
 * Who is in it: every consultant who joined on or before the period's last day, in id order
 * (index i ↔ ids[i]). A sponsor or placement parent outside the snapshot reads as none (-1).
 * Volumes: `period_volumes` PV and CV, except that CV taken out by returns of orders from an
 * earlier, closed period is added back — those commissions are clawed back line by line
 * (server/returns/clawback.ts), so the current period's payout must not lose them a second time.
 * PV is not added back: rank qualification sees the return. Negative net volumes count as 0.
 * History: the latest closed (or published) run of a period that starts before this one.
 *
 * Speed: consultants+volumes and history read in slices of SLICE rows, each slice one aggregated
 * text row parsed byte-wise (copy-out.ts), no object per row; ids map to indexes through a direct table when
 * ids are dense, else a binary search. See tests/bench/comp-close.ts for the figures.
 */
export type LoadedSnapshot = {
  snapshot: Snapshot;
  /** Consultant id of each index. */
  ids: Int32Array;
  period: { id: number; code: string; startsOn: string; endsOn: string; status: string };
  /** The run the history was read from (null: first period, no history). */
  previousRunId: number | null;
};

type RawSql = postgres.Sql | postgres.TransactionSql;

/** The postgres-js client behind a Drizzle handle (database or transaction). */
export function rawClient(db: DbOrTx): RawSql {
  const client = (db as unknown as { session?: { client?: RawSql } }).session?.client;
  if (!client) throw new Error("rawClient: not a postgres-js Drizzle handle");
  return client;
}

const inTransaction = (sql: RawSql) => typeof (sql as postgres.TransactionSql).savepoint === "function";

export async function loadPeriodSnapshot(db: DbOrTx, periodId: number, plan: CompiledPlan): Promise<LoadedSnapshot> {
  const sql = rawClient(db);
  if (inTransaction(sql)) return load(sql as postgres.TransactionSql, periodId, plan);
  return (await (sql as postgres.Sql).begin("isolation level repeatable read read only", (tx) => load(tx, periodId, plan))) as LoadedSnapshot;
}

/** Index lookup for sorted ids: a direct table when dense enough, else binary search. */
export function indexOfIds(ids: Int32Array): (id: number) => number {
  const n = ids.length;
  const max = n ? ids[n - 1]! : 0;
  if (max <= 4 * n + 1024) {
    const table = new Int32Array(max + 1).fill(-1);
    for (let i = 0; i < n; i++) table[ids[i]!] = i;
    return (id) => (id >= 0 && id <= max ? table[id]! : -1);
  }
  return (id) => {
    let lo = 0, hi = n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1, v = ids[mid]!;
      if (v === id) return mid;
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
}

async function load(tx: postgres.TransactionSql, periodId: number, plan: CompiledPlan): Promise<LoadedSnapshot> {
  if (!Number.isSafeInteger(periodId) || periodId <= 0) throw new AppError("BAD_REQUEST", "errors.notFound");
  const [period] = await tx<{ id: string; code: string; starts_on: string; ends_on: string; status: string }[]>`
    select id::text, code, starts_on::text, ends_on::text, status::text from periods where id = ${periodId}`;
  if (!period) throw new AppError("NOT_FOUND", "errors.notFound");
  const [{ count }] = (await tx`select count(*)::int as count from consultants where joined_at <= ${period.ends_on}::date`) as unknown as [{ count: number }];
  const n = count;
  const ids = new Int32Array(n), sponsorId = new Float64Array(n), parentId = new Float64Array(n);
  const snapshot: Snapshot = {
    period: Number(period.starts_on.slice(0, 4)) * 100 + Number(period.starts_on.slice(5, 7)),
    count: n,
    sponsor: new Int32Array(n),
    placementParent: new Int32Array(n),
    placementSlot: new Uint8Array(n),
    status: new Uint8Array(n),
    joinPeriod: new Int32Array(n),
    pv: new Float64Array(n),
    cv: new Float64Array(n),
  };
  const pid = Number(period.id);
  // Integers are inlined (checked integers); ordered slices of the consultants, keyed by id.
  const consultantsSlice = (after: number) => `
    select c.id as k, concat_ws(E'\\t', c.id, coalesce(c.sponsor_id, 0), coalesce(c.placement_parent_id, 0), coalesce(c.placement_slot, 0),
           case c.status when 'active' then 0 when 'inactive' then 1 else 2 end,
           extract(year from c.joined_at)::int * 100 + extract(month from c.joined_at)::int,
           greatest(coalesce(v.pv, 0), 0), greatest(coalesce(v.cv, 0) + coalesce(r.cv, 0), 0)) as line
      from consultants c
      left join period_volumes v on v.period_id = ${pid} and v.consultant_id = c.id
      left join (select e.consultant_id, -sum(e.cv) as cv
                   from volume_events e join orders o on o.id = e.order_id join periods op on op.id = o.period_id
                  where e.period_id = ${pid} and e.return_id is not null and o.period_id <> ${pid} and op.status = 'closed'
                  group by e.consultant_id) r on r.consultant_id = c.id
     where c.joined_at <= '${period.ends_on}'::date and c.id > ${after}
     order by c.id limit ${SLICE}`;
  let i = 0;
  await readSlices(tx, consultantsSlice, SLICE, ["int", "int", "int", "int", "int", "int", "int", "int"], (v) => {
    if (i >= n) throw new Error("consultants changed while the snapshot was read");
    ids[i] = v[0]!;
    sponsorId[i] = v[1]!;
    parentId[i] = v[2]!;
    snapshot.placementSlot[i] = v[3]!;
    snapshot.status[i] = v[4]!;
    snapshot.joinPeriod[i] = v[5]!;
    snapshot.pv[i] = v[6]!;
    snapshot.cv[i] = v[7]!;
    i++;
  });
  if (i !== n) throw new Error(`snapshot read ${i} consultants, counted ${n}`);
  const indexOf = indexOfIds(ids);
  for (let k = 0; k < n; k++) {
    snapshot.sponsor[k] = sponsorId[k] ? indexOf(sponsorId[k]!) : -1;
    const parent = parentId[k] ? indexOf(parentId[k]!) : -1;
    snapshot.placementParent[k] = parent;
    if (parent < 0) snapshot.placementSlot[k] = 0;
  }

  const [previous] = await tx<{ id: number }[]>`
    select r.id from comp_runs r join periods p on p.id = r.period_id
     where r.status in ('closed', 'published') and p.starts_on < ${period.starts_on}::date
     order by p.starts_on desc, r.id desc limit 1`;
  if (previous) await loadHistory(tx, previous.id, plan, snapshot, indexOf);
  return { snapshot, ids, period: { id: pid, code: period.code, startsOn: period.starts_on, endsOn: period.ends_on, status: period.status }, previousRunId: previous?.id ?? null };
}

async function loadHistory(tx: postgres.TransactionSql, runId: number, plan: CompiledPlan, s: Snapshot, indexOf: (id: number) => number) {
  const n = s.count, R = plan.ranks.length;
  const rankIndex = new Map(plan.rankCodes.map((c, i) => [c, i]));
  const rank = (code: string | null) => (code === null ? -1 : (rankIndex.get(code) ?? -1));
  s.carryInLeft = new Float64Array(n);
  s.carryInRight = new Float64Array(n);
  s.pendingIn = new Float64Array(n);
  s.previousPaidAs = new Int8Array(n).fill(-1);
  s.highest = new Int8Array(n).fill(-1);
  s.graceUsed = new Uint8Array(n);
  if (plan.tracksStreaks) s.qualifiedStreak = new Uint8Array(n * R);
  const previousCodes = plan.tracksStreaks
    ? ((await tx<{ codes: string[] | null }[]>`select coalesce((select array_agg(x->>'code') from jsonb_array_elements(v.definition->'ranks'->'ladder') x), '{}') as codes from comp_runs r join comp_plan_versions v on v.id = r.plan_version_id where r.id = ${runId}`)[0]?.codes ?? [])
    : [];
  const streakField = plan.tracksStreaks ? "coalesce(qualified_streak::text, '\\N')" : "'\\N'";
  await readSlices(
    tx,
    (after) => `select consultant_id as k, concat_ws(E'\\t', consultant_id, carry_out_left, carry_out_right, pending_out, grace_used,
                       coalesce(paid_as_rank, '\\N'), coalesce(highest_rank, '\\N'), ${streakField}) as line
                  from comp_run_consultants where run_id = ${runId} and consultant_id > ${after} order by consultant_id limit ${SLICE}`,
    SLICE,
    ["int", "int", "int", "int", "int", "text", "text", "text"],
    (v, t) => {
      const i = indexOf(v[0]!);
      if (i < 0) return;
      s.carryInLeft![i] = v[1]!;
      s.carryInRight![i] = v[2]!;
      s.pendingIn![i] = v[3]!;
      s.graceUsed![i] = v[4]!;
      s.previousPaidAs![i] = rank(t[5]!);
      s.highest![i] = rank(t[6]!);
      const streak = t[7];
      if (s.qualifiedStreak && streak) {
        // text COPY of bytea: "\\x" then two hex digits per rank of the previous run's plan.
        const hex = streak.replace(/^\\\\x|^\\x/, "");
        for (let r = 0; r < previousCodes.length && 2 * r + 1 < hex.length; r++) {
          const now = rankIndex.get(previousCodes[r]!);
          if (now !== undefined) s.qualifiedStreak[i * R + now] = parseInt(hex.slice(2 * r, 2 * r + 2), 16);
        }
      }
    },
  );
}
