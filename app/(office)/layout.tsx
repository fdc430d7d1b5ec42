import type { Metadata } from "next";
import "../globals.css";
import { I18nProvider } from "@/app/_lib/i18n";
import { TrpcProvider } from "@/app/_lib/trpc";
import { messages } from "@/server/i18n/messages";
import { getLocale } from "@/server/i18n/server";

export const metadata: Metadata = { title: { default: "Rede", template: "%s · Rede" } };

/** Root layout of the back office (corporate home, login, admin, portal): per-request locale. */
export default async function OfficeLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <I18nProvider locale={locale} messages={messages[locale]}>
          <TrpcProvider>{children}</TrpcProvider>
        </I18nProvider>
      </body>
    </html>
  );
}
