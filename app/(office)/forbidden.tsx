import Link from "next/link";
import { getT } from "@/server/i18n/server";

export default async function Forbidden() {
  const t = await getT();
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 text-center">
      <p className="text-sm font-semibold text-red-700">403</p>
      <h1 className="mt-2 text-2xl font-semibold">{t("common.forbiddenTitle")}</h1>
      <p className="mt-2 text-slate-600">{t("common.forbiddenBody")}</p>
      <Link href="/go" className="mt-6 text-brand-700 hover:underline">
        {t("common.backHome")}
      </Link>
    </main>
  );
}
