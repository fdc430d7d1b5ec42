import { and, count, desc, eq, gte, ilike, lt, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { offsetOf, pageInput, type Page } from "../pagination";
import { containsPattern, prefixPattern } from "../text-search";

const filterText = z.string().trim().max(200, { error: "errors.tooLong" }).optional();

export const listAuditSchema = pageInput
  .extend({
    /** "user." finds every user action; "user.created" finds exactly that one. */
    action: filterText,
    entityType: filterText,
    entityId: filterText,
    /** Part of the actor's e-mail or name. */
    actor: filterText,
    /** Inclusive start and exclusive end: the browser sends its local midnights, so days are the user's days. */
    from: z.date().optional(),
    to: z.date().optional(),
  })
  .refine((f) => !f.from || !f.to || f.from < f.to, { error: "errors.dateRange", path: ["to"] });

export type ListAuditInput = z.infer<typeof listAuditSchema>;

export type AuditListRow = {
  id: number;
  at: Date;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  actor: { id: string; name: string; email: string } | null;
};

/** The audit log newest first, with who did each thing. */
export async function listAudit(db: DbOrTx, input: ListAuditInput): Promise<Page<AuditListRow>> {
  const where: SQL[] = [];
  if (input.action) where.push(ilike(auditLog.action, prefixPattern(input.action)));
  if (input.entityType) where.push(eq(auditLog.entityType, input.entityType));
  if (input.entityId) where.push(eq(auditLog.entityId, input.entityId));
  if (input.actor) {
    const pattern = containsPattern(input.actor);
    where.push(or(ilike(users.email, pattern), ilike(users.name, pattern))!);
  }
  if (input.from) where.push(gte(auditLog.at, input.from));
  if (input.to) where.push(lt(auditLog.at, input.to));
  const condition = where.length ? and(...where) : undefined;

  const [rows, [totalRow]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
        before: auditLog.before,
        after: auditLog.after,
        actorId: users.id,
        actorName: users.name,
        actorEmail: users.email,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(condition)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    // The join matters only when filtering by actor; without it the count reads one table.
    input.actor
      ? db.select({ total: count() }).from(auditLog).leftJoin(users, eq(users.id, auditLog.actorUserId)).where(condition)
      : db.select({ total: count() }).from(auditLog).where(condition),
  ]);

  return {
    rows: rows.map(({ actorId, actorName, actorEmail, ...r }) => ({
      ...r,
      actor: actorId ? { id: actorId, name: actorName ?? "", email: actorEmail ?? "" } : null,
    })),
    total: totalRow?.total ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}
