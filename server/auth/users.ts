import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { userRoles, users } from "@/db/schema";
import { isLocale, type Locale } from "../i18n/locales";
import { permissionsOf, type Permission, type Role } from "./permissions";

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  locale: Locale;
  consultantId: number | null;
  roles: Role[];
  permissions: Set<Permission>;
};

/**
 * Loads a user with roles and permissions, or null when missing or deactivated. Called on every
 * request, so a deactivated user is refused at once whatever their session token says.
 */
export async function loadActiveUser(db: DbOrTx, userId: string): Promise<SessionUser | null> {
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      status: users.status,
      consultantId: users.consultantId,
      role: userRoles.role,
    })
    .from(users)
    .leftJoin(userRoles, eq(userRoles.userId, users.id))
    .where(eq(users.id, userId));
  const first = rows[0];
  if (!first || first.status !== "active") return null;
  const roles = rows.flatMap((r) => (r.role ? [r.role] : []));
  return {
    id: first.id,
    email: first.email,
    name: first.name,
    locale: isLocale(first.locale) ? first.locale : "pt-BR",
    consultantId: first.consultantId,
    roles,
    permissions: permissionsOf(roles),
  };
}

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase();
}
