import { parseHostHeader } from "../hosts";

const LOOPBACK_IPS = new Set(["127.0.0.1", "[::1]"]);

/**
 * The public address of a consultant's site. `SITES_DOMAIN` may carry a port; without it the
 * site lives beside the host the request came in on (dev: `ana.localhost:3000`).
 */
export function siteUrl(slug: string, requestHost: string | null, env: Record<string, string | undefined> = process.env) {
  const configured = env.SITES_DOMAIN ? parseHostHeader(env.SITES_DOMAIN) : null;
  const requested = parseHostHeader(requestHost ?? "localhost");
  // An IP literal cannot carry a subdomain; loopback in dev means the `*.localhost` sites.
  const fromRequest =
    requested && LOOPBACK_IPS.has(requested.hostname) ? { ...requested, hostname: "localhost" } : requested;
  const host = configured ?? fromRequest ?? { hostname: "localhost", port: "" };
  const port = configured ? host.port : (fromRequest?.port ?? "");
  const local = host.hostname === "localhost" || host.hostname.endsWith(".localhost");
  const protocol = env.SITES_PROTOCOL ?? (local ? "http" : "https");
  return `${protocol}://${slug}.${host.hostname}${port ? `:${port}` : ""}`;
}
