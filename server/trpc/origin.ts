import { parseHostHeader } from "../hosts";

/**
 * Mutations arrive as POST with a JSON body from our own pages. A POST whose Origin is missing or
 * names another host, or whose body is not JSON, is refused before any procedure runs (CSRF).
 */
export function checkMutationRequest(req: Request): Response | null {
  if (req.method !== "POST") return null;
  const origin = req.headers.get("origin");
  const host = parseHostHeader(req.headers.get("x-forwarded-host") ?? req.headers.get("host"));
  let originHost: string | null = null;
  try {
    originHost = origin ? new URL(origin).host.toLowerCase() : null;
  } catch {
    originHost = null;
  }
  const expected = host ? (host.port ? `${host.hostname}:${host.port}` : host.hostname) : null;
  if (!originHost || !expected || originHost !== expected) return refuse("bad_origin");
  const type = req.headers.get("content-type") ?? "";
  if (!type.startsWith("application/json")) return refuse("bad_content_type");
  return null;
}

function refuse(reason: string) {
  return Response.json({ error: { message: reason, code: "FORBIDDEN" } }, { status: 403 });
}
