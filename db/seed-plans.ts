import { asc } from "drizzle-orm";
import { companySettings, compPlanVersions, periods } from "@/db/schema";
import { demoPlan } from "@/server/compensation/plans/demo-plan";
import { periodFor, dayOf } from "@/server/commerce/periods";
import type { Db } from "./client";

/**
 * The demo company's compensation plan: version 1 active from the earliest period (so every
 * period has a plan in force) and version 2, a draft raising unilevel level 1 to 12 %.
 */
export async function seedPlans(db: Db) {
  const [settings] = await db.select({ currency: companySettings.currency }).from(companySettings).limit(1);
  const currency = settings?.currency ?? "BRL";
  const [first] = await db.select({ id: periods.id }).from(periods).orderBy(asc(periods.startsOn)).limit(1);
  const periodId = first?.id ?? (await periodFor(db, dayOf(new Date()))).id;
  const v1 = demoPlan(currency);
  const v2 = structuredClone(v1);
  v2.version = 2;
  v2.name = "Plano Rede — unilevel 12 %";
  v2.bonuses.unilevel!.levelsBp = [1200, 500, 400, 300, 200];
  await db.insert(compPlanVersions).values([
    { planKey: "rede", version: 1, name: v1.name, status: "active", effectiveFromPeriodId: periodId, definition: v1, activatedAt: new Date() },
    { planKey: "rede", version: 2, name: v2.name, status: "draft", effectiveFromPeriodId: null, definition: v2 },
  ]);
}
