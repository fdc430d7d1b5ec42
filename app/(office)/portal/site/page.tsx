import { headers } from "next/headers";
import { PageHeader } from "@/app/_components/ui/card";
import { getT } from "@/server/i18n/server";
import { siteUrl } from "@/server/sites/url";
import { serverApi } from "@/server/trpc/request-context";
import { SiteForm } from "./site-form";

export default async function MySitePage() {
  const [api, t] = [await serverApi(), await getT()];
  const settings = await api.portal.site();
  const host = (await headers()).get("host");
  const example = siteUrl("{slug}", host).replace("%7Bslug%7D", "{slug}");
  return (
    <>
      <PageHeader title={t("portal.siteTitle")} description={t("portal.siteHelp")} />
      <SiteForm
        initial={{ siteName: settings.siteName ?? "", siteSlug: settings.siteSlug ?? "", siteWelcome: settings.siteWelcome ?? "" }}
        urlPattern={example}
      />
    </>
  );
}
