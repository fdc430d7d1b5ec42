import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { incidentAttachments, incidentEvents, incidents } from "@/db/schema";
import { portalScope } from "./queries";
import { sniffPhoto } from "../commerce/photos";
import { AppError } from "../errors";
import type { FileStore } from "../storage/files";

/**
 * Files on an incident: PDF, JPEG, PNG, WebP or plain UTF-8 text, told by their bytes (never by
 * the name or the declared type), 10 MB at most. Stored behind the file-store interface under a
 * generated key; the name the uploader gave is kept for display only.
 */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
const TYPES = { pdf: "application/pdf", jpg: "image/jpeg", png: "image/png", webp: "image/webp", txt: "text/plain; charset=utf-8" } as const;
type Ext = keyof typeof TYPES;

export function sniffAttachment(bytes: Uint8Array): Ext | null {
  const photo = sniffPhoto(bytes);
  if (photo) return photo;
  if (bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === "%PDF-") return "pdf";
  // Text: valid UTF-8, no NUL or other control bytes besides tab/newline/return, and no markup start.
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text)) return null;
    if (/^\s*</.test(text)) return null; // HTML/SVG/XML could run script if ever served inline
    return "txt";
  } catch {
    return null;
  }
}

function cleanName(name: string, ext: Ext) {
  const base = name.replace(/[\u0000-\u001f\\/:*?"<>|]+/g, "_").trim().slice(0, 120) || `anexo.${ext}`;
  return base;
}

/**
 * `visibleToRequester`: uploads from the portal are part of the conversation (the requester and
 * the consultant concerned see them); staff uploads are internal.
 */
export async function addAttachment(db: Db, store: FileStore, input: { incidentId: number; fileName: string; bytes: Uint8Array; visibleToRequester?: boolean }, actorUserId: string) {
  const max = `${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`;
  if (input.bytes.byteLength === 0) throw new AppError("BAD_REQUEST", "incidents.errors.fileEmpty", {}, "file");
  if (input.bytes.byteLength > ATTACHMENT_MAX_BYTES) throw new AppError("BAD_REQUEST", "incidents.errors.fileTooLarge", { max }, "file");
  const ext = sniffAttachment(input.bytes);
  if (!ext) throw new AppError("BAD_REQUEST", "incidents.errors.fileType", {}, "file");
  const [incident] = await db.select({ id: incidents.id }).from(incidents).where(eq(incidents.id, input.incidentId));
  if (!incident) throw new AppError("NOT_FOUND", "errors.notFound");
  const key = `incident-${input.incidentId}/${randomUUID()}.${ext}`;
  // The file first: a row never points at bytes that are not there (an orphan file is harmless).
  await store.put(key, input.bytes);
  const fileName = cleanName(input.fileName, ext);
  return db.transaction(async (tx) => {
    const [event] = await tx.insert(incidentEvents).values({ incidentId: input.incidentId, kind: "attachment", public: input.visibleToRequester ?? false, body: fileName, actorUserId }).returning({ id: incidentEvents.id });
    const [row] = await tx
      .insert(incidentAttachments)
      .values({ incidentId: input.incidentId, eventId: event!.id, storageKey: key, fileName, contentType: TYPES[ext], sizeBytes: input.bytes.byteLength, uploadedBy: actorUserId })
      .returning({ id: incidentAttachments.id, fileName: incidentAttachments.fileName, contentType: incidentAttachments.contentType, sizeBytes: incidentAttachments.sizeBytes });
    await tx.update(incidents).set({ updatedAt: new Date() }).where(eq(incidents.id, input.incidentId));
    return row!;
  });
}

/** A file of an incident; `portal` reads only those visible to the requester's side. */
export async function readAttachment(db: Db, store: FileStore, incidentId: number, attachmentId: number, opts: { portal?: boolean } = {}) {
  const [found] = await db
    .select({ row: incidentAttachments, public: incidentEvents.public })
    .from(incidentAttachments)
    .leftJoin(incidentEvents, eq(incidentEvents.id, incidentAttachments.eventId))
    .where(and(eq(incidentAttachments.id, attachmentId), eq(incidentAttachments.incidentId, incidentId)));
  if (!found || (opts.portal && !found.public)) return null;
  const row = found.row;
  const bytes = await store.get(row.storageKey);
  return bytes ? { ...row, bytes } : null;
}

/** Whether a consultant may see this incident in the portal (reported by them or concerning them). */
export async function inPortalScope(db: Db, incidentId: number, consultantId: number) {
  const [row] = await db.select({ id: incidents.id }).from(incidents).where(and(eq(incidents.id, incidentId), portalScope(consultantId)));
  return Boolean(row);
}
