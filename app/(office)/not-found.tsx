import Link from "next/link";
import { getT } from "@/server/i18n/server";

export default async function NotFound() {
  const t = await getT();
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold">{t("common.notFoundTitle")}</h1>
      <p className="mt-2 text-slate-600">{t("common.notFoundBody")}</p>
      <Link href="/" className="mt-6 text-brand-700 hover:underline">
        {t("common.backHome")}
      </Link>
    </main>
  );
}
