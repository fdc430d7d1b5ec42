import Link from "next/link";
import { LocaleSwitcher } from "@/app/_components/locale-switcher";
import { getT } from "@/server/i18n/server";

/** The corporate home on the app host. */
export default async function CorporateHome() {
  const t = await getT();
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex items-center justify-between px-6 py-4">
        <span className="text-xl font-bold tracking-tight text-brand-700">Rede</span>
        <div className="flex items-center gap-6">
          <Link href="/faq" className="text-sm text-slate-700 hover:underline">{t("knowledge.public.link")}</Link>
          <Link href="/contato" className="text-sm text-slate-700 hover:underline" data-testid="home-contact-link">{t("contact.link")}</Link>
          <LocaleSwitcher />
          <Link href="/login" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            {t("common.signIn")}
          </Link>
        </div>
      </header>
      <main className="mx-auto w-full max-w-4xl flex-1 px-6 py-16">
        <h1 className="text-4xl font-bold tracking-tight text-slate-900">{t("site.home.title")}</h1>
        <p className="mt-4 max-w-2xl text-lg text-slate-600">{t("site.home.lead")}</p>
        <Link href="/login" className="mt-8 inline-block rounded-md bg-brand-600 px-5 py-3 font-medium text-white hover:bg-brand-700">
          {t("site.home.signIn")}
        </Link>
        <h2 className="mt-16 text-lg font-semibold">{t("site.home.features")}</h2>
        <ul className="mt-4 grid gap-4 sm:grid-cols-3">
          {(["feature1", "feature2", "feature3"] as const).map((k) => (
            <li key={k} className="rounded-lg bg-white p-5 text-sm text-slate-700 shadow-sm ring-1 ring-slate-200">
              {t(`site.home.${k}`)}
            </li>
          ))}
        </ul>
      </main>
    </div>
  );
}
