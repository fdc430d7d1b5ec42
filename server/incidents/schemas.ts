import { z } from "zod";
import { INCIDENT_PRIORITIES, INCIDENT_STATUSES } from "@/db/schema/incidents";
import { pageInput } from "../pagination";

export const INCIDENT_CATEGORIES = ["general", "orders", "payments", "commissions", "account", "site", "products"] as const;
export const SLA_STATES = ["on_track", "near_expiry", "expired", "met"] as const;

const id = z.number().int().positive();
const body = z.string().trim().min(1, { error: "incidents.errors.bodyRequired" }).max(20000, { error: "errors.tooLong" });

export const incidentIdSchema = z.object({ id });

export const listIncidentsSchema = pageInput.extend({
  sla: z.enum(SLA_STATES).nullish(),
  /** "active" = new, open or waiting. */
  status: z.union([z.enum(INCIDENT_STATUSES), z.literal("active")]).nullish(),
  priority: z.enum(INCIDENT_PRIORITIES).nullish(),
  category: z.enum(INCIDENT_CATEGORIES).nullish(),
  /** A user id, "none" for unassigned. */
  assignee: z.union([z.uuid(), z.literal("none")]).nullish(),
  requesterKind: z.enum(["consultant", "customer", "contact"]).nullish(),
  /** Consultant code or id: the requester or the consultant the incident concerns. */
  consultant: z.string().trim().max(40).nullish(),
  q: z.string().trim().max(200).nullish(),
  sort: z.enum(["due", "newest"]).default("due"),
});
export type ListIncidentsInput = z.output<typeof listIncidentsSchema>;

export const createIncidentSchema = z.object({
  subject: z.string().trim().min(1, { error: "incidents.errors.subjectRequired" }).max(200, { error: "errors.tooLong" }),
  description: z.string().trim().min(1, { error: "incidents.errors.descriptionRequired" }).max(20000, { error: "errors.tooLong" }),
  category: z.enum(INCIDENT_CATEGORIES, { error: "incidents.errors.category" }).default("general"),
  priority: z.enum(INCIDENT_PRIORITIES).default("normal"),
  requester: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("consultant"), consultantCode: z.string().trim().min(1, { error: "incidents.errors.requesterNotFound" }).max(40) }),
    z.object({ kind: z.literal("customer"), customerEmail: z.string().trim().min(1, { error: "incidents.errors.email" }).max(320) }),
    z.object({ kind: z.literal("contact"), name: z.string().trim().min(1, { error: "incidents.errors.nameRequired" }).max(200), email: z.email({ error: "incidents.errors.email" }).max(320) }),
  ]),
  concernsConsultantCode: z.string().trim().max(40).nullish(),
});

export const portalCreateSchema = z.object({
  subject: createIncidentSchema.shape.subject,
  description: createIncidentSchema.shape.description,
  category: createIncidentSchema.shape.category,
});

export const replySchema = z.object({ id, body, statusAfter: z.enum(["open", "waiting", "resolved"]).nullish() });
export const noteSchema = z.object({ id, body });
export const portalReplySchema = z.object({ id, body });
export const setStatusSchema = z.object({ id, status: z.enum(INCIDENT_STATUSES) });
export const setPrioritySchema = z.object({ id, priority: z.enum(INCIDENT_PRIORITIES) });
export const setCategorySchema = z.object({ id, category: z.enum(INCIDENT_CATEGORIES, { error: "incidents.errors.category" }) });
export const setAssigneeSchema = z.object({ id, assigneeUserId: z.uuid().nullable() });

const minutes = z.number().int().min(1).max(60 * 24 * 365);
export const savePolicySchema = z
  .object({
    id: id.nullish(),
    priority: z.enum(INCIDENT_PRIORITIES),
    category: z.enum(INCIDENT_CATEGORIES).nullable(),
    firstResponseMinutes: minutes,
    resolutionMinutes: minutes,
    nearExpiryPercent: z.number().int().min(1).max(99),
  })
  .refine((p) => p.resolutionMinutes >= p.firstResponseMinutes, { path: ["resolutionMinutes"], message: "incidentsSla.errors.resolutionBeforeResponse" });
export const deletePolicySchema = z.object({ id });

const span = z.tuple([z.number().int().min(0).max(1440), z.number().int().min(0).max(1440)]);
const day = z.array(span).max(4);
export const saveCalendarSchema = z.object({
  timeZone: z.string().trim().min(1).max(64),
  weeklyHours: z.object({ "0": day, "1": day, "2": day, "3": day, "4": day, "5": day, "6": day }),
  holidays: z
    .array(z.object({ day: z.iso.date({ error: "incidentsSla.errors.holidayDate" }), name: z.string().trim().min(1, { error: "incidentsSla.errors.holidayName" }).max(100) }))
    .max(200),
});
