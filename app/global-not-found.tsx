import "./globals.css";
import type { Metadata } from "next";
import { messages } from "@/server/i18n/messages";

export const metadata: Metadata = { title: "404 · Rede" };

/** Unmatched URLs on any host. Rendered without a request's locale, so all three languages. */
export default function GlobalNotFound() {
  return (
    <html lang="pt-BR">
      <body className="min-h-screen">
        <main className="flex min-h-screen flex-col items-center justify-center gap-6 px-4 text-center">
          <p className="text-sm font-semibold text-brand-700">404</p>
          {(["pt-BR", "es", "en"] as const).map((l) => (
            <div key={l} lang={l}>
              <h1 className={l === "pt-BR" ? "text-2xl font-semibold" : "text-lg font-medium text-slate-700"}>{messages[l].common.notFoundTitle}</h1>
              <p className="mt-1 text-slate-600">{messages[l].common.notFoundBody}</p>
            </div>
          ))}
          <a href="/" className="text-brand-700 hover:underline">
            Rede
          </a>
        </main>
      </body>
    </html>
  );
}
