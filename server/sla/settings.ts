import { asc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { businessCalendar, businessHolidays, slaPolicies } from "@/db/schema";
import { recordAudit } from "../audit/record";
import { AppError, uniqueViolation } from "../errors";
import type { deletePolicySchema, saveCalendarSchema, savePolicySchema } from "../incidents/schemas";
import { isValidTimeZone, validWeeklyHours, type BusinessCalendar, type WeeklyHours } from "./clock";
import type { SlaPolicy } from "./derive";

/** Monday to Friday, 09:00–18:00: the calendar until the company saves its own. */
export const DEFAULT_WEEKLY_HOURS: WeeklyHours = { "0": [], "1": [[540, 1080]], "2": [[540, 1080]], "3": [[540, 1080]], "4": [[540, 1080]], "5": [[540, 1080]], "6": [] };
export const DEFAULT_TIME_ZONE = "America/Sao_Paulo";

const PRIORITY_RANK: Record<string, number> = { critical: 0, high: 1, normal: 2, low: 3 };

export type SlaSettings = { policies: (SlaPolicy & { id: number })[]; calendar: BusinessCalendar & { holidayList: { day: string; name: string }[] } };

/** Policies and calendar as they are now: every SLA read derives from these. */
export async function loadSlaSettings(db: DbOrTx): Promise<SlaSettings> {
  const [policies, [cal], holidays] = await Promise.all([
    db.select().from(slaPolicies).orderBy(asc(slaPolicies.priority), asc(slaPolicies.category)),
    db.select().from(businessCalendar).where(eq(businessCalendar.id, 1)),
    db.select().from(businessHolidays).orderBy(asc(businessHolidays.day)),
  ]);
  return {
    policies: [...policies].sort((a, b) => (PRIORITY_RANK[a.priority] ?? 9) - (PRIORITY_RANK[b.priority] ?? 9) || (a.category ?? "").localeCompare(b.category ?? "")).map((p) => ({ id: p.id, priority: p.priority, category: p.category, firstResponseMinutes: p.firstResponseMinutes, resolutionMinutes: p.resolutionMinutes, nearExpiryPercent: p.nearExpiryPercent })),
    calendar: {
      timeZone: cal?.timeZone ?? DEFAULT_TIME_ZONE,
      weeklyHours: cal?.weeklyHours ?? DEFAULT_WEEKLY_HOURS,
      holidays: new Set(holidays.map((h) => h.day)),
      holidayList: holidays.map((h) => ({ day: h.day, name: h.name })),
    },
  };
}

export async function savePolicy(db: Db, input: z.output<typeof savePolicySchema>, actorUserId: string) {
  try {
    return await db.transaction(async (tx) => {
      const values = { priority: input.priority, category: input.category, firstResponseMinutes: input.firstResponseMinutes, resolutionMinutes: input.resolutionMinutes, nearExpiryPercent: input.nearExpiryPercent, updatedAt: new Date(), updatedBy: actorUserId };
      let row;
      if (input.id) {
        const [before] = await tx.select().from(slaPolicies).where(eq(slaPolicies.id, input.id)).for("update");
        if (!before) throw new AppError("NOT_FOUND", "errors.notFound");
        [row] = await tx.update(slaPolicies).set(values).where(eq(slaPolicies.id, input.id)).returning();
        await recordAudit(tx, { actorUserId, action: "sla.policy.update", entityType: "sla_policy", entityId: input.id, before, after: values });
      } else {
        [row] = await tx.insert(slaPolicies).values(values).returning();
        await recordAudit(tx, { actorUserId, action: "sla.policy.create", entityType: "sla_policy", entityId: row!.id, after: values });
      }
      return row!;
    });
  } catch (error) {
    if (uniqueViolation(error)) throw new AppError("CONFLICT", "incidentsSla.errors.policyExists", {}, "category");
    throw error;
  }
}

export async function deletePolicy(db: Db, input: z.output<typeof deletePolicySchema>, actorUserId: string) {
  return db.transaction(async (tx) => {
    const [before] = await tx.delete(slaPolicies).where(eq(slaPolicies.id, input.id)).returning();
    if (!before) throw new AppError("NOT_FOUND", "errors.notFound");
    await recordAudit(tx, { actorUserId, action: "sla.policy.delete", entityType: "sla_policy", entityId: input.id, before });
    return { id: input.id };
  });
}

/** Replaces the calendar (zone, weekly hours) and the holiday list in one transaction. */
export async function saveCalendar(db: Db, input: z.output<typeof saveCalendarSchema>, actorUserId: string) {
  if (!isValidTimeZone(input.timeZone)) throw new AppError("BAD_REQUEST", "incidentsSla.errors.timeZone", {}, "timeZone");
  if (!validWeeklyHours(input.weeklyHours)) throw new AppError("BAD_REQUEST", "incidentsSla.errors.hours", {}, "weeklyHours");
  const days = input.holidays.map((h) => h.day);
  const dup = days.findIndex((d, i) => days.indexOf(d) !== i);
  if (dup >= 0) throw new AppError("BAD_REQUEST", "incidentsSla.errors.duplicateHoliday", {}, `holidays.${dup}.day`);
  return db.transaction(async (tx) => {
    const before = await loadSlaSettings(tx);
    await tx
      .insert(businessCalendar)
      .values({ id: 1, timeZone: input.timeZone, weeklyHours: input.weeklyHours, updatedBy: actorUserId })
      .onConflictDoUpdate({ target: businessCalendar.id, set: { timeZone: input.timeZone, weeklyHours: input.weeklyHours, updatedAt: sql`now()`, updatedBy: actorUserId } });
    await tx.delete(businessHolidays);
    if (input.holidays.length) await tx.insert(businessHolidays).values(input.holidays);
    await recordAudit(tx, {
      actorUserId,
      action: "sla.calendar.update",
      entityType: "business_calendar",
      entityId: 1,
      before: { timeZone: before.calendar.timeZone, weeklyHours: before.calendar.weeklyHours, holidays: before.calendar.holidayList },
      after: input,
    });
    return { ok: true as const };
  });
}
