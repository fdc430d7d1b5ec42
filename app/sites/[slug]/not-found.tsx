import { messages } from "@/server/i18n/messages";

/** Unknown or inactive slug. The visitor's language is unknown here (no cookies): say it in all three. */
export default function SiteNotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-6 px-4 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      {(["pt-BR", "es", "en"] as const).map((l) => (
        <div key={l} lang={l}>
          <h1 className={l === "pt-BR" ? "text-2xl font-semibold" : "text-lg font-medium text-slate-700"}>{messages[l].site.notFoundTitle}</h1>
          <p className="mt-1 text-slate-600">{messages[l].site.notFoundBody}</p>
        </div>
      ))}
    </main>
  );
}
