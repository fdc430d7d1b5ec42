import { getT } from "@/server/i18n/server";

/** Shown while an order page's server data loads. */
export default async function PortalOrdersLoading() {
  const t = await getT();
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-4">
      <div className="h-8 w-56 rounded bg-slate-200" />
      <div className="h-64 rounded-lg bg-slate-200" />
      <span className="sr-only">{t("common.loading")}</span>
    </div>
  );
}
