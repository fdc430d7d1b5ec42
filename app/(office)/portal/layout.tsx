import { forbidden, redirect } from "next/navigation";
import { AppShell } from "@/app/_components/app-shell";
import { getCurrentUser } from "@/server/auth/current-user";
import { getT } from "@/server/i18n/server";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (!user.permissions.has("portal.access") || user.consultantId === null) forbidden();
  const t = await getT();
  const nav = [
    { href: "/portal", label: t("portal.nav.home"), exact: true },
    // Exact, so "Enrol a consultant" below is the only item lit on /portal/network/new.
    { href: "/portal/network", label: t("portal.nav.network"), exact: true },
    { href: "/portal/network/new", label: t("portal.nav.enrol") },
    // Exact, so "New order" below is the only item lit on /portal/orders/new.
    { href: "/portal/orders", label: t("orders.nav.myOrders"), exact: true },
    { href: "/portal/orders/new", label: t("orders.nav.newOrder") },
    { href: "/portal/statement", label: t("ledgerScreens.nav.mine") },
    { href: "/portal/commissions", label: t("compExplain.nav.commissions") },
    { href: "/portal/rank", label: t("compExplain.nav.rank") },
    { href: "/portal/returns", label: t("returns.nav.portal") },
    { href: "/portal/incidents", label: t("incidents.nav.portal") },
    { href: "/portal/customers", label: t("customers.portalNav") },
    { href: "/portal/site", label: t("portal.nav.site") },
  ];
  return (
    <AppShell area={t("portal.area")} nav={nav} userName={user.name} signOutLabel={t("common.signOut")}>
      {children}
    </AppShell>
  );
}
