import { getDb } from "@/db/client";
import { getCurrentUser } from "@/server/auth/current-user";
import { hostConfigFromEnv, matchHost, parseHostHeader } from "@/server/hosts";
import type { MessageKey } from "@/server/i18n/messages";
import { getLocale } from "@/server/i18n/server";
import { translator } from "@/server/i18n/translate";
import type { Params } from "@/server/i18n/translate";
import { maxUploadBytes, receiveUpload, UploadRefused } from "@/server/network/import/upload";

/**
 * POST /api/network/import?name=rede.csv — the file as the raw request body (not multipart), read
 * as a stream straight to the file store, so memory stays flat whatever the size. Staff with
 * network.edit only. Answers 201 {id}; a refusal is {error: {code, message}} in the user's
 * language. proxy.ts leaves this path alone: Next buffers (and cuts at 10 MB) any body the proxy
 * may read, so the host check it would make is made here.
 */
export async function POST(req: Request) {
  const locale = await getLocale();
  const t = translator(locale);
  const refuse = (status: number, key: MessageKey, params?: Params) => Response.json({ error: { code: status, message: t(key, params) } }, { status });

  if (matchHost(req.headers.get("host"), hostConfigFromEnv()).kind !== "app") return new Response("Not found", { status: 404 });
  if (!sameOrigin(req)) return refuse(403, "errors.forbidden");
  const user = await getCurrentUser();
  if (!user) return refuse(401, "errors.unauthorized");
  if (!user.permissions.has("network.edit")) return refuse(403, "errors.forbidden");

  const length = req.headers.get("content-length");
  try {
    const { id } = await receiveUpload(getDb(), {
      userId: user.id,
      locale,
      fileName: new URL(req.url).searchParams.get("name"),
      declaredSize: length === null ? null : Number(length),
      body: req.body as AsyncIterable<Uint8Array> | null,
      maxBytes: maxUploadBytes(),
    });
    return Response.json({ id }, { status: 201 });
  } catch (error) {
    if (error instanceof UploadRefused) return refuse(error.status, error.messageKey, error.params);
    console.error("[network import] upload failed:", error);
    return refuse(500, "errors.internal");
  }
}

/** Uploads come from our own page: the Origin must name this host (CSRF), as for tRPC mutations. */
function sameOrigin(req: Request) {
  const host = parseHostHeader(req.headers.get("x-forwarded-host") ?? req.headers.get("host"));
  try {
    const origin = new URL(req.headers.get("origin") ?? "");
    return !!host && origin.host.toLowerCase() === (host.port ? `${host.hostname}:${host.port}` : host.hostname);
  } catch {
    return false;
  }
}
