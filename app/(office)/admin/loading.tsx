import { getT } from "@/server/i18n/server";

/** Shown while an admin page's server data loads (streamed in place of the page). */
export default async function AdminLoading() {
  const t = await getT();
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-4">
      <div className="h-8 w-64 rounded bg-slate-200" />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-24 rounded-lg bg-slate-200" />
        ))}
      </div>
      <span className="sr-only">{t("common.loading")}</span>
    </div>
  );
}
