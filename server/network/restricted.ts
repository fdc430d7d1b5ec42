import { and, desc, eq, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { consultants, restrictedEntries, restrictedHits } from "@/db/schema";
import { recordAudit } from "../audit/record";
import { AppError, uniqueViolation } from "../errors";
import { DOCUMENT_TYPES, normaliseDocument, type DocumentType } from "./documents";

/**
 * "Listas restritas": documents, e-mails and phones that may not enrol. Values are stored
 * normalised so a mask or a capital letter cannot slip past a list:
 * document → `${TYPE}:${canonical number}`, e-mail → trimmed lower case, phone → digits only.
 */
export type RestrictedKind = "document" | "email" | "phone";

export const normaliseEmail = (email: string) => email.trim().toLowerCase();
export const normalisePhone = (phone: string) => phone.replace(/\D/g, "");
export const documentKey = (type: DocumentType, number: string) => `${type}:${normaliseDocument(type, number)}`;

const id = z.number().int().positive();
export const restrictedAddInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("document"), documentType: z.enum(DOCUMENT_TYPES), value: z.string().trim().min(1, { error: "errors.required" }).max(40), reason: z.string().trim().min(3, { error: "errors.tooShort" }).max(500) }),
  z.object({ kind: z.literal("email"), value: z.string().trim().max(254, { error: "errors.tooLong" }).pipe(z.email({ error: "errors.invalidEmail" })), reason: z.string().trim().min(3, { error: "errors.tooShort" }).max(500) }),
  z.object({ kind: z.literal("phone"), value: z.string().trim().max(40, { error: "errors.tooLong" }).refine((v) => normalisePhone(v).length >= 6, { error: "errors.invalidValue" }), reason: z.string().trim().min(3, { error: "errors.tooShort" }).max(500) }),
]);
export type RestrictedAddInput = z.infer<typeof restrictedAddInput>;
export const restrictedListInput = z.object({
  kind: z.enum(["document", "email", "phone"]).optional(),
  activeOnly: z.boolean().default(true),
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
});
export const restrictedIdInput = z.object({ id });
export const restrictedHitsInput = z.object({ entryId: id.optional(), limit: z.number().int().min(1).max(500).default(100) });

function normalisedValue(input: RestrictedAddInput): string {
  switch (input.kind) {
    case "document":
      return documentKey(input.documentType, input.value);
    case "email":
      return normaliseEmail(input.value);
    case "phone":
      return normalisePhone(input.value);
  }
}

/**
 * Adds an entry, or re-activates an inactive one with the same value (new reason). An active
 * duplicate is a CONFLICT on "value".
 */
export async function addRestricted(db: Db, input: RestrictedAddInput, actorUserId: string | null) {
  const value = normalisedValue(input);
  if (!value) throw new AppError("BAD_REQUEST", "errors.invalidValue", {}, "value");
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(restrictedEntries)
      .where(and(eq(restrictedEntries.kind, input.kind), eq(restrictedEntries.value, value)))
      .for("update");
    if (existing?.active) throw new AppError("CONFLICT", "network.errors.restrictedExists", {}, "value");
    let row;
    try {
      [row] = existing
        ? await tx.update(restrictedEntries).set({ active: true, reason: input.reason, createdBy: actorUserId }).where(eq(restrictedEntries.id, existing.id)).returning()
        : await tx.insert(restrictedEntries).values({ kind: input.kind, value, reason: input.reason, createdBy: actorUserId }).returning();
    } catch (error) {
      if (uniqueViolation(error)) throw new AppError("CONFLICT", "network.errors.restrictedExists", {}, "value");
      throw error;
    }
    // The audit keeps the kind, never the value itself, in the readable summary.
    await recordAudit(tx, { actorUserId, action: "restricted.add", entityType: "restricted_entry", entityId: row!.id, after: { kind: row!.kind, reason: row!.reason } });
    return row!;
  });
}

