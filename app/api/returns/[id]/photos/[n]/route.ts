import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { orders, returnRequests } from "@/db/schema";
import { getCurrentUser } from "@/server/auth/current-user";
import { contentTypeOfKey } from "@/server/returns/photos";
import { fileStore } from "@/server/storage/files";

/**
 * GET /api/returns/ID/photos/N — the N-th photo (0-based) of a return request: staff who manage
 * orders, or the consultant whose order it is. Anything else is 404.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string; n: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  const { id, n } = await params;
  if (!/^\d{1,15}$/.test(id) || !/^\d{1,2}$/.test(n)) return new Response("Not found", { status: 404 });
  const [row] = await getDb()
    .select({ photos: returnRequests.photos, consultantId: orders.consultantId })
    .from(returnRequests)
    .innerJoin(orders, eq(orders.id, returnRequests.orderId))
    .where(eq(returnRequests.id, Number(id)));
  const allowed = row && (user.permissions.has("orders.manage") || (user.consultantId !== null && user.consultantId === row.consultantId));
  const key = allowed ? row.photos[Number(n)] : undefined;
  const type = key ? contentTypeOfKey(key) : null;
  const bytes = key && type ? await fileStore().get(key) : null;
  if (!bytes || !type) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(bytes), { headers: { "Content-Type": type, "Cache-Control": "private, max-age=3600", "X-Content-Type-Options": "nosniff" } });
}
