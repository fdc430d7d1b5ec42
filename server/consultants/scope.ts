import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { SessionUser } from "../auth/users";
import { AppError } from "../errors";

/** True when `ancestorId` is `consultantId` itself or anywhere on its sponsor upline. */
export async function isSelfOrUpline(db: DbOrTx, ancestorId: number, consultantId: number) {
  if (ancestorId === consultantId) return true;
  // The target's sponsor path lists its whole upline: one primary-key lookup per id, any depth.
  const rows = await db.execute<{ found: boolean }>(sql`
    select starts_with(t.sponsor_path, a.sponsor_path) as found
      from genealogy t, genealogy a
     where t.consultant_id = ${consultantId} and a.consultant_id = ${ancestorId}`);
  return Boolean(rows[0]?.found);
}

/**
 * The consultant-scope guard: staff see everyone by permission; a consultant sees themself and
 * their sponsor downline. Anything else is FORBIDDEN, whether or not the id exists, so a
 * consultant cannot probe for ids outside their network.
 */
export async function assertCanSee(ctx: { db: DbOrTx; user: SessionUser }, consultantId: number) {
  if (ctx.user.permissions.has("network.read")) return;
  const own = ctx.user.consultantId;
  if (own !== null && (await isSelfOrUpline(ctx.db, own, consultantId))) return;
  throw new TRPCError({ code: "FORBIDDEN", cause: new AppError("FORBIDDEN", "errors.outOfScope") });
}
