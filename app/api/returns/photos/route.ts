import { getCurrentUser } from "@/server/auth/current-user";
import { hostConfigFromEnv, matchHost, parseHostHeader } from "@/server/hosts";
import { getLocale } from "@/server/i18n/server";
import { translator } from "@/server/i18n/translate";
import { PHOTO_MAX_BYTES, storeReturnPhoto } from "@/server/returns/photos";
import { fileStore } from "@/server/storage/files";

/**
 * POST /api/returns/photos — one photo for a return request, as the raw request body. Staff who
 * manage orders and consultants may upload; the answer is {key}, which the request form sends
 * with the request (the key names the uploader, so nobody attaches someone else's photo).
 * Refusals are {error: {message}} in the user's language.
 */
export async function POST(req: Request) {
  const t = translator(await getLocale());
  const max = `${PHOTO_MAX_BYTES / 1024 / 1024} MB`;
  const refuse = (status: number, message: string) => Response.json({ error: { message } }, { status });
  if (matchHost(req.headers.get("host"), hostConfigFromEnv()).kind !== "app") return new Response("Not found", { status: 404 });
  if (!sameOrigin(req)) return refuse(403, t("errors.forbidden"));
  const user = await getCurrentUser();
  if (!user) return refuse(401, t("errors.unauthorized"));
  if (!user.permissions.has("orders.manage") && !user.permissions.has("portal.access")) return refuse(403, t("errors.forbidden"));
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > PHOTO_MAX_BYTES) return refuse(413, t("returns.form.photoTooLarge", { max }));
  const bytes = await readCapped(req, PHOTO_MAX_BYTES);
  if (!bytes) return refuse(413, t("returns.form.photoTooLarge", { max }));
  const stored = await storeReturnPhoto(fileStore(), user.id, bytes);
  if (!stored.ok) return refuse(stored.problem === "tooLarge" ? 413 : 415, stored.problem === "tooLarge" ? t("returns.form.photoTooLarge", { max }) : t("returns.form.photoType"));
  return Response.json({ key: stored.key }, { status: 201 });
}

/** The body, or null past `max` bytes (read no further than that, whatever the header said). */
async function readCapped(req: Request, max: number) {
  if (!req.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of req.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > max) return null;
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function sameOrigin(req: Request) {
  const host = parseHostHeader(req.headers.get("x-forwarded-host") ?? req.headers.get("host"));
  try {
    const origin = new URL(req.headers.get("origin") ?? "");
    return !!host && origin.host.toLowerCase() === (host.port ? `${host.hostname}:${host.port}` : host.hostname);
  } catch {
    return false;
  }
}
