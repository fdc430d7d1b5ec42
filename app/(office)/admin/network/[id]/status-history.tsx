import { Badge, Card } from "@/app/_components/ui/card";
import { getLocale, getT } from "@/server/i18n/server";
import type { getStatusHistory } from "@/server/network/history";
import { formatDateTime } from "../../_lib/format";
import { STATUS_TONE } from "./profile-card";

type History = Awaited<ReturnType<typeof getStatusHistory>>;

/** Status changes, newest first; a change with no user was made by the system (import, job). */
export async function StatusHistory({ history }: { history: History }) {
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  return (
    <Card title={t("network.profile.history")}>
      {history.length === 0 ? (
        <p className="text-sm text-slate-500" data-testid="profile-history-empty">
          {t("network.profile.noHistory")}
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm" data-testid="profile-history">
            <caption className="sr-only">{t("network.profile.history")}</caption>
            <thead>
              <tr className="border-b border-slate-200 text-left text-slate-600">
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t("network.profile.historyAt")}
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t("network.profile.historyChange")}
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t("network.profile.historyReason")}
                </th>
                <th scope="col" className="py-2 font-medium">
                  {t("network.profile.historyBy")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {history.map((row) => (
                <tr key={row.id}>
                  <td className="whitespace-nowrap py-2 pr-4 tabular-nums text-slate-700">{formatDateTime(locale, row.at)}</td>
                  <td className="py-2 pr-4">
                    <span className="inline-flex items-center gap-1.5">
                      {row.fromStatus ? <Badge tone={STATUS_TONE[row.fromStatus]}>{t(`common.status.${row.fromStatus}`)}</Badge> : t("common.none")}
                      <span aria-hidden>→</span>
                      <Badge tone={STATUS_TONE[row.toStatus]}>{t(`common.status.${row.toStatus}`)}</Badge>
                    </span>
                  </td>
                  <td className="py-2 pr-4 text-slate-700">{row.reason}</td>
                  <td className="py-2 text-slate-700">{row.actorName ?? t("network.profile.system")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
