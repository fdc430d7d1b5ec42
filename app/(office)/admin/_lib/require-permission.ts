import "server-only";
import { forbidden, redirect } from "next/navigation";
import type { Permission } from "@/server/auth/permissions";
import { getCurrentUser } from "@/server/auth/current-user";

/**
 * The admin layout only checks `admin.access`; each page also needs the permission its
 * procedures check, so a support agent opening /admin/users gets a 403 page, not an error.
 */
export async function requirePermission(permission: Permission) {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (!user.permissions.has(permission)) forbidden();
  return user;
}
