import { and, count, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { consultants } from "@/db/schema";
import { AppError } from "../errors";

const sponsor = alias(consultants, "sponsor");

/** The short profile shown on the portal home and wherever a consultant is referred to. */
export async function getConsultantCard(db: DbOrTx, id: number) {
  const [row] = await db
    .select({
      id: consultants.id,
      code: consultants.code,
      fullName: consultants.fullName,
      email: consultants.email,
      phone: consultants.phone,
      status: consultants.status,
      rank: consultants.rank,
      joinedAt: consultants.joinedAt,
      city: consultants.city,
      state: consultants.state,
      siteSlug: consultants.siteSlug,
      sponsor: { id: sponsor.id, code: sponsor.code, fullName: sponsor.fullName },
    })
    .from(consultants)
    .leftJoin(sponsor, eq(sponsor.id, consultants.sponsorId))
    .where(eq(consultants.id, id));
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
  const [direct] = await db
    .select({ n: count() })
    .from(consultants)
    .where(and(eq(consultants.sponsorId, id)));
  return { ...row, sponsor: row.sponsor?.id ? row.sponsor : null, directDownline: direct?.n ?? 0 };
}
