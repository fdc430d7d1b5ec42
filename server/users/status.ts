import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { userRoles, users } from "@/db/schema";
import { recordAudit } from "../audit/record";
import { AppError } from "../errors";
import { assertAnotherActiveAdmin, lockAdminSet } from "./admin-guard";
import type { SetStatusInput } from "./schemas";

/**
 * Activates or deactivates a user. Sessions re-read the status on every request, so a
 * deactivated user is out at their next click. Nobody deactivates themself (they would lock
 * themselves out mid-task), and the last active admin stays active.
 */
export async function setUserStatus(db: DbOrTx, input: SetStatusInput & { actorUserId: string }) {
  if (input.status === "inactive" && input.userId === input.actorUserId) {
    throw new AppError("BAD_REQUEST", "errors.selfDeactivate");
  }
  return db.transaction(async (tx) => {
    await lockAdminSet(tx);
    const [user] = await tx.select({ status: users.status }).from(users).where(eq(users.id, input.userId)).for("update");
    if (!user) throw new AppError("NOT_FOUND", "errors.notFound");
    if (user.status === input.status) return { status: user.status, changed: false };

    if (input.status === "inactive") {
      const [admin] = await tx
        .select({ userId: userRoles.userId })
        .from(userRoles)
        .where(and(eq(userRoles.userId, input.userId), eq(userRoles.role, "admin")));
      if (admin) await assertAnotherActiveAdmin(tx, input.userId);
    }

    await tx.update(users).set({ status: input.status, updatedAt: new Date() }).where(eq(users.id, input.userId));
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: "user.status_changed",
      entityType: "user",
      entityId: input.userId,
      before: { status: user.status },
      after: { status: input.status },
    });
    return { status: input.status, changed: true };
  });
}
