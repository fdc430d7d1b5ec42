import { and, asc, count, eq, exists, ilike, inArray, or, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { userRoles, users } from "@/db/schema";
import type { Role } from "../auth/permissions";
import { offsetOf, type Page } from "../pagination";
import { containsPattern } from "../text-search";
import type { ListUsersInput } from "./schemas";

export type UserListRow = {
  id: string;
  name: string;
  email: string;
  status: "active" | "inactive";
  locale: "pt-BR" | "es" | "en";
  consultantId: number | null;
  createdAt: Date;
  roles: Role[];
};

/** One page of users sorted by name, each with its roles; search matches name or e-mail. */
export async function listUsers(db: DbOrTx, input: ListUsersInput): Promise<Page<UserListRow>> {
  const where: SQL[] = [];
  if (input.search) {
    const pattern = containsPattern(input.search);
    where.push(or(ilike(users.name, pattern), ilike(users.email, pattern))!);
  }
  if (input.status) where.push(eq(users.status, input.status));
  if (input.role) {
    const role = input.role;
    where.push(
      exists(
        db
          .select({ one: userRoles.userId })
          .from(userRoles)
          .where(and(eq(userRoles.userId, users.id), eq(userRoles.role, role))),
      ),
    );
  }
  const condition = where.length ? and(...where) : undefined;

  const [rows, [totalRow]] = await Promise.all([
    db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        status: users.status,
        locale: users.locale,
        consultantId: users.consultantId,
        createdAt: users.createdAt,
      })
      .from(users)
      .where(condition)
      // The id breaks ties between equal names, so pages never overlap or skip a row.
      .orderBy(asc(users.name), asc(users.id))
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    db.select({ total: count() }).from(users).where(condition),
  ]);

  const rolesByUser = await rolesOf(db, rows.map((r) => r.id));
  return {
    rows: rows.map((r) => ({ ...r, roles: rolesByUser.get(r.id) ?? [] })),
    total: totalRow?.total ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}

export async function rolesOf(db: DbOrTx, userIds: string[]) {
  const out = new Map<string, Role[]>();
  if (userIds.length === 0) return out;
  const rows = await db
    .select({ userId: userRoles.userId, role: userRoles.role })
    .from(userRoles)
    .where(inArray(userRoles.userId, userIds))
    .orderBy(asc(userRoles.role));
  for (const row of rows) {
    const list = out.get(row.userId) ?? [];
    list.push(row.role);
    out.set(row.userId, list);
  }
  return out;
}
