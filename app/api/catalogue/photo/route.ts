import { getCurrentUser } from "@/server/auth/current-user";
import { PHOTO_MAX_BYTES, storeProductPhoto } from "@/server/commerce/photos";
import { hostConfigFromEnv, matchHost, parseHostHeader } from "@/server/hosts";
import type { MessageKey } from "@/server/i18n/messages";
import { getLocale } from "@/server/i18n/server";
import { translator } from "@/server/i18n/translate";
import { fileStore } from "@/server/storage/files";

/**
 * POST /api/catalogue/photo — a product photo as the raw request body (the file itself, at most
 * 2 MB), for staff with orders.manage. Answers 201 {url} to put in the product form's photo
 * field; a refusal is {error: {message}} in the user's language. The product is saved separately,
 * so an upload on its own changes no product.
 */
export async function POST(req: Request) {
  const t = translator(await getLocale());
  const refuse = (status: number, key: MessageKey) => Response.json({ error: { message: t(key) } }, { status });

  if (matchHost(req.headers.get("host"), hostConfigFromEnv()).kind !== "app") return new Response("Not found", { status: 404 });
  if (!sameOrigin(req)) return refuse(403, "errors.forbidden");
  const user = await getCurrentUser();
  if (!user) return refuse(401, "errors.unauthorized");
  if (!user.permissions.has("orders.manage")) return refuse(403, "errors.forbidden");
  if (Number(req.headers.get("content-length") ?? 0) > PHOTO_MAX_BYTES) return refuse(413, "catalogue.errors.photoTooLarge");

  const bytes = await readCapped(req.body, PHOTO_MAX_BYTES);
  if (bytes === "tooLarge") return refuse(413, "catalogue.errors.photoTooLarge");
  if (!bytes.byteLength) return refuse(400, "catalogue.errors.photoEmpty");
  const stored = await storeProductPhoto(fileStore(), bytes);
  if (!stored.ok) return refuse(415, stored.error);
  return Response.json({ url: stored.url }, { status: 201 });
}

/** The body, stopping as soon as it passes `max` bytes (a declared length can lie). */
async function readCapped(body: ReadableStream<Uint8Array> | null, max: number): Promise<Uint8Array | "tooLarge"> {
  if (!body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > max) return "tooLarge";
    chunks.push(chunk);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) out.set(c, at), (at += c.byteLength);
  return out;
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
