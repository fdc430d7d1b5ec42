import { and, eq, gte, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { periods } from "@/db/schema";
import { AppError } from "../errors";

/** "2026-11-27" for a Date, in UTC: periods are calendar days, not instants. */
export const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/**
 * The period that holds `day`. Campaigns are created by staff; where none covers the day, the
 * calendar month is the period, created on first use (periods never overlap, so a campaign that
 * cuts into a month must be created before any order lands in that month's uncovered days).
 */
export async function periodFor(tx: DbOrTx, day: string) {
  const [found] = await tx.select().from(periods).where(and(lte(periods.startsOn, day), gte(periods.endsOn, day)));
  if (found) return found;
  const [y, m] = day.split("-").map(Number) as [number, number];
  const start = `${y}-${String(m).padStart(2, "0")}-01`;
  const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  // The month minus any campaign days already inside it: the first gap that holds `day`.
  const [gap] = await tx.execute<{ starts_on: string; ends_on: string }>(sql`
    with taken as (select starts_on, ends_on from periods where ends_on >= ${start}::date and starts_on <= ${end}::date)
    select greatest(${start}::date, coalesce((select max(ends_on) + 1 from taken where ends_on < ${day}::date), ${start}::date))::text as starts_on,
           least(${end}::date, coalesce((select min(starts_on) - 1 from taken where starts_on > ${day}::date), ${end}::date))::text as ends_on`);
  const code = `${start.slice(0, 7)}${gap!.starts_on === start && gap!.ends_on === end ? "" : `-${gap!.starts_on.slice(8)}`}`;
  await tx
    .insert(periods)
    .values({ kind: "month", code, name: code, startsOn: gap!.starts_on, endsOn: gap!.ends_on })
    .onConflictDoNothing();
  const [created] = await tx.select().from(periods).where(and(lte(periods.startsOn, day), gte(periods.endsOn, day)));
  return created!;
}

export async function periodById(tx: DbOrTx, id: number) {
  const [row] = await tx.select().from(periods).where(eq(periods.id, id));
  return row ?? null;
}

/**
 * The period that holds `day`, share-locked for the caller's transaction, or a clear refusal when
 * it is closed. A closed period is final (its volumes are what its commission run read), so
 * nothing — an order, a placed cart, a payment's volume, a return's negative volume — is written
 * into it; the share lock makes a close wait for writes in flight, and vice versa.
 */
export async function openPeriodFor(tx: DbOrTx, day: string) {
  const period = await periodFor(tx, day);
  return lockOpen(tx, period);
}

/** Share-locks a period and refuses it when closed (see openPeriodFor). */
export async function lockOpen(tx: DbOrTx, period: typeof periods.$inferSelect) {
  const [row] = await tx.select({ status: periods.status }).from(periods).where(eq(periods.id, period.id)).for("share");
  if (row?.status === "closed") throw new AppError("CONFLICT", "periods.errors.closed", { period: period.name });
  return period;
}

/** Whether a period is still open, share-locked when it is (a close waits for the caller's write). */
export async function isOpenLocked(tx: DbOrTx, periodId: number) {
  const [row] = await tx.select({ status: periods.status }).from(periods).where(eq(periods.id, periodId)).for("share");
  return row?.status === "open";
}
