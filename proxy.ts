import { NextResponse, type NextRequest } from "next/server";
import { hostConfigFromEnv, matchHost } from "./server/hosts";

const config_ = hostConfigFromEnv();

/**
 * Host → route. The app host passes through, except `/sites/*`, which exists only behind a
 * site's own host. `{slug}.SITES_DOMAIN/any/path` is rewritten to `/sites/{slug}/any/path`.
 * No database calls here: an unknown or inactive slug is the site page's 404.
 */
export function proxy(request: NextRequest) {
  const match = matchHost(request.headers.get("host"), config_);
  const url = request.nextUrl.clone();
  if (match.kind === "site") {
    url.pathname = `/sites/${match.slug}${request.nextUrl.pathname === "/" ? "" : request.nextUrl.pathname}`;
    return NextResponse.rewrite(url);
  }
  if (match.kind === "unknown" || request.nextUrl.pathname === "/sites" || request.nextUrl.pathname.startsWith("/sites/")) {
    url.pathname = "/_not-found";
    return NextResponse.rewrite(url, { status: 404 });
  }
  return NextResponse.next();
}

export const config = {
  // The network upload streams its body (up to hundreds of MB): a path the proxy runs on gets its
  // body buffered by Next and cut at 10 MB, so that route is left out and checks the host itself.
  // Product photos (/api/media/products/…) are public and load on the app and on every site alike.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt|api/network/import|api/media/).*)"],
};
