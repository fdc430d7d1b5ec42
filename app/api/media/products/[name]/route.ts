import { readProductPhoto } from "@/server/commerce/photos";
import { fileStore } from "@/server/storage/files";

/**
 * GET /api/media/products/{uuid}.{jpg|png|webp} — a stored product photo, public (catalogues on
 * the replicated sites show them too). Names are generated at upload, so they never change: the
 * response is cacheable for good. nosniff and a sandboxing CSP keep a browser from treating the
 * bytes as anything but the image type they were checked to be.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ name: string }> }) {
  const photo = await readProductPhoto(fileStore(), (await params).name);
  if (!photo) return new Response("Not found", { status: 404 });
  return new Response(photo.bytes as BodyInit, {
    headers: {
      "Content-Type": photo.contentType,
      "Content-Length": String(photo.bytes.byteLength),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
