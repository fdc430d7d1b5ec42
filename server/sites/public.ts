import { unstable_cache } from "next/cache";
import { getDb } from "@/db/client";
import { siteTag } from "./cache";
import { getPublicSite } from "./site";

/**
 * A site's data, cached across requests and instances' shared cache; the consultant's edit drops
 * it by tag (server/trpc/request-context.ts), so the next visit sees the change.
 */
export function getCachedPublicSite(slug: string) {
  return unstable_cache(() => getPublicSite(getDb(), slug), ["public-site", slug], {
    tags: [siteTag(slug)],
    revalidate: 3600,
  })();
}
