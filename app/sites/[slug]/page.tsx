import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { translator } from "@/server/i18n/translate";
import { getCachedPublicSite } from "@/server/sites/public";

// Pages are rendered on first visit, kept, and re-rendered when the consultant edits (revalidatePath).
export const dynamicParams = true;
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const site = await getCachedPublicSite((await params).slug);
  return { title: site ? (site.siteName ?? site.fullName) : "Rede" };
}

export default async function SiteHome({ params }: Props) {
  const site = await getCachedPublicSite((await params).slug);
  if (!site) notFound();
  const t = translator(site.locale);
  const initials = site.fullName
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase())
    .join("");
  return (
    <div className="flex min-h-screen flex-col">
      <header className="bg-gradient-to-br from-brand-600 to-brand-700 text-white">
        <div className="mx-auto max-w-4xl px-6 py-14">
          <h1 className="text-3xl font-bold tracking-tight sm:text-4xl" data-testid="site-name">
            {site.siteName ?? site.fullName}
          </h1>
          <p className="mt-2 text-brand-100">
            {site.fullName} · {t("site.consultant")}
          </p>
          {/* The shop picks the visitor's language itself; this page stays one cached copy per site. */}
          <Link
            href="/shop"
            className="mt-6 inline-flex items-center rounded-md bg-white px-4 py-2 text-sm font-semibold text-brand-700 shadow-sm hover:bg-brand-50"
            data-testid="site-shop-link"
          >
            {t("orders.shop.visit")} →
          </Link>
        </div>
      </header>
      <main className="mx-auto grid w-full max-w-4xl flex-1 gap-10 px-6 py-12 md:grid-cols-[200px_1fr]">
        <div
          aria-hidden
          className="flex h-48 w-48 items-center justify-center rounded-full bg-brand-50 text-5xl font-semibold text-brand-700 ring-4 ring-brand-100"
        >
          {initials}
        </div>
        <div>
          {/* Consultant text is rendered as text (React escapes it); line breaks are kept. */}
          <p className="whitespace-pre-line text-lg leading-relaxed text-slate-800" data-testid="site-welcome">
            {site.welcome || t("site.welcomeDefault")}
          </p>
          <section className="mt-10 rounded-lg bg-slate-50 p-6 ring-1 ring-slate-200">
            <h2 className="text-lg font-semibold">{t("site.contact")}</h2>
            <dl className="mt-4 grid gap-3 text-sm sm:grid-cols-[120px_1fr]">
              <dt className="text-slate-500">{t("site.email")}</dt>
              <dd>
                <a href={`mailto:${site.email}`} className="text-brand-700 hover:underline">
                  {site.email}
                </a>
              </dd>
              {site.phone ? (
                <>
                  <dt className="text-slate-500">{t("site.phone")}</dt>
                  <dd>
                    <a href={`tel:${site.phone.replace(/[^\d+]/g, "")}`} className="text-brand-700 hover:underline">
                      {site.phone}
                    </a>
                  </dd>
                </>
              ) : null}
              {site.city ? (
                <>
                  <dt className="text-slate-500">{t("site.location")}</dt>
                  <dd>{[site.city, site.state].filter(Boolean).join(" – ")}</dd>
                </>
              ) : null}
            </dl>
            <Link href="/contato" className="mt-5 inline-flex rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700" data-testid="site-contact-link">
              {t("contact.link")} →
            </Link>
          </section>
        </div>
      </main>
      <footer className="border-t border-slate-200 py-6 text-center text-xs text-slate-500">{t("site.poweredBy")}</footer>
    </div>
  );
}
