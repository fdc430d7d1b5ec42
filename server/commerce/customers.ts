import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { auditLog, companySettings, consultants, customers, orders, users } from "@/db/schema";
import { recordAudit } from "../audit/record";
import { AppError, uniqueViolation } from "../errors";
import { offsetOf, pageInput, type Page } from "../pagination";
import { containsPattern } from "../text-search";
import {
  COMMERCIAL_STATES,
  CUSTOMER_SORTS,
  QUINTILE_POINTS,
  recencyLimits,
  SEGMENTS,
  segmentCaseSql,
  type CommercialState,
  type RfmCuts,
  type Segment,
  type StateThresholds,
} from "./customer-segments";

const id = z.number().int().positive();
const text = (max: number) => z.string().trim().max(max, { error: "errors.tooLong" });

/** What both the staff list and the portal list filter on; the portal never sends `consultantId`. */
export const customerFilterSchema = z.object({
  q: text(200).optional(),
  consultantId: id.optional(),
  state: z.enum(COMMERCIAL_STATES).optional(),
  segment: z.enum(SEGMENTS).optional(),
});
export type CustomerFilter = z.infer<typeof customerFilterSchema>;

export const listCustomersSchema = pageInput.merge(customerFilterSchema).extend({ sort: z.enum(CUSTOMER_SORTS).default("recent") });
export const myCustomersSchema = listCustomersSchema.omit({ consultantId: true });

/** The company's thresholds (the migration inserts the settings row; defaults if it is missing). */
export async function stateThresholds(db: DbOrTx): Promise<StateThresholds & { currency: string }> {
  const [row] = await db
    .select({ activeDays: companySettings.customerActiveDays, lostDays: companySettings.customerLostDays, currency: companySettings.currency })
    .from(companySettings)
    .where(eq(companySettings.id, 1));
  return row ?? { activeDays: 90, lostDays: 365, currency: "BRL" };
}

const BOUGHT = sql`${customers.lastOrderAt} is not null and ${customers.ordersCount} > 0`;

/**
 * The frequency and monetary quintile cut points over every customer who has bought,
 * company-wide (a consultant's customers are scored against the whole company, so "champion"
 * means the same everywhere). One pass over the customers; computed once per list or export and
 * passed on as numbers.
 */
export async function loadRfmCuts(db: DbOrTx): Promise<RfmCuts> {
  const points = sql.raw(`array[${QUINTILE_POINTS.join(",")}]`);
  const [row] = await db.execute<{ f: number[] | null; m: number[] | null }>(sql`
    select percentile_cont(${points}) within group (order by ${customers.ordersCount}) as f,
           percentile_cont(${points}) within group (order by ${customers.totalSpent}) as m
      from ${customers} where ${BOUGHT}`);
  const none = [0, 0, 0, 0];
  return { frequency: row?.f?.map(Number) ?? none, monetary: row?.m?.map(Number) ?? none };
}

/** 1 + the number of cut points the value is strictly above (null when the customer never bought). */
function scoreSql(value: SQL, cuts: number[]) {
  const above = cuts.map((c) => sql`(${value} > ${c}::float8)::int`);
  return sql`case when ${BOUGHT} then 1 + ${sql.join(above, sql` + `)} end`;
}

/** `now` minus a number of days (fractional: a third of the active window), as SQL. */
const daysBefore = (now: Date, days: number) => sql`${now.toISOString()}::timestamptz - ${days}::float8 * interval '1 day'`;

function stateSql(t: StateThresholds, now: Date) {
  return sql`case when ${customers.lastOrderAt} is null then 'prospect'
    when ${customers.lastOrderAt} >= ${daysBefore(now, t.activeDays)} then 'active'
    when ${customers.lastOrderAt} >= ${daysBefore(now, t.lostDays)} then 'inactive'
    else 'lost' end`;
}

/** Recency against the company's limits (see customer-segments.ts): 5 … 2 within each limit, else 1. */
function recencySql(t: StateThresholds, now: Date) {
  const [a, b, c, d] = recencyLimits(t);
  return sql`case when ${BOUGHT} then case
    when ${customers.lastOrderAt} >= ${daysBefore(now, a)} then 5
    when ${customers.lastOrderAt} >= ${daysBefore(now, b)} then 4
    when ${customers.lastOrderAt} >= ${daysBefore(now, c)} then 3
    when ${customers.lastOrderAt} >= ${daysBefore(now, d)} then 2
    else 1 end end`;
}

type Derivation = { thresholds: StateThresholds; cuts: RfmCuts; now: Date };

function derived({ thresholds, cuts, now }: Derivation) {
  const r = recencySql(thresholds, now);
  const f = scoreSql(sql`${customers.ordersCount}::float8`, cuts.frequency);
  const m = scoreSql(sql`${customers.totalSpent}::float8`, cuts.monetary);
  const measure = { r, f, m, orders: sql`${customers.ordersCount}` };
  const segment = sql.join(segmentCaseSql((name) => sql`(${measure[name]})`, (text) => sql.raw(text)), sql``);
  return { r, f, m, state: stateSql(thresholds, now), segment };
}

