import { and, eq, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rateLimitHits } from "@/db/schema";

export type Limit = { scope: string; key: string; max: number; windowSeconds: number };

function windowStart(windowSeconds: number, now = Date.now()) {
  return new Date(Math.floor(now / 1000 / windowSeconds) * windowSeconds * 1000);
}

/** Fixed-window counters in Postgres, so a limit holds across every app instance. */
export async function countHits(db: DbOrTx, limit: Limit) {
  const [row] = await db
    .select({ hits: rateLimitHits.hits })
    .from(rateLimitHits)
    .where(
      and(
        eq(rateLimitHits.scope, limit.scope),
        eq(rateLimitHits.key, limit.key),
        eq(rateLimitHits.windowStart, windowStart(limit.windowSeconds)),
      ),
    );
  return row?.hits ?? 0;
}

export async function isLimited(db: DbOrTx, limit: Limit) {
  return (await countHits(db, limit)) >= limit.max;
}

/** Records one hit and says whether the caller is now over the limit. */
export async function hit(db: DbOrTx, limit: Limit): Promise<{ limited: boolean; hits: number }> {
  const [row] = await db
    .insert(rateLimitHits)
    .values({ scope: limit.scope, key: limit.key, windowStart: windowStart(limit.windowSeconds), hits: 1 })
    .onConflictDoUpdate({
      target: [rateLimitHits.scope, rateLimitHits.key, rateLimitHits.windowStart],
      set: { hits: sql`${rateLimitHits.hits} + 1` },
    })
    .returning({ hits: rateLimitHits.hits });
  const hits = row?.hits ?? 1;
  return { limited: hits > limit.max, hits };
}

export async function pruneRateLimits(db: DbOrTx, olderThan: Date) {
  await db.delete(rateLimitHits).where(lt(rateLimitHits.windowStart, olderThan));
}

export const LOGIN_LIMITS = {
  perEmail: (email: string): Limit => ({ scope: "login:email", key: email, max: 8, windowSeconds: 15 * 60 }),
  perIp: (ip: string): Limit => ({ scope: "login:ip", key: ip, max: 40, windowSeconds: 15 * 60 }),
};
