import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { consultants, consultantStatusHistory, users } from "@/db/schema";

/**
 * Every status change of a consultant, newest first, with who made it (null: the system, e.g. an
 * import or a job). Callers check `network.read` first: this reads across the whole network.
 */
export async function getStatusHistory(db: DbOrTx, consultantId: number) {
  return db
    .select({
      id: consultantStatusHistory.id,
      fromStatus: consultantStatusHistory.fromStatus,
      toStatus: consultantStatusHistory.toStatus,
      reason: consultantStatusHistory.reason,
      at: consultantStatusHistory.at,
      actorName: users.name,
    })
    .from(consultantStatusHistory)
    .leftJoin(users, eq(users.id, consultantStatusHistory.actorUserId))
    .where(eq(consultantStatusHistory.consultantId, consultantId))
    .orderBy(desc(consultantStatusHistory.at), desc(consultantStatusHistory.id));
}

/**
 * The identity document on record, for the staff profile. Not part of `consultants.card`, which a
 * consultant may call for anyone in their downline: a document is personal data only staff need.
 */
export async function getIdentityDocument(db: DbOrTx, consultantId: number) {
  const [row] = await db.select({ type: consultants.documentType, number: consultants.documentNumber }).from(consultants).where(eq(consultants.id, consultantId));
  return row?.type && row.number ? { type: row.type, number: row.number } : null;
}
