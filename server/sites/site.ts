import { and, eq, ne } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { consultants } from "@/db/schema";
import { recordAudit } from "../audit/record";
import { AppError, uniqueViolation } from "../errors";
import type { SiteSettingsInput } from "./schema";

const settingsColumns = {
  siteName: consultants.siteName,
  siteSlug: consultants.siteSlug,
  siteWelcome: consultants.siteWelcome,
};

export async function getSiteSettings(db: DbOrTx, consultantId: number) {
  const [row] = await db.select(settingsColumns).from(consultants).where(eq(consultants.id, consultantId));
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
  return row;
}

/** Saves a consultant's site settings; returns the slugs whose cached pages must be dropped. */
export async function updateSiteSettings(
  db: DbOrTx,
  input: { consultantId: number; actorUserId: string; settings: SiteSettingsInput },
) {
  const { consultantId, settings } = input;
  try {
    return await db.transaction(async (tx) => {
      const [taken] = await tx
        .select({ id: consultants.id })
        .from(consultants)
        .where(and(eq(consultants.siteSlug, settings.siteSlug), ne(consultants.id, consultantId)));
      if (taken) throw new AppError("CONFLICT", "errors.slugTaken", {}, "siteSlug");
      const [before] = await tx
        .select(settingsColumns)
        .from(consultants)
        .where(eq(consultants.id, consultantId))
        .for("update");
      if (!before) throw new AppError("NOT_FOUND", "errors.notFound");
      await tx
        .update(consultants)
        .set({ ...settings, updatedAt: new Date() })
        .where(eq(consultants.id, consultantId));
      await recordAudit(tx, {
        actorUserId: input.actorUserId,
        action: "site.update",
        entityType: "consultant",
        entityId: consultantId,
        before,
        after: settings,
      });
      return { slugs: [...new Set([before.siteSlug, settings.siteSlug].filter((s): s is string => !!s))] };
    });
  } catch (error) {
    // Two consultants racing for the same slug: the unique index decides, the message is the same.
    if (uniqueViolation(error) === "consultants_site_slug_key") {
      throw new AppError("CONFLICT", "errors.slugTaken", {}, "siteSlug");
    }
    throw error;
  }
}

/** What a replicated site shows; null for unknown slugs and consultants who are not active. */
export async function getPublicSite(db: DbOrTx, slug: string) {
  const [row] = await db
    .select({
      slug: consultants.siteSlug,
      siteName: consultants.siteName,
      welcome: consultants.siteWelcome,
      fullName: consultants.fullName,
      email: consultants.email,
      phone: consultants.phone,
      city: consultants.city,
      state: consultants.state,
      locale: consultants.locale,
    })
    .from(consultants)
    .where(and(eq(consultants.siteSlug, slug), eq(consultants.status, "active")));
  return row ?? null;
}
