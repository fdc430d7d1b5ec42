import { getTRPCErrorShape, TRPCError } from "@trpc/server";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { consultants, genealogy, placementTree, userRoles, users } from "@/db/schema";
import type { Role } from "@/server/auth/permissions";
import { loadActiveUser } from "@/server/auth/users";
import type { Context } from "@/server/trpc/context";
import { appRouter, createCaller } from "@/server/trpc/root";

/** Inserts a user straight into the tables (no e-mail, no audit): test fixtures, not a feature. */
export async function insertUser(
  db: Db,
  u: { email: string; name: string; roles: Role[]; status?: "active" | "inactive" },
) {
  const [row] = await db
    .insert(users)
    .values({ email: u.email, name: u.name, passwordHash: "not-a-hash", status: u.status ?? "active" })
    .returning({ id: users.id });
  if (u.roles.length) await db.insert(userRoles).values(u.roles.map((role) => ({ userId: row!.id, role })));
  return row!.id;
}

export function contextFor(db: Db, user: Context["user"]): Context {
  return { db, user, locale: "pt-BR", ip: "127.0.0.1", appUrl: "http://localhost:3000", revalidateSite: () => {} };
}

/** A caller acting as the user with this id, loaded the way a request loads it. */
export async function callerAs(db: Db, userId: string) {
  const user = await loadActiveUser(db, userId);
  if (!user) throw new Error(`user ${userId} is not active`);
  const ctx = contextFor(db, user);
  return { api: createCaller(ctx), ctx };
}

/**
 * Runs a call expected to fail and returns what a client would receive: the shape produced by
 * the app's own error formatter (translated message, code, field errors).
 */
export async function failureOf(call: Promise<unknown>, ctx: Context) {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const shape = getTRPCErrorShape({ config: appRouter._def._config, error, type: "unknown", path: undefined, input: undefined, ctx });
    return shape as unknown as { message: string; data: { code: string; httpStatus: number; fieldErrors?: Record<string, string[]> } };
  }
  throw new Error("expected the call to fail");
}

export async function countRows(db: Db, table: string) {
  const [row] = await db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(table)}`);
  return row!.n;
}

/**
 * Both trees' maintained rows per consultant, merged into one record (sponsor tree in
 * `genealogy`, placement tree in `placement_tree`), with the consultant's name for comparisons.
 */
export async function treeRows(db: Db) {
  const rows = await db
    .select({
      consultantId: genealogy.consultantId,
      sponsorPath: genealogy.sponsorPath,
      sponsorDepth: genealogy.sponsorDepth,
      downlineSize: genealogy.downlineSize,
      placementPath: placementTree.path,
      placementDepth: placementTree.depth,
      placementSize: sql<number>`coalesce(${placementTree.size}, 0)::int`,
      status: genealogy.status,
      rank: genealogy.rank,
      nameKey: genealogy.nameKey,
      fullName: consultants.fullName,
      joinedAt: genealogy.joinedAt,
    })
    .from(genealogy)
    .innerJoin(consultants, eq(consultants.id, genealogy.consultantId))
    .leftJoin(placementTree, eq(placementTree.consultantId, genealogy.consultantId));
  return new Map(rows.map((g) => [g.consultantId, g]));
}
