import type { Metadata } from "next";
import { ContactForm } from "@/app/_components/contact/contact-form";
import { PublicFrame } from "@/app/_components/knowledge/public-frame";
import { getLocale, getT } from "@/server/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("contact.title") };
}

/** "Entre em contato conosco" on the corporate site: the message becomes an incident. */
export default async function CorporateContactPage() {
  const locale = await getLocale();
  const t = await getT();
  return (
    <PublicFrame locale={locale}>
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("contact.title")}</h1>
      <p className="mb-6 mt-2 text-slate-600">{t("contact.lead")}</p>
      <ContactForm faqHref="/faq" />
    </PublicFrame>
  );
}