function filterWhere(filter: CustomerFilter, d: ReturnType<typeof derived>) {
  const where: SQL[] = [];
  if (filter.consultantId) where.push(eq(customers.consultantId, filter.consultantId));
  if (filter.q) {
    const p = containsPattern(filter.q);
    where.push(sql`(${customers.fullName} ilike ${p} or ${customers.email} ilike ${p} or ${customers.phone} ilike ${p})`);
  }
  if (filter.state) where.push(sql`${d.state} = ${filter.state}`);
  if (filter.segment) where.push(sql`${d.segment} = ${filter.segment}`);
  return where.length ? and(...where) : undefined;
}

function rowSelection(d: ReturnType<typeof derived>) {
  return {
    id: customers.id,
    fullName: customers.fullName,
    email: customers.email,
    phone: customers.phone,
    city: customers.city,
    region: customers.state,
    consultantId: customers.consultantId,
    consultantCode: consultants.code,
    consultantName: consultants.fullName,
    firstOrderAt: customers.firstOrderAt,
    lastOrderAt: customers.lastOrderAt,
    ordersCount: customers.ordersCount,
    totalSpent: customers.totalSpent,
    createdAt: customers.createdAt,
    commercialState: sql<CommercialState>`${d.state}`,
    segment: sql<Segment>`${d.segment}`,
    r: sql<number | null>`${d.r}`.mapWith((v) => (v === null ? null : Number(v))),
    f: sql<number | null>`${d.f}`.mapWith((v) => (v === null ? null : Number(v))),
    m: sql<number | null>`${d.m}`.mapWith((v) => (v === null ? null : Number(v))),
  };
}

async function derivation(db: DbOrTx, now: Date) {
  const [t, cuts] = await Promise.all([stateThresholds(db), loadRfmCuts(db)]);
  return { thresholds: { activeDays: t.activeDays, lostDays: t.lostDays }, cuts, now, currency: t.currency };
}

export type CustomerRow = Awaited<ReturnType<typeof listCustomers>>["rows"][number];

/**
 * A page of customers with their commercial state, RFM scores and segment, filtered by any of
 * consultant, state, segment and text. State and segment are computed in the query (they move
 * with the clock and with everyone else's purchases), so a filter on them reads every customer
 * the other filters leave — fine for a company's customer base; at millions of customers the
 * scores would be materialised by a nightly job instead.
 */
export async function listCustomers(db: DbOrTx, input: z.output<typeof listCustomersSchema>, now = new Date()) {
  const ctx = await derivation(db, now);
  const d = derived(ctx);
  const where = filterWhere(input, d);
  const order =
    input.sort === "name"
      ? [sql`${customers.fullName}`, sql`${customers.id}`]
      : input.sort === "spent"
        ? [sql`${customers.totalSpent} desc`, sql`${customers.id}`]
        : [sql`${customers.lastOrderAt} desc nulls last`, sql`${customers.id} desc`];
  const [rows, [count]] = await Promise.all([
    db
      .select(rowSelection(d))
      .from(customers)
      .innerJoin(consultants, eq(consultants.id, customers.consultantId))
      .where(where)
      .orderBy(...order)
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    db.select({ n: sql<number>`count(*)::int` }).from(customers).where(where),
  ]);
  const page: Page<ReturnType<typeof rowShape<(typeof rows)[number]>>> = { rows: rows.map(rowShape), total: count?.n ?? 0, page: input.page, pageSize: input.pageSize };
  return { ...page, currency: ctx.currency };
}

function rowShape<T extends { r: number | null; f: number | null; m: number | null }>(row: T) {
  const { r, f, m, ...rest } = row;
  return { ...rest, rfm: r === null || f === null || m === null ? null : { r, f, m } };
}

/**
 * Every customer matching the filter, in id order, in batches: the CSV export streams these.
 * The cut points are read once, so each batch is a plain keyset page.
 */
export async function* customersForExport(db: DbOrTx, filter: CustomerFilter, now = new Date(), batch = 1000) {
  const d = derived(await derivation(db, now));
  let after = 0;
  for (;;) {
    const where = filterWhere(filter, d);
    const rows = await db
      .select(rowSelection(d))
      .from(customers)
      .innerJoin(consultants, eq(consultants.id, customers.consultantId))
      .where(and(sql`${customers.id} > ${after}`, where))
      .orderBy(customers.id)
      .limit(batch);
    if (!rows.length) return;
    yield rows.map(rowShape);
    after = rows.at(-1)!.id;
    if (rows.length < batch) return;
  }
}

