import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { consultants, consultantStatusHistory } from "@/db/schema";
import { recordAudit } from "../audit/record";
import type { SessionUser } from "../auth/users";
import { AppError, uniqueViolation } from "../errors";
import { LOCALES } from "../i18n/locales";
import { DOCUMENT_TYPES, normaliseDocument, validateDocument } from "./documents";
import { findPlacement, type PlacementRequest, type PlacementResult, type TreeShape } from "./placement";
import { slotFromDb, slotToDb, sqlPlacementView } from "./placement-sql";
import { checkRestricted, normaliseEmail, normalisePhone } from "./restricted";
import { attachToTrees } from "./tree/attach";
import { getNetworkSettings } from "../settings/company";

export const MIN_AGE_YEARS = 16;

const id = z.number().int().positive();
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "errors.tooLong" })
    .nullish()
    .transform((v) => (v ? v : null));

const placementInput = z.discriminatedUnion("rule", [
  // Binary legs are "L"/"R"; matrix positions 1..width (checked against the company's shape).
  z.object({ rule: z.literal("manual"), parentId: id, slot: z.union([z.enum(["L", "R"]), z.number().int().min(1).max(20)]) }),
  z.object({ rule: z.enum(["extreme_left", "extreme_right", "weaker_leg", "breadth_first"]) }),
]);

function yearsBefore(date: Date, years: number) {
  const d = new Date(date);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString().slice(0, 10);
}

export const enrolInput = z
  .object({
    fullName: z.string().trim().min(2, { error: "errors.tooShort" }).max(120, { error: "errors.tooLong" }),
    email: z.string().trim().max(254, { error: "errors.tooLong" }).pipe(z.email({ error: "errors.invalidEmail" })),
    phone: optionalText(40),
    documentType: z.enum(DOCUMENT_TYPES),
    documentNumber: z.string().trim().min(1, { error: "errors.required" }).max(40, { error: "errors.tooLong" }),
    birthday: z.iso.date().nullish(),
    addressLine: optionalText(200),
    postalCode: optionalText(20),
    city: optionalText(80),
    state: optionalText(80),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, { error: "errors.invalidValue" })
      .default("BR"),
    locale: z.enum(LOCALES).default("pt-BR"),
    joinedAt: z.iso.date().optional(),
    sponsorId: id.nullish(),
    /** Omitted: the company's default rule (company settings). */
    placement: placementInput.optional(),
  })
  .superRefine((v, ctx) => {
    const doc = validateDocument(v.documentType, v.documentNumber);
    if (!doc.ok) {
      ctx.addIssue({
        code: "custom",
        path: ["documentNumber"],
        message: doc.reason === "format" ? "network.errors.documentFormat" : "network.errors.documentChecksum",
      });
    }
    if (v.birthday) {
      const today = new Date().toISOString().slice(0, 10);
      if (v.birthday > today) ctx.addIssue({ code: "custom", path: ["birthday"], message: "network.errors.birthdayFuture" });
      else if (v.birthday > yearsBefore(new Date(), MIN_AGE_YEARS)) ctx.addIssue({ code: "custom", path: ["birthday"], message: "network.errors.tooYoung" });
    }
  });
export type EnrolInput = z.output<typeof enrolInput>;

type Actor = Pick<SessionUser, "id" | "permissions" | "consultantId">;

const conflictFor = (constraint: string | undefined) =>
  constraint === "consultants_email_key"
    ? new AppError("CONFLICT", "network.errors.emailTaken", {}, "email")
    : constraint === "consultants_document_key"
      ? new AppError("CONFLICT", "network.errors.documentTaken", {}, "documentNumber")
      : null;

/** `self`: a consultant enrolling under themselves, told in their own words where they may place. */
function placementRefusal(result: Extract<PlacementResult, { ok: false }>, self: boolean) {
  switch (result.error) {
    case "slot_taken":
      return new AppError("CONFLICT", "network.errors.slotTaken", {}, "placement.slot");
    case "outside_subtree":
      return new AppError("BAD_REQUEST", self ? "portal.enrol.outsideOwnPlacement" : "network.errors.outsideSubtree", {}, "placement.parentId");
    case "invalid_slot":
      return new AppError("BAD_REQUEST", "network.errors.invalidSlot", {}, "placement.slot");
  }
}

/** A human-friendly code from the row's own id: RD000301. Unique because ids are. */
export const consultantCode = (consultantId: number) => `RD${String(consultantId).padStart(6, "0")}`;

/**
 * Enrols a consultant: restricted lists, duplicate checks, placement, then one transaction that
 * inserts the row, attaches it to both trees, writes the "enrolled" status history and the audit.
 *
 * Who: staff with network.edit enrol under anyone; a consultant (portal.access) only under
 * themselves — the sponsor is forced to their own id, so any placement rule (manual included)
 * is bounded by their own placement subtree. Anyone else is refused.
 */