export async function deactivateRestricted(db: Db, entryId: number, actorUserId: string | null) {
  return db.transaction(async (tx) => {
    const [row] = await tx.update(restrictedEntries).set({ active: false }).where(eq(restrictedEntries.id, entryId)).returning();
    if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
    await recordAudit(tx, { actorUserId, action: "restricted.deactivate", entityType: "restricted_entry", entityId: row.id, after: { active: false } });
    return row;
  });
}

export async function listRestricted(db: DbOrTx, input: z.infer<typeof restrictedListInput>) {
  const where: SQL[] = [];
  if (input.kind) where.push(eq(restrictedEntries.kind, input.kind));
  if (input.activeOnly) where.push(eq(restrictedEntries.active, true));
  return db
    .select()
    .from(restrictedEntries)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(restrictedEntries.createdAt), desc(restrictedEntries.id))
    .limit(input.limit)
    .offset(input.offset);
}

export async function listRestrictedHits(db: DbOrTx, input: z.infer<typeof restrictedHitsInput>) {
  return db
    .select({
      id: restrictedHits.id,
      entryId: restrictedHits.entryId,
      kind: restrictedEntries.kind,
      context: restrictedHits.context,
      actorUserId: restrictedHits.actorUserId,
      consultantId: restrictedHits.consultantId,
      consultantName: consultants.fullName,
      at: restrictedHits.at,
    })
    .from(restrictedHits)
    .innerJoin(restrictedEntries, eq(restrictedEntries.id, restrictedHits.entryId))
    .leftJoin(consultants, eq(consultants.id, restrictedHits.consultantId))
    .where(input.entryId ? eq(restrictedHits.entryId, input.entryId) : undefined)
    .orderBy(desc(restrictedHits.at), desc(restrictedHits.id))
    .limit(input.limit);
}

export type RestrictedCheck = {
  document?: { type: DocumentType; number: string } | null;
  email?: string | null;
  phone?: string | null;
  /** Where the attempt came from, e.g. "enrol" or "profile". */
  context: string;
  actorUserId: string | null;
  /** The existing consultant concerned, if any (never a row inserted by an open transaction). */
  consultantId?: number | null;
};

/**
 * Refuses data that is on an active restricted list. Each matching entry gets a `restricted_hits`
 * row, then a BAD_REQUEST with one neutral sentence is thrown: the person refused is never told
 * which list (or which field) matched.
 *
 * The hit log must survive the refusal, and the refusal rolls back whatever transaction the
 * caller has open; so the hits are written through `db` in their own short transaction, never
 * through the caller's one. Call this before opening the caller's transaction where possible
 * (enrolment does), so the hit insert does not wait on locks the caller holds. `reader` lets the
 * lookup itself run inside the caller's transaction if it prefers.
 */
export async function checkRestricted(db: Db, input: RestrictedCheck, reader: DbOrTx = db) {
  const probes: { kind: RestrictedKind; value: string }[] = [];
  if (input.document?.number) probes.push({ kind: "document", value: documentKey(input.document.type, input.document.number) });
  if (input.email) probes.push({ kind: "email", value: normaliseEmail(input.email) });
  if (input.phone && normalisePhone(input.phone)) probes.push({ kind: "phone", value: normalisePhone(input.phone) });
  if (!probes.length) return;

  const hits = await reader
    .select({ id: restrictedEntries.id })
    .from(restrictedEntries)
    .where(
      and(
        eq(restrictedEntries.active, true),
        or(...probes.map((p) => and(eq(restrictedEntries.kind, p.kind), eq(restrictedEntries.value, p.value)))),
      ),
    );
  if (!hits.length) return;

  await db.transaction(async (log) => {
    await log.insert(restrictedHits).values(
      hits.map((h) => ({ entryId: h.id, context: input.context, actorUserId: input.actorUserId, consultantId: input.consultantId ?? null })),
    );
  });
  throw new AppError("BAD_REQUEST", "network.errors.restricted");
}

