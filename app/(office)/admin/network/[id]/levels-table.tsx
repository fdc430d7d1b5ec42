import { Card } from "@/app/_components/ui/card";
import type { RouterOutputs } from "@/app/_lib/trpc";
import { getLocale, getT } from "@/server/i18n/server";
import { formatNumber } from "../../_lib/format";

/** How many consultants sit on each level of the sponsor downline (level 1 = the frontline). */
export async function LevelsTable({ levels }: { levels: RouterOutputs["network"]["levels"] }) {
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  return (
    <Card title={t("network.profile.levels")}>
      {levels.length === 0 ? (
        <p className="text-sm text-slate-500">{t("network.profile.noLevels")}</p>
      ) : (
        <div className="max-h-96 overflow-y-auto">
          <table className="w-full text-sm" data-testid="profile-levels">
            <caption className="sr-only">{t("network.profile.levels")}</caption>
            <thead>
              <tr className="border-b border-slate-200 text-left text-slate-600">
                <th scope="col" className="py-2 font-medium">
                  {t("network.profile.levelColumn")}
                </th>
                <th scope="col" className="py-2 text-right font-medium">
                  {t("network.profile.countColumn")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {levels.map((row) => (
                <tr key={row.level}>
                  <th scope="row" className="py-1.5 text-left font-normal text-slate-700">
                    {t("network.profile.level", { level: row.level })}
                  </th>
                  <td className="py-1.5 text-right tabular-nums text-slate-900">{formatNumber(locale, row.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
