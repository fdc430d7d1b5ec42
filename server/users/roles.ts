import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { userRoles, users } from "@/db/schema";
import { recordAudit } from "../audit/record";
import type { Role } from "../auth/permissions";
import { AppError } from "../errors";
import { assertAnotherActiveAdmin, lockAdminSet } from "./admin-guard";
import { rolesOf } from "./list";
import type { SetRolesInput } from "./schemas";

/**
 * Replaces a user's roles. Audited with the role sets before and after; a call that changes
 * nothing writes nothing. Removing `admin` from the last active admin is refused.
 */
export async function setUserRoles(db: DbOrTx, input: SetRolesInput & { actorUserId: string }) {
  return db.transaction(async (tx) => {
    await lockAdminSet(tx);
    const [user] = await tx.select({ status: users.status }).from(users).where(eq(users.id, input.userId)).for("update");
    if (!user) throw new AppError("NOT_FOUND", "errors.notFound");

    const before: Role[] = (await rolesOf(tx, [input.userId])).get(input.userId) ?? [];
    const after: Role[] = [...input.roles].sort();
    if (sameSet(before, after)) return { roles: before, changed: false };

    if (user.status === "active" && before.includes("admin") && !after.includes("admin")) {
      await assertAnotherActiveAdmin(tx, input.userId);
    }

    await tx.delete(userRoles).where(eq(userRoles.userId, input.userId));
    if (after.length) await tx.insert(userRoles).values(after.map((role) => ({ userId: input.userId, role })));
    await tx.update(users).set({ updatedAt: new Date() }).where(eq(users.id, input.userId));
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: "user.roles_changed",
      entityType: "user",
      entityId: input.userId,
      before: { roles: before },
      after: { roles: after },
    });
    return { roles: after, changed: true };
  });
}

function sameSet(a: readonly string[], b: readonly string[]) {
  return a.length === b.length && a.every((x) => b.includes(x));
}
