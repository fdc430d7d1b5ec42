import { getDb } from "@/db/client";
import { getCurrentUser } from "@/server/auth/current-user";
import { AppError } from "@/server/errors";
import { hostConfigFromEnv, matchHost, parseHostHeader } from "@/server/hosts";
import { ATTACHMENT_MAX_BYTES, addAttachment, inPortalScope } from "@/server/incidents/attachments";
import { getLocale } from "@/server/i18n/server";
import { translator } from "@/server/i18n/translate";
import { fileStore } from "@/server/storage/files";

/**
 * POST /api/incidents/ID/attachments — one file as the raw body, its name in X-File-Name
 * (URI-encoded). Staff with incidents.manage (internal files), or a consultant on an incident
 * they reported or that concerns them (shared with the requester's side). Refusals are {error: {message}} in the
 * user's language; success is the attachment row.
 */
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const t = translator(await getLocale());
  const refuse = (status: number, message: string) => Response.json({ error: { message } }, { status });
  if (matchHost(req.headers.get("host"), hostConfigFromEnv()).kind !== "app") return new Response("Not found", { status: 404 });
  if (!sameOrigin(req)) return refuse(403, t("errors.forbidden"));
  const user = await getCurrentUser();
  if (!user) return refuse(401, t("errors.unauthorized"));
  const staff = user.permissions.has("incidents.manage");
  if (!staff && !(user.permissions.has("portal.access") && user.consultantId !== null)) return refuse(403, t("errors.forbidden"));
  const { id } = await params;
  if (!/^\d{1,15}$/.test(id)) return refuse(404, t("errors.notFound"));
  // A consultant attaches only to an incident they reported or that concerns them (else: not found).
  if (!staff && !(await inPortalScope(getDb(), Number(id), user.consultantId!))) return refuse(404, t("errors.notFound"));
  const max = `${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`;
  if (Number(req.headers.get("content-length") ?? "0") > ATTACHMENT_MAX_BYTES) return refuse(413, t("incidents.errors.fileTooLarge", { max }));
  const bytes = await readCapped(req, ATTACHMENT_MAX_BYTES);
  if (!bytes) return refuse(413, t("incidents.errors.fileTooLarge", { max }));
  let name = "anexo";
  try {
    name = decodeURIComponent(req.headers.get("x-file-name") ?? "anexo");
  } catch {}
  try {
    const row = await addAttachment(getDb(), fileStore(), { incidentId: Number(id), fileName: name, bytes, visibleToRequester: !staff }, user.id);
    return Response.json(row, { status: 201 });
  } catch (error) {
    if (error instanceof AppError) return refuse(error.code === "NOT_FOUND" ? 404 : 400, t(error.messageKey, error.params));
    throw error;
  }
}

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
