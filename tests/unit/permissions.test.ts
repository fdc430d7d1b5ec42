import { describe, expect, it } from "vitest";
import { isRole, permissionsOf, PERMISSIONS, ROLE_PERMISSIONS, ROLES, type Permission, type Role } from "@/server/auth/permissions";

const PORTAL: Permission[] = ["portal.access", "site.edit"];
const STAFF_ROLES = ROLES.filter((r) => r !== "consultant");
const STAFF_PERMISSIONS = PERMISSIONS.filter((p) => !PORTAL.includes(p));

/** Which roles grant a permission. */
const holders = (p: Permission) => ROLES.filter((r) => ROLE_PERMISSIONS[r].includes(p)).sort();

describe("the permission table", () => {
  it("has exactly the six roles, each mapped", () => {
    expect([...ROLES].sort()).toEqual(["admin", "consultant", "field_manager", "finance", "marketing", "support"]);
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...ROLES].sort());
  });

  it("maps every role only to known permissions, without duplicates", () => {
    for (const role of ROLES) {
      const granted = ROLE_PERMISSIONS[role];
      for (const p of granted) expect(PERMISSIONS, `${role} → ${p}`).toContain(p);
      expect(new Set(granted).size, role).toBe(granted.length);
    }
  });

  it("leaves no permission that no role grants", () => {
    for (const p of PERMISSIONS) expect(holders(p), p).not.toEqual([]);
  });

  it("gives admin every staff permission and none of the portal ones", () => {
    expect([...ROLE_PERMISSIONS.admin].sort()).toEqual([...STAFF_PERMISSIONS].sort());
    expect(STAFF_PERMISSIONS.length).toBe(PERMISSIONS.length - 2);
  });

  it("gives consultants exactly portal.access and site.edit", () => {
    expect([...ROLE_PERMISSIONS.consultant].sort()).toEqual(["portal.access", "site.edit"]);
  });

  it("lets every staff role into the admin dashboard and the network, and no staff role into the portal", () => {
    for (const role of STAFF_ROLES) {
      expect(ROLE_PERMISSIONS[role], role).toEqual(expect.arrayContaining(["admin.access", "dashboard.read", "network.read"]));
      for (const p of PORTAL) expect(ROLE_PERMISSIONS[role], `${role} must not have ${p}`).not.toContain(p);
    }
  });

  it("keeps user administration and the audit log to admins", () => {
    expect(holders("users.admin")).toEqual(["admin"]);
    expect(holders("audit.read")).toEqual(["admin"]);
  });

  it("keeps money to finance: posting, closing runs and editing plans", () => {
    for (const p of ["ledger.post", "runs.close", "plans.edit", "orders.manage"] as const) {
      expect(holders(p), p).toEqual(["admin", "finance"]);
    }
  });

  it("keeps tree edits and moves to field managers", () => {
    expect(holders("network.edit")).toEqual(["admin", "field_manager"]);
    expect(holders("network.move")).toEqual(["admin", "field_manager"]);
  });

  it("keeps the e-mail outbox (which holds reset links) to support", () => {
    expect(holders("outbox.read")).toEqual(["admin", "support"]);
    expect(holders("incidents.manage")).toEqual(["admin", "support"]);
  });

  it("lets field managers and marketing send messages, and no one else but admin", () => {
    expect(holders("messaging.send")).toEqual(["admin", "field_manager", "marketing"]);
  });

  it("grants marketing and support nothing beyond their own area", () => {
    expect([...ROLE_PERMISSIONS.marketing].sort()).toEqual(["admin.access", "dashboard.read", "messaging.send", "network.read"]);
    expect([...ROLE_PERMISSIONS.support].sort()).toEqual([
      "admin.access",
      "dashboard.read",
      "incidents.manage",
      "network.read",
      "outbox.read",
    ]);
  });
});

describe("permissionsOf", () => {
  it("is empty for no roles", () => {
    expect(permissionsOf([]).size).toBe(0);
  });

  it("unions the permissions of several roles", () => {
    const both = permissionsOf(["support", "consultant"]);
    expect([...both].sort()).toEqual([
      "admin.access",
      "dashboard.read",
      "incidents.manage",
      "network.read",
      "outbox.read",
      "portal.access",
      "site.edit",
    ]);
    expect(permissionsOf(["finance", "marketing"]).has("messaging.send")).toBe(true);
    expect(permissionsOf(["finance", "marketing"]).has("users.admin")).toBe(false);
  });

  it("reaches every permission only by combining admin with consultant", () => {
    expect(permissionsOf(["admin", "consultant"]).size).toBe(PERMISSIONS.length);
    expect(permissionsOf(STAFF_ROLES).size).toBe(PERMISSIONS.length - 2);
  });

  it("ignores a role name it does not know (e.g. a stale value read from storage)", () => {
    expect(permissionsOf(["ghost" as Role, "marketing"])).toEqual(permissionsOf(["marketing"]));
  });
});

describe("isRole", () => {
  it("accepts the six roles and nothing else", () => {
    for (const r of ROLES) expect(isRole(r)).toBe(true);
    for (const r of ["", "Admin", "superuser", "admin ", "users.admin"]) expect(isRole(r)).toBe(false);
  });
});
