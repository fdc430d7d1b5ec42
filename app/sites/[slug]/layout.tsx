import "../../globals.css";
import { getCachedPublicSite } from "@/server/sites/public";

/** Root layout of replicated sites: no session, no cookies, so pages stay cacheable. */
export default async function SiteLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const site = await getCachedPublicSite(slug);
  return (
    <html lang={site?.locale ?? "pt-BR"}>
      <body className="min-h-screen bg-white">{children}</body>
    </html>
  );
}
