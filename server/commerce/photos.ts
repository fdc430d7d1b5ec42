import { randomUUID } from "node:crypto";
import type { FileStore } from "../storage/files";

/**
 * Product photos uploaded by staff. Only JPEG, PNG and WebP are kept, recognised by their first
 * bytes rather than by a name or a declared type (an SVG or an HTML page renamed .png is
 * refused: both could carry script). The stored name is generated, so nothing the uploader
 * typed reaches the file system or the URL.
 */
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;

export const PHOTO_TYPES = { jpg: "image/jpeg", png: "image/png", webp: "image/webp" } as const;
export type PhotoExt = keyof typeof PHOTO_TYPES;

export function sniffPhoto(bytes: Uint8Array): PhotoExt | null {
  const b = (i: number) => bytes[i];
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return "jpg";
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b(i) === v)) return "png";
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  return null;
}

const PUBLIC_PREFIX = "/api/media/products/";
const NAME = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(jpg|png|webp)$/;

/** A photo URL this app stored (a path on the app host, so it survives a change of domain). */
export function isStoredPhotoUrl(url: string) {
  return url.startsWith(PUBLIC_PREFIX) && NAME.test(url.slice(PUBLIC_PREFIX.length));
}

export async function storeProductPhoto(store: FileStore, bytes: Uint8Array): Promise<{ ok: true; url: string } | { ok: false; error: "catalogue.errors.photoType" }> {
  const ext = sniffPhoto(bytes);
  if (!ext) return { ok: false, error: "catalogue.errors.photoType" };
  const name = `${randomUUID()}.${ext}`;
  await store.put(`products/${name}`, bytes);
  return { ok: true, url: `${PUBLIC_PREFIX}${name}` };
}

/** The bytes and type of a stored photo by its public name; null for anything else. */
export async function readProductPhoto(store: FileStore, name: string) {
  const m = NAME.exec(name);
  if (!m) return null;
  const bytes = await store.get(`products/${name}`);
  return bytes ? { bytes, contentType: PHOTO_TYPES[m[1] as PhotoExt] } : null;
}