export async function enrolConsultant(db: Db, { actor, input }: { actor: Actor; input: EnrolInput }) {
  let sponsorId: number | null;
  let self = false;
  if (actor.permissions.has("network.edit")) sponsorId = input.sponsorId ?? null;
  else if (actor.permissions.has("portal.access") && actor.consultantId !== null) {
    sponsorId = actor.consultantId;
    self = true;
  } else {
    // Not a permission gate of the procedure (which is open to any signed-in user) but a scope refusal.
    throw new AppError("FORBIDDEN", "errors.outOfScope");
  }

  const documentNumber = normaliseDocument(input.documentType, input.documentNumber);
  const email = normaliseEmail(input.email);
  const phone = input.phone ? input.phone.trim() : null;

  if (sponsorId === null) {
    const [any] = await db.select({ id: consultants.id }).from(consultants).limit(1);
    if (any) throw new AppError("BAD_REQUEST", "network.errors.sponsorRequired", {}, "sponsorId");
  }

  // Before anything is written: the hit log is committed on its own, the refusal writes nothing else.
  await checkRestricted(db, {
    document: { type: input.documentType, number: documentNumber },
    email,
    phone: phone && normalisePhone(phone) ? phone : null,
    context: "enrol",
    actorUserId: actor.id,
  });

  const [emailTaken] = await db.select({ id: consultants.id }).from(consultants).where(sql`lower(${consultants.email}) = ${email}`).limit(1);
  if (emailTaken) throw conflictFor("consultants_email_key")!;
  const [documentTaken] = await db
    .select({ id: consultants.id })
    .from(consultants)
    .where(and(eq(consultants.documentType, input.documentType), eq(consultants.documentNumber, documentNumber)))
    .limit(1);
  if (documentTaken) throw conflictFor("consultants_document_key")!;

  const attempt = () =>
    db.transaction(async (tx) => {
      let placement: { parentId: number; slot: number } | null = null;
      let rule: string | null = null;
      let shape: TreeShape = { kind: "binary" };
      if (sponsorId !== null) {
        const [sponsor] = await tx.select({ id: consultants.id }).from(consultants).where(eq(consultants.id, sponsorId));
        if (!sponsor) throw new AppError("BAD_REQUEST", "network.errors.sponsorUnknown", {}, "sponsorId");
        const settings = await getNetworkSettings(tx);
        const chosen = input.placement ?? { rule: settings.defaultPlacementRule };
        const request: PlacementRequest =
          chosen.rule === "manual"
            ? { rule: "manual", rootId: sponsorId, parentId: chosen.parentId, slot: chosen.slot }
            : { rule: chosen.rule, rootId: sponsorId };
        const found = await findPlacement(sqlPlacementView(tx, settings.shape), settings.shape, request);
        rule = chosen.rule;
        shape = settings.shape;
        if (!found.ok) throw placementRefusal(found, self);
        placement = { parentId: found.parentId, slot: slotToDb(found.slot) };
      }

      const [row] = await tx
        .insert(consultants)
        .values({
          code: `tmp-${randomUUID()}`,
          fullName: input.fullName,
          email,
          phone,
          status: "active",
          sponsorId,
          documentType: input.documentType,
          documentNumber,
          birthday: input.birthday ?? null,
          addressLine: input.addressLine,
          postalCode: input.postalCode,
          city: input.city,
          state: input.state,
          country: input.country,
          locale: input.locale,
          ...(input.joinedAt ? { joinedAt: input.joinedAt } : {}),
        })
        .returning({ id: consultants.id });
      const consultantId = row!.id;
      const code = consultantCode(consultantId);
      await tx.update(consultants).set({ code }).where(eq(consultants.id, consultantId));
      await attachToTrees(tx, { consultantId, sponsorId, placement });
      await tx.insert(consultantStatusHistory).values({ consultantId, fromStatus: null, toStatus: "active", reason: "enrolled", actorUserId: actor.id });
      const result = {
        id: consultantId,
        code,
        sponsorId,
        placementParentId: placement?.parentId ?? null,
        placementSlot: placement ? slotFromDb(placement.slot, shape) : null,
      };
      await recordAudit(tx, {
        actorUserId: actor.id,
        action: "consultant.enrol",
        entityType: "consultant",
        entityId: consultantId,
        after: { ...result, rule, fullName: input.fullName },
      });
      return result;
    });

  // Placement is a proposal: a concurrent enrolment may take the same slot first. Ask once more.
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      const constraint = uniqueViolation(error);
      const conflict = conflictFor(constraint);
      if (conflict) throw conflict;
      if (constraint === "consultants_placement_slot_key") {
        if (tries < 2 && input.placement?.rule !== "manual") continue;
        throw new AppError("CONFLICT", "network.errors.slotTaken", {}, "placement.slot");
      }
      throw error;
    }
  }
}
