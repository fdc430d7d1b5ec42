/**
 * Named permissions guard every procedure; roles are only bundles of them. Keep this file the
 * single source: the permission-matrix test reads it to know what each role may do.
 */
export const PERMISSIONS = [
  "admin.access",
  "dashboard.read",
  "network.read",
  "network.edit",
  "network.move",
  "plans.edit",
  "runs.close",
  "orders.manage",
  "ledger.post",
  "incidents.manage",
  "messaging.send",
  "users.admin",
  "audit.read",
  "outbox.read",
  "portal.access",
  "site.edit",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ["admin", "field_manager", "finance", "support", "marketing", "consultant"] as const;
export type Role = (typeof ROLES)[number];

const STAFF_BASE: Permission[] = ["admin.access", "dashboard.read", "network.read"];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS.filter((p) => p !== "portal.access" && p !== "site.edit"),
  field_manager: [...STAFF_BASE, "network.edit", "network.move", "messaging.send"],
  finance: [...STAFF_BASE, "orders.manage", "ledger.post", "runs.close", "plans.edit"],
  support: [...STAFF_BASE, "incidents.manage", "outbox.read"],
  marketing: [...STAFF_BASE, "messaging.send"],
  consultant: ["portal.access", "site.edit"],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role] ?? []) out.add(p);
  return out;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
