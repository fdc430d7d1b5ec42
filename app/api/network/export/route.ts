import { getDb, getSqlClient } from "@/db/client";
import { getCurrentUser } from "@/server/auth/current-user";
import { isSelfOrUpline } from "@/server/consultants/scope";
import { exportNetworkCsv } from "@/server/network/export";
import { nodePath } from "@/server/network/tree/queries";

/**
 * GET /api/network/export?root=ID — the downline of ID as CSV in the import format, streamed.
 * Staff with network.read may export anyone's downline (no root: the whole network); a
 * consultant only their own or a downline member's.
 */
export async function GET(req: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  const raw = new URL(req.url).searchParams.get("root");
  const rootId = raw ? Number(raw) : null;
  if (raw && (!Number.isSafeInteger(rootId) || rootId! <= 0)) return new Response("Bad root", { status: 400 });
  const db = getDb();
  const staff = user.permissions.has("network.read");
  const root = rootId ?? (staff ? null : user.consultantId);
  if (root === null && !staff) return new Response("Forbidden", { status: 403 });
  if (root !== null && !staff && !(user.consultantId !== null && (await isSelfOrUpline(db, user.consultantId, root)))) {
    return new Response("Forbidden", { status: 403 });
  }
  const rootPath = root === null ? null : (await nodePath(db, "sponsor", root).catch(() => null))?.path;
  if (rootPath === undefined) return new Response("Not found", { status: 404 });
  const rows = exportNetworkCsv(getSqlClient(), rootPath);
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await rows.next();
      if (next.done) controller.close();
      else controller.enqueue(new TextEncoder().encode(next.value));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="rede-network${root ? `-${root}` : ""}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
