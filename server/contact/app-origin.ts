import { hostConfigFromEnv, parseHostHeader } from "../hosts";

/**
 * The back office's origin seen from any request, a replicated site's included: APP_URL when
 * set, else the app host with the request's port (dev: ana.localhost:3000 → localhost:3000).
 * Used for links in e-mails and from a site to the corporate FAQ.
 */
export function appOrigin(h: Headers, env: Record<string, string | undefined> = process.env) {
  if (env.APP_URL) return env.APP_URL.replace(/\/$/, "");
  const requested = parseHostHeader(h.get("x-forwarded-host") ?? h.get("host"));
  const { appHost } = hostConfigFromEnv(env);
  const port = requested?.port ? `:${requested.port}` : "";
  const local = appHost === "localhost" || appHost.endsWith(".localhost");
  return `${h.get("x-forwarded-proto") ?? (local ? "http" : "https")}://${appHost}${port}`;
}
