import { forbidden, redirect } from "next/navigation";
import { AppShell } from "@/app/_components/app-shell";
import type { NavItem } from "@/app/_components/nav-links";
import type { Permission } from "@/server/auth/permissions";
import { getCurrentUser } from "@/server/auth/current-user";
import { getT } from "@/server/i18n/server";
import type { MessageKey } from "@/server/i18n/messages";

/** Only modules that exist are listed, each behind the permission its procedures check. */
const NAV: { href: string; label: MessageKey; permission: Permission; exact?: boolean }[] = [
  { href: "/admin", label: "admin.nav.home", permission: "dashboard.read", exact: true },
  { href: "/admin/network", label: "network.nav.consultants", permission: "network.read", exact: true },
  { href: "/admin/network/tree", label: "network.nav.tree", permission: "network.read" },
  { href: "/admin/network/moves", label: "network.nav.moves", permission: "network.read" },
  { href: "/admin/network/restricted", label: "network.nav.restricted", permission: "network.edit" },
  { href: "/admin/network/import", label: "networkImport.nav.import", permission: "network.edit" },
  { href: "/admin/orders", label: "orders.nav.orders", permission: "orders.manage" },
  { href: "/admin/invoices", label: "invoices.nav", permission: "orders.manage" },
  { href: "/admin/returns", label: "returns.nav.admin", permission: "orders.manage" },
  { href: "/admin/incidents", label: "incidents.nav.admin", permission: "incidents.manage" },
  { href: "/admin/collections", label: "collections.nav.aging", permission: "orders.manage", exact: true },
  { href: "/admin/collections/bank", label: "collections.nav.bank", permission: "orders.manage" },
  { href: "/admin/ledger", label: "ledgerScreens.nav.accounts", permission: "ledger.post", exact: true },
  { href: "/admin/ledger/entries", label: "ledgerScreens.nav.entries", permission: "ledger.post" },
  { href: "/admin/ledger/statement", label: "ledgerScreens.nav.statement", permission: "ledger.post" },
  { href: "/admin/customers", label: "customers.nav", permission: "orders.manage" },
  { href: "/admin/catalogue", label: "catalogue.nav", permission: "orders.manage" },
  { href: "/admin/periods", label: "periods.nav", permission: "orders.manage" },
  { href: "/admin/knowledge", label: "knowledge.title", permission: "incidents.manage" },
  { href: "/admin/compensation/plans", label: "plans.nav", permission: "admin.access" },
  { href: "/admin/compensation/report-card", label: "compExplain.nav.reportCard", permission: "network.read" },
  { href: "/admin/settings", label: "settings.nav", permission: "network.read" },
  { href: "/admin/users", label: "admin.nav.users", permission: "users.admin" },
  { href: "/admin/audit", label: "admin.nav.audit", permission: "audit.read" },
  { href: "/admin/outbox", label: "admin.nav.outbox", permission: "outbox.read" },
];

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (!user.permissions.has("admin.access")) forbidden();
  const t = await getT();
  const nav: NavItem[] = NAV.filter((item) => user.permissions.has(item.permission)).map((item) => ({
    href: item.href,
    label: t(item.label),
    exact: item.exact,
  }));
  return (
    <AppShell area={t("admin.area")} nav={nav} userName={user.name} signOutLabel={t("common.signOut")}>
      {children}
    </AppShell>
  );
}
