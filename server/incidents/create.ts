import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { consultants, customers, incidentEvents, incidents, type IncidentPriority, type IncidentSource } from "@/db/schema";
import { AppError } from "../errors";
import { isLocale, type Locale } from "../i18n/locales";

export type IncidentRequester =
  | { kind: "consultant"; consultantId: number }
  | { kind: "customer"; customerId: number }
  | { kind: "contact"; name: string; email: string };

export type CreateIncidentInput = {
  subject: string;
  description: string;
  category?: string;
  priority?: IncidentPriority;
  requester: IncidentRequester;
  concernsConsultantId?: number | null;
  source: IncidentSource;
  actorUserId?: string | null;
  locale?: string;
};

export const CATEGORY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** "INC-000123": six digits at least, more when the series grows past them. */
export function formatIncidentNumber(n: number) {
  return `INC-${String(n).padStart(6, "0")}`;
}

/**
 * Opens an incident in the caller's transaction: takes the next gapless number (the counter row
 * stays locked until the transaction ends, so a rolled-back insert leaves no hole), snapshots the
 * requester's name and e-mail (replies go there) and writes the timeline's first event.
 * The SLA clock starts at the incident's created_at. Sends no e-mail: callers decide.
 */
export async function createIncident(tx: DbOrTx, input: CreateIncidentInput): Promise<{ id: number; number: string }> {
  const subject = input.subject.trim();
  const description = input.description.trim();
  if (!subject) throw new AppError("BAD_REQUEST", "incidents.errors.subjectRequired", {}, "subject");
  if (subject.length > 200) throw new AppError("BAD_REQUEST", "errors.tooLong", { max: 200 }, "subject");
  if (!description) throw new AppError("BAD_REQUEST", "incidents.errors.descriptionRequired", {}, "description");
  if (description.length > 20000) throw new AppError("BAD_REQUEST", "errors.tooLong", { max: 20000 }, "description");
  const category = input.category?.trim() || "general";
  if (!CATEGORY_PATTERN.test(category)) throw new AppError("BAD_REQUEST", "incidents.errors.category", {}, "category");
  const locale: Locale = isLocale(input.locale) ? input.locale : "pt-BR";

  let requester: {
    requesterKind: "consultant" | "customer" | "contact";
    requesterConsultantId: number | null;
    requesterCustomerId: number | null;
    requesterName: string;
    requesterEmail: string;
  };
  const r = input.requester;
  if (r.kind === "consultant") {
    const [c] = await tx.select({ name: consultants.fullName, email: consultants.email }).from(consultants).where(eq(consultants.id, r.consultantId));
    if (!c) throw new AppError("BAD_REQUEST", "incidents.errors.requesterNotFound", {}, "requester");
    requester = { requesterKind: "consultant", requesterConsultantId: r.consultantId, requesterCustomerId: null, requesterName: c.name, requesterEmail: c.email };
  } else if (r.kind === "customer") {
    const [c] = await tx.select({ name: customers.fullName, email: customers.email }).from(customers).where(eq(customers.id, r.customerId));
    if (!c) throw new AppError("BAD_REQUEST", "incidents.errors.requesterNotFound", {}, "requester");
    requester = { requesterKind: "customer", requesterConsultantId: null, requesterCustomerId: r.customerId, requesterName: c.name, requesterEmail: c.email };
  } else {
    const name = r.name.trim();
    const email = r.email.trim().toLowerCase();
    if (!name || name.length > 200) throw new AppError("BAD_REQUEST", "incidents.errors.nameRequired", {}, "name");
    if (!EMAIL_PATTERN.test(email) || email.length > 320) throw new AppError("BAD_REQUEST", "incidents.errors.email", {}, "email");
    requester = { requesterKind: "contact", requesterConsultantId: null, requesterCustomerId: null, requesterName: name, requesterEmail: email };
  }
  if (input.concernsConsultantId != null) {
    const [c] = await tx.select({ id: consultants.id }).from(consultants).where(eq(consultants.id, input.concernsConsultantId));
    if (!c) throw new AppError("BAD_REQUEST", "incidents.errors.consultantNotFound", {}, "concernsConsultantId");
  }

  // Gapless: the counter row is created on first use and row-locked by the update.
  const counter = await tx.execute<{ last: string | number }>(
    sql`insert into document_counters (series, last) values ('incident', 1)
        on conflict (series) do update set last = document_counters.last + 1 returning last`,
  );
  const number = formatIncidentNumber(Number(counter[0]!.last));

  const [row] = await tx
    .insert(incidents)
    .values({
      number,
      subject,
      description,
      category,
      priority: input.priority ?? "normal",
      status: "new",
      ...requester,
      concernsConsultantId: input.concernsConsultantId ?? null,
      source: input.source,
      locale,
      createdBy: input.actorUserId ?? null,
    })
    .returning({ id: incidents.id, createdAt: incidents.createdAt });
  await tx.insert(incidentEvents).values({
    incidentId: row!.id,
    kind: "created",
    public: true,
    toValue: "new",
    actorUserId: input.actorUserId ?? null,
    actorLabel: input.actorUserId ? null : "requester",
    at: row!.createdAt,
  });
  return { id: row!.id, number };
}
