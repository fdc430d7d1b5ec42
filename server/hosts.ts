import { RESERVED_SLUGS } from "./sites/schema";

/** Host routing is a pure function of the Host header and two settings, unit-tested. */
export type HostConfig = {
  /** Back-office hostname, e.g. `office.example.com`; dev default `localhost`. */
  appHost: string;
  /** Parent domain of replicated sites, e.g. `example.com`; dev default `localhost`. */
  sitesDomain: string;
};

export type HostMatch = { kind: "app" } | { kind: "site"; slug: string } | { kind: "unknown" };

/**
 * Reads `APP_HOST` and `SITES_DOMAIN`. Ports in them are ignored: the app answers on whatever
 * port it listens on (`PORT`), so `ana.localhost:3000` works with no configuration.
 */
export function hostConfigFromEnv(env: Record<string, string | undefined> = process.env): HostConfig {
  const appHost = parseHostHeader(env.APP_HOST ?? "localhost")?.hostname ?? "localhost";
  const sitesDomain = parseHostHeader(env.SITES_DOMAIN ?? appHost)?.hostname ?? appHost;
  return { appHost, sitesDomain };
}

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Splits a Host header into a lower-case ASCII hostname (IDN turned to punycode, trailing dot
 * dropped) and a port. Null for anything that is not a plausible host.
 */
export function parseHostHeader(header: string | null | undefined): { hostname: string; port: string } | null {
  if (!header) return null;
  const raw = header.trim();
  if (!raw || raw.length > 300 || /[\s/\\@?#]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(`http://${raw}`);
  } catch {
    return null;
  }
  const hostname = url.hostname.toLowerCase().replace(/\.$/, "");
  if (!hostname) return null;
  if (hostname.startsWith("[")) return { hostname, port: url.port }; // IPv6 literal
  if (!hostname.split(".").every((label) => LABEL.test(label))) return null;
  return { hostname, port: url.port };
}

export function matchHost(header: string | null | undefined, config: HostConfig): HostMatch {
  const host = parseHostHeader(header);
  if (!host) return { kind: "unknown" };
  const { hostname } = host;
  const apex = config.sitesDomain;
  if (hostname === config.appHost || hostname === apex || hostname === `www.${apex}`) return { kind: "app" };
  if (isLoopback(hostname) && isLoopback(config.appHost)) return { kind: "app" };
  if (hostname.endsWith(`.${apex}`)) {
    const slug = hostname.slice(0, -(apex.length + 1));
    // One label only: `a.b.example.com` is not a site.
    if (!slug.includes(".") && !RESERVED_SLUGS.has(slug) && !slug.startsWith("xn--")) return { kind: "site", slug };
  }
  return { kind: "unknown" };
}

function isLoopback(hostname: string) {
  return hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]";
}
