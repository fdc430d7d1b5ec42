import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { genealogy, periods, periodVolumes, volumeEvents } from "@/db/schema";
import { idsOf, subtreeEnd } from "../network/tree/path";

/**
 * Records a volume event (an order's payment, or negatively an approved return) and keeps
 * `period_volumes` exact: PV/CV of the consultant, and GV of the consultant and every sponsor
 * upline, in the same transaction. Uplines come from the sponsor path (one primary-key read), and
 * the upserts touch rows in id order so concurrent payments under one upline queue, not deadlock.
 */
export async function recordVolume(
  tx: DbOrTx,
  input: { periodId: number; consultantId: number; orderId?: number | null; returnId?: number | null; pv: number; cv: number },
) {
  await tx.insert(volumeEvents).values({ periodId: input.periodId, consultantId: input.consultantId, orderId: input.orderId ?? null, returnId: input.returnId ?? null, pv: input.pv, cv: input.cv });
  const [row] = await tx.select({ path: genealogy.sponsorPath }).from(genealogy).where(eq(genealogy.consultantId, input.consultantId));
  const chain = row ? idsOf(row.path) : [input.consultantId];
  await addVolumes(tx, input.periodId, [{ consultantId: input.consultantId, pv: input.pv, cv: input.cv }], chain, input.pv);
}

async function addVolumes(tx: DbOrTx, periodId: number, own: { consultantId: number; pv: number; cv: number }[], gvIds: number[], gvDelta: number) {
  const ids = [...new Set([...gvIds, ...own.map((o) => o.consultantId)])].sort((a, b) => a - b);
  if (!ids.length) return;
  const ownBy = new Map(own.map((o) => [o.consultantId, o]));
  const gvSet = new Set(gvIds);
  const values = ids.map((id) => sql`(${periodId}::bigint, ${id}::bigint, ${ownBy.get(id)?.pv ?? 0}::bigint, ${ownBy.get(id)?.cv ?? 0}::bigint, ${gvSet.has(id) ? gvDelta : 0}::bigint)`);
  await tx.execute(sql`
    insert into period_volumes (period_id, consultant_id, pv, cv, gv)
    values ${sql.join(values, sql`, `)}
    on conflict (period_id, consultant_id) do update
      set pv = period_volumes.pv + excluded.pv, cv = period_volumes.cv + excluded.cv, gv = period_volumes.gv + excluded.gv`);
}

/**
 * A sponsor-tree move carries its subtree's PV with it: in every open period, the old upline's GV
 * loses the subtree's PV and the new upline's gains it (ancestors common to both keep theirs).
 * Call inside the move's transaction, with the chains as they were and as they become.
 */
export async function shiftGroupVolume(tx: DbOrTx, input: { subtreePath: string; oldAncestors: number[]; newAncestors: number[]; descendantsOnly?: boolean }) {
  const common = new Set(input.oldAncestors.filter((id) => input.newAncestors.includes(id)));
  const losing = input.oldAncestors.filter((id) => !common.has(id));
  const gaining = input.newAncestors.filter((id) => !common.has(id));
  if (!losing.length && !gaining.length) return;
  const sums = await tx.execute<{ period_id: number; pv: string }>(sql`
    select v.period_id, sum(v.pv)::text as pv
      from period_volumes v
      join genealogy g on g.consultant_id = v.consultant_id
      join periods p on p.id = v.period_id and p.status = 'open'
     where g.sponsor_path ${input.descendantsOnly ? sql`>` : sql`>=`} ${input.subtreePath} and g.sponsor_path < ${subtreeEnd(input.subtreePath)} and v.pv <> 0
     group by v.period_id`);
  for (const s of sums) {
    const pv = Number(s.pv);
    if (pv === 0) continue;
    await addVolumes(tx, Number(s.period_id), [], losing, -pv);
    await addVolumes(tx, Number(s.period_id), [], gaining, pv);
  }
}

export async function volumesOf(tx: DbOrTx, periodId: number, consultantIds: number[]) {
  if (!consultantIds.length) return [];
  return tx.select().from(periodVolumes).where(and(eq(periodVolumes.periodId, periodId), inArray(periodVolumes.consultantId, consultantIds)));
}

export async function openPeriods(tx: DbOrTx) {
  return tx.select().from(periods).where(eq(periods.status, "open"));
}
