import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { SessionUser } from "../auth/users";
import { AppError } from "../errors";

/** True when `ancestorId` is `consultantId` itself or anywhere on its sponsor upline. */
export async function isSelfOrUpline(db: DbOrTx, ancestorId: number, consultantId: number) {
  if (ancestorId === consultantId) return true;
  // Walking up from the target costs one index lookup per level (depth, not downline size).
  const rows = await db.execute<{ found: boolean }>(sql`
    with recursive up(id, sponsor_id, hops) as (
      select id, sponsor_id, 0 from consultants where id = ${consultantId}
      union all
      select c.id, c.sponsor_id, up.hops + 1
      from consultants c join up on c.id = up.sponsor_id
      where up.id <> ${ancestorId} and up.hops < 10000
    )
    select exists(select 1 from up where id = ${ancestorId}) as found`);
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
