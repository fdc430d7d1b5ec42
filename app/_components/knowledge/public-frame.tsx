import Link from "next/link";
import { LocaleSwitcher } from "@/app/_components/locale-switcher";
import { LOCALES, type Locale } from "@/server/i18n/locales";
import { messages } from "@/server/i18n/messages";
import { translator } from "@/server/i18n/translate";

/**
 * The corporate site's public pages (FAQ, contact): the brand home link, language and sign-in.
 * FAQ pages may be read in a language chosen by a link (`?lang=`, from a replicated site), so
 * they get plain language links for `langPath`; other pages the cookie-backed switcher.
 */
export function PublicFrame({ locale, langPath, children }: { locale: Locale; langPath?: string; children: React.ReactNode }) {
  const t = translator(locale);
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
        <Link href="/" className="text-xl font-bold tracking-tight text-brand-700">
          Rede
        </Link>
        <nav className="flex items-center gap-6 text-sm">
          <Link href="/faq" className="text-slate-700 hover:underline">
            {t("knowledge.public.link")}
          </Link>
          <Link href="/contato" className="text-slate-700 hover:underline">
            {t("contact.link")}
          </Link>
          {langPath ? (
            <span className="flex items-center gap-2" aria-label={t("common.language")}>
              {LOCALES.map((l) => (
                <Link
                  key={l}
                  href={`${langPath}${langPath.includes("?") ? "&" : "?"}lang=${l}`}
                  hrefLang={l}
                  lang={l}
                  aria-current={l === locale ? "true" : undefined}
                  className={l === locale ? "font-semibold text-slate-900" : "text-slate-600 hover:underline"}
                >
                  {messages[l].common.locales[l]}
                </Link>
              ))}
            </span>
          ) : (
            <LocaleSwitcher />
          )}
          <Link href="/login" className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
            {t("common.signIn")}
          </Link>
        </nav>
      </header>
      <main className="mx-auto w-full max-w-3xl flex-1 px-6 py-10">{children}</main>
    </div>
  );
}
