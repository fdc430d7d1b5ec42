import { and, count, eq, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { userRoles, users } from "@/db/schema";
import { AppError } from "../errors";

/**
 * Serialises every change that can reduce the set of active admins. Row locks are not enough:
 * two admins removing each other's role lock different rows, each still sees the other as
 * admin, and both commit — leaving none. One transaction-scoped advisory lock closes that race.
 */
export async function lockAdminSet(tx: Tx) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('rede:users:admin-set'))`);
}

/** Refuses a change that would leave no active admin besides `userId` (call after lockAdminSet). */
export async function assertAnotherActiveAdmin(tx: Tx, userId: string) {
  const [row] = await tx
    .select({ others: count() })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, "admin")))
    .where(and(eq(users.status, "active"), ne(users.id, userId)));
  if (!row || row.others === 0) throw new AppError("CONFLICT", "errors.lastAdmin");
}