/** One customer with their consultant, state, scores, order summary and reassignment history. */
export async function getCustomerProfile(db: DbOrTx, customerId: number, now = new Date()) {
  const ctx = await derivation(db, now);
  const d = derived(ctx);
  const [row] = await db
    .select({ ...rowSelection(d), postalCode: customers.postalCode, addressLine: customers.addressLine, country: customers.country, locale: customers.locale, consultantStatus: consultants.status })
    .from(customers)
    .innerJoin(consultants, eq(consultants.id, customers.consultantId))
    .where(eq(customers.id, customerId));
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
  const [byStatus, recent, history] = await Promise.all([
    db
      .select({ status: orders.status, count: sql<number>`count(*)::int`, total: sql<number>`coalesce(sum(${orders.total}), 0)::bigint`.mapWith(Number) })
      .from(orders)
      .where(eq(orders.customerId, customerId))
      .groupBy(orders.status),
    db
      .select({ id: orders.id, number: orders.number, status: orders.status, total: orders.total, currency: orders.currency, createdAt: orders.createdAt, consultantId: orders.consultantId })
      .from(orders)
      .where(eq(orders.customerId, customerId))
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(10),
    db
      .select({ at: auditLog.at, before: auditLog.before, after: auditLog.after, actorName: users.name })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(and(eq(auditLog.entityType, "customer"), eq(auditLog.entityId, String(customerId)), eq(auditLog.action, "customer.reassign")))
      .orderBy(desc(auditLog.at))
      .limit(20),
  ]);
  return {
    customer: rowShape(row),
    currency: ctx.currency,
    thresholds: ctx.thresholds,
    ordersByStatus: byStatus,
    recentOrders: recent,
    reassignments: history.map((h) => ({ at: h.at, actorName: h.actorName, ...(h.after as { fromCode: string; fromName: string; toCode: string; toName: string; reason: string }) })),
  };
}

export const reassignCustomerSchema = z.object({
  customerId: id,
  consultantId: id,
  reason: z.string().trim().min(3, { error: "errors.tooShort" }).max(500, { error: "errors.tooLong" }),
});

/**
 * Moves a customer to another consultant (customer protection is attribution, so only staff move
 * it, with a reason, audited). Orders already made stay credited to whoever made them: volumes
 * and commissions of past periods never change; the new consultant gets the customer's next orders.
 */
export async function reassignCustomer(db: Db, input: z.output<typeof reassignCustomerSchema>, actorUserId: string) {
  return db.transaction(async (tx) => {
    const [customer] = await tx.select().from(customers).where(eq(customers.id, input.customerId)).for("update");
    if (!customer) throw new AppError("NOT_FOUND", "errors.notFound");
    if (customer.consultantId === input.consultantId) throw new AppError("BAD_REQUEST", "customers.errors.sameConsultant", {}, "consultantId");
    const people = await tx
      .select({ id: consultants.id, code: consultants.code, fullName: consultants.fullName, status: consultants.status })
      .from(consultants)
      .where(sql`${consultants.id} in (${customer.consultantId}, ${input.consultantId})`);
    const from = people.find((p) => p.id === customer.consultantId)!;
    const to = people.find((p) => p.id === input.consultantId);
    if (!to) throw new AppError("BAD_REQUEST", "customers.errors.consultantNotFound", {}, "consultantId");
    if (to.status === "terminated") throw new AppError("BAD_REQUEST", "customers.errors.consultantTerminated", { name: to.fullName }, "consultantId");
    await tx.update(customers).set({ consultantId: to.id }).where(eq(customers.id, customer.id));
    await recordAudit(tx, {
      actorUserId,
      action: "customer.reassign",
      entityType: "customer",
      entityId: customer.id,
      before: { consultantId: from.id },
      after: { consultantId: to.id, fromCode: from.code, fromName: from.fullName, toCode: to.code, toName: to.fullName, reason: input.reason },
    });
    return { id: customer.id, consultantId: to.id, consultantName: to.fullName };
  });
}

const optionalText = (max: number) =>
  text(max)
    .optional()
    .transform((v) => v || null);

export const newCustomerSchema = z.object({
  fullName: z.string().trim().min(2, { error: "errors.tooShort" }).max(120, { error: "errors.tooLong" }),
  email: z.string().trim().toLowerCase().max(200, { error: "errors.tooLong" }).pipe(z.email({ error: "errors.invalidEmail" })),
  phone: optionalText(40),
  city: optionalText(80),
  region: optionalText(40),
});

/**
 * A consultant adds a customer of their own. E-mails are unique company-wide: a customer already
 * served by someone else stays theirs (customer protection), and the message says so without
 * naming the other consultant.
 */
export async function addCustomer(db: Db, consultantId: number, input: z.output<typeof newCustomerSchema>, actorUserId: string) {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(customers)
        .values({ consultantId, fullName: input.fullName, email: input.email, phone: input.phone, city: input.city, state: input.region })
        .returning({ id: customers.id, fullName: customers.fullName });
      await recordAudit(tx, { actorUserId, action: "customer.create", entityType: "customer", entityId: row!.id, after: { consultantId, fullName: input.fullName, email: input.email } });
      return row!;
    });
  } catch (error) {
    if (uniqueViolation(error) === "customers_email_key") {
      const [existing] = await db.select({ consultantId: customers.consultantId }).from(customers).where(sql`lower(${customers.email}) = ${input.email}`);
      throw new AppError("CONFLICT", existing?.consultantId === consultantId ? "customers.errors.alreadyYours" : "customers.errors.servedByAnother", {}, "email");
    }
    throw error;
  }
}
