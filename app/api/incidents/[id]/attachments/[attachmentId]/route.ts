import { getDb } from "@/db/client";
import { getCurrentUser } from "@/server/auth/current-user";
import { inPortalScope, readAttachment } from "@/server/incidents/attachments";
import { fileStore } from "@/server/storage/files";

/** GET /api/incidents/ID/attachments/AID — the file: staff any; a consultant in scope the shared ones; else 404. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string; attachmentId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  const { id, attachmentId } = await params;
  if (!/^\d{1,15}$/.test(id) || !/^\d{1,15}$/.test(attachmentId)) return new Response("Not found", { status: 404 });
  const staff = user.permissions.has("incidents.manage");
  // A consultant reads only files shared in the portal, on an incident in their scope.
  const portal = !staff && user.permissions.has("portal.access") && user.consultantId !== null && (await inPortalScope(getDb(), Number(id), user.consultantId));
  if (!staff && !portal) return new Response("Not found", { status: 404 });
  const file = await readAttachment(getDb(), fileStore(), Number(id), Number(attachmentId), { portal: !staff });
  if (!file) return new Response("Not found", { status: 404 });
  // Always a download: nothing uploaded is rendered inline on our origin.
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "Cache-Control": "private, max-age=3600",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
