import { randomUUID } from "node:crypto";
import { PHOTO_TYPES, sniffPhoto, type PhotoExt } from "../commerce/photos";
import type { FileStore } from "../storage/files";

/**
 * A return's photos: JPEG, PNG or WebP (told by their first bytes, not their name or declared
 * type), 5 MB each, 5 per request. Kept in the shared file store under a folder named for the
 * uploader, so a request can only attach photos its own requester uploaded.
 */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTOS_PER_REQUEST = 5;

export type PhotoProblem = "type" | "tooLarge" | "empty";

export const photoFolder = (userId: string) => `returns-${userId.toLowerCase()}/`;
const KEY = /^returns-[0-9a-f-]{36}\/[0-9a-f-]{36}\.(jpg|png|webp)$/;

export function contentTypeOfKey(key: string) {
  const m = KEY.exec(key);
  return m ? PHOTO_TYPES[m[1] as PhotoExt] : null;
}

export function isOwnPhotoKey(key: string, userId: string) {
  return KEY.test(key) && key.startsWith(photoFolder(userId));
}

export async function storeReturnPhoto(store: FileStore, userId: string, bytes: Uint8Array): Promise<{ ok: true; key: string } | { ok: false; problem: PhotoProblem }> {
  if (bytes.byteLength === 0) return { ok: false, problem: "empty" };
  if (bytes.byteLength > PHOTO_MAX_BYTES) return { ok: false, problem: "tooLarge" };
  const ext = sniffPhoto(bytes);
  if (!ext) return { ok: false, problem: "type" };
  const key = `${photoFolder(userId)}${randomUUID()}.${ext}`;
  await store.put(key, bytes);
  return { ok: true, key };
}
