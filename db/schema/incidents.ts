import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { customers } from "./commerce";
import { locale } from "./enums";
import { consultants } from "./network";

/**
 * Service desk: incidents, their timeline, attachments, and the SLA settings (policies by priority
 * and category, the company's business calendar). SLA deadlines and states are NOT stored: they are
 * derived from the incident's events with the current policy and calendar (server/sla/*), so a
 * policy or calendar edit recomputes every open incident. Only the notifications already sent are
 * remembered (sla_notifications), so each threshold is e-mailed once.
 *
 * Numbers (INC-000123) are gapless: taken from document_counters series 'incident' in the same
 * transaction as the insert.
 */

export const INCIDENT_PRIORITIES = ["low", "normal", "high", "critical"] as const;
export type IncidentPriority = (typeof INCIDENT_PRIORITIES)[number];
export const INCIDENT_STATUSES = ["new", "open", "waiting", "resolved", "closed"] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const INCIDENT_SOURCES = ["admin", "portal", "contact_form", "site_form"] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];
export const INCIDENT_REQUESTER_KINDS = ["consultant", "customer", "contact"] as const;
export const INCIDENT_EVENT_KINDS = [
  "created",
  "reply",
  "note",
  "status",
  "priority",
  "assignee",
  "category",
  "attachment",
  "requester_reply",
] as const;
export type IncidentEventKind = (typeof INCIDENT_EVENT_KINDS)[number];

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

export const incidents = pgTable(
  "incidents",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    number: text().notNull(),
    subject: text().notNull(),
    description: text().notNull(),
    category: text().notNull().default("general"),
    priority: text().$type<IncidentPriority>().notNull().default("normal"),
    status: text().$type<IncidentStatus>().notNull().default("new"),
    requesterKind: text().$type<(typeof INCIDENT_REQUESTER_KINDS)[number]>().notNull(),
    requesterConsultantId: bigint({ mode: "number" }).references(() => consultants.id),
    requesterCustomerId: bigint({ mode: "number" }).references(() => customers.id),
    /** Name and e-mail as known when the incident was opened (replies go there). */
    requesterName: text().notNull(),
    requesterEmail: text().notNull(),
    concernsConsultantId: bigint({ mode: "number" }).references(() => consultants.id),
    assigneeUserId: uuid().references(() => users.id),
    source: text().$type<IncidentSource>().notNull(),
    locale: locale().notNull().default("pt-BR"),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Denormalised from the timeline for filters/sorting; the SLA clock reads the events. */
    firstResponseAt: timestamp({ withTimezone: true }),
    resolvedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("incidents_number_key").on(t.number),
    index("incidents_status_idx").on(t.status, t.createdAt),
    index("incidents_assignee_idx").on(t.assigneeUserId),
    index("incidents_requester_consultant_idx").on(t.requesterConsultantId),
    index("incidents_concerns_idx").on(t.concernsConsultantId),
    index("incidents_customer_idx").on(t.requesterCustomerId),
    check("incidents_priority", sql`${t.priority} in (${inList(INCIDENT_PRIORITIES)})`),
    check("incidents_status", sql`${t.status} in (${inList(INCIDENT_STATUSES)})`),
    check("incidents_source", sql`${t.source} in (${inList(INCIDENT_SOURCES)})`),
    check("incidents_category", sql`${t.category} ~ '^[a-z][a-z0-9_]{0,39}$'`),
    check(
      "incidents_requester",
      sql`(${t.requesterKind} = 'consultant' and ${t.requesterConsultantId} is not null and ${t.requesterCustomerId} is null)
        or (${t.requesterKind} = 'customer' and ${t.requesterCustomerId} is not null and ${t.requesterConsultantId} is null)
        or (${t.requesterKind} = 'contact' and ${t.requesterConsultantId} is null and ${t.requesterCustomerId} is null)`,
    ),
    check("incidents_text", sql`length(${t.subject}) between 1 and 200 and length(${t.description}) between 1 and 20000`),
  ],
);

/** The timeline. Status/priority/assignee/category events carry from/to values; replies are public. */
export const incidentEvents = pgTable(
  "incident_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    incidentId: bigint({ mode: "number" })
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    kind: text().$type<IncidentEventKind>().notNull(),
    public: boolean().notNull().default(false),
    body: text(),
    fromValue: text(),
    toValue: text(),
    actorUserId: uuid().references(() => users.id),
    /** Who acted when no staff user did (e.g. the contact form): 'requester', 'system'. */
    actorLabel: text(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("incident_events_incident_idx").on(t.incidentId, t.at, t.id),
    check("incident_events_kind", sql`${t.kind} in (${inList(INCIDENT_EVENT_KINDS)})`),
  ],
);

export const incidentAttachments = pgTable(
  "incident_attachments",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    incidentId: bigint({ mode: "number" })
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    eventId: bigint({ mode: "number" }).references(() => incidentEvents.id),
    storageKey: text().notNull(),
    fileName: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: integer().notNull(),
    uploadedBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("incident_attachments_incident_idx").on(t.incidentId),
    uniqueIndex("incident_attachments_key").on(t.storageKey),
    check("incident_attachments_size", sql`${t.sizeBytes} > 0`),
  ],
);

/** Targets in business minutes, by priority and optionally category (a category row wins). */
export const slaPolicies = pgTable(
  "sla_policies",
  {
    id: serial().primaryKey(),
    priority: text().$type<IncidentPriority>().notNull(),
    category: text(),
    firstResponseMinutes: integer().notNull(),
    resolutionMinutes: integer().notNull(),
    nearExpiryPercent: smallint().notNull().default(75),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid().references(() => users.id),
  },
  (t) => [
    uniqueIndex("sla_policies_key").on(t.priority, sql`coalesce(${t.category}, '')`),
    check("sla_policies_priority", sql`${t.priority} in (${inList(INCIDENT_PRIORITIES)})`),
    check(
      "sla_policies_targets",
      sql`${t.firstResponseMinutes} > 0 and ${t.resolutionMinutes} >= ${t.firstResponseMinutes} and ${t.nearExpiryPercent} between 1 and 99`,
    ),
  ],
);

/** Weekly hours: for weekday 0 (Sunday) … 6, a list of [start, end) minute-of-day intervals. */
export type WeeklyHours = Record<"0" | "1" | "2" | "3" | "4" | "5" | "6", Array<[number, number]>>;

/** The company's business calendar (one row, id 1). */
export const businessCalendar = pgTable(
  "business_calendar",
  {
    id: smallint().primaryKey().default(1),
    timeZone: text().notNull().default("America/Sao_Paulo"),
    weeklyHours: jsonb().$type<WeeklyHours>().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid().references(() => users.id),
  },
  (t) => [check("business_calendar_single_row", sql`${t.id} = 1`)],
);

export const businessHolidays = pgTable("business_holidays", {
  day: date({ mode: "string" }).primaryKey(),
  name: text().notNull(),
});

/** SLA e-mails already sent: one row per incident and threshold, so each is sent once. */
export const slaNotifications = pgTable(
  "sla_notifications",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    incidentId: bigint({ mode: "number" })
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    threshold: text().notNull(),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("sla_notifications_key").on(t.incidentId, t.threshold),
    check(
      "sla_notifications_threshold",
      sql`${t.threshold} in ('first_response_near', 'first_response_expired', 'resolution_near', 'resolution_expired')`,
    ),
  ],
);
