import { alias } from "drizzle-orm/pg-core";
import { and, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { consultants, customers, invoices, orders } from "@/db/schema";
import type { SessionUser } from "../auth/users";
import { offsetOf, pageInput, type Page } from "../pagination";

export const DOCUMENT_KINDS = ["invoice", "credit_note", "debit_note"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const related = alias(invoices, "related");

const documentColumns = {
  id: invoices.id,
  kind: invoices.kind,
  number: invoices.number,
  orderId: invoices.orderId,
  orderNumber: orders.number,
  consultantId: invoices.consultantId,
  consultantCode: consultants.code,
  consultantName: consultants.fullName,
  customerName: customers.fullName,
  currency: invoices.currency,
  total: invoices.total,
  dueOn: invoices.dueOn,
  issuedAt: invoices.issuedAt,
  relatedKind: related.kind,
  relatedNumber: related.number,
};

/** One invoice or note with what its PDF prints (order, consultant, customer, related document). */
export async function documentById(db: DbOrTx, id: number) {
  const [row] = await db
    .select({ ...documentColumns, lines: invoices.lines })
    .from(invoices)
    .leftJoin(orders, eq(orders.id, invoices.orderId))
    .innerJoin(consultants, eq(consultants.id, invoices.consultantId))
    .leftJoin(customers, eq(customers.id, invoices.customerId))
    .leftJoin(related, eq(related.id, invoices.relatedInvoiceId))
    .where(eq(invoices.id, id));
  return row ?? null;
}

export type DocumentRow = NonNullable<Awaited<ReturnType<typeof documentById>>>;

/** Staff who manage orders read every document; a consultant only those issued to them. */
export function canReadDocument(user: Pick<SessionUser, "permissions" | "consultantId">, doc: { consultantId: number }) {
  return user.permissions.has("orders.manage") || (user.consultantId !== null && user.consultantId === doc.consultantId);
}

export const listDocumentsSchema = pageInput.extend({
  kind: z.enum(DOCUMENT_KINDS).optional(),
  /** A document number, an order number, or part of the consultant's name or code. */
  q: z.string().trim().max(100, { error: "errors.tooLong" }).optional(),
  consultantId: z.number().int().positive().optional(),
  orderId: z.number().int().positive().optional(),
});

/** Newest first. `consultantId` is forced to the caller's own id by the portal procedure. */
export async function listDocuments(db: DbOrTx, input: z.output<typeof listDocumentsSchema>): Promise<Page<Omit<DocumentRow, "lines">>> {
  const where: SQL[] = [];
  if (input.kind) where.push(eq(invoices.kind, input.kind));
  if (input.consultantId) where.push(eq(invoices.consultantId, input.consultantId));
  if (input.orderId) where.push(eq(invoices.orderId, input.orderId));
  if (input.q) {
    const q = input.q;
    const n = /^\d{1,15}$/.test(q) ? Number(q) : null;
    where.push(or(ilike(orders.number, q), ilike(consultants.code, q), ilike(consultants.fullName, `%${q.replace(/[%_\\]/g, "\\$&")}%`), ...(n !== null ? [eq(invoices.number, n)] : []))!);
  }
  const filter = where.length ? and(...where) : undefined;
  const [rows, [count]] = await Promise.all([
    db
      .select(documentColumns)
      .from(invoices)
      .leftJoin(orders, eq(orders.id, invoices.orderId))
      .innerJoin(consultants, eq(consultants.id, invoices.consultantId))
      .leftJoin(customers, eq(customers.id, invoices.customerId))
      .leftJoin(related, eq(related.id, invoices.relatedInvoiceId))
      .where(filter).orderBy(desc(invoices.issuedAt), desc(invoices.id)).limit(input.pageSize).offset(offsetOf(input)),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(invoices)
      .leftJoin(orders, eq(orders.id, invoices.orderId))
      .innerJoin(consultants, eq(consultants.id, invoices.consultantId))
      .where(filter),
  ]);
  return { rows, total: count!.n, page: input.page, pageSize: input.pageSize };
}
