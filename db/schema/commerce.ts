import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { locale } from "./enums";
import { consultants } from "./network";

/**
 * Commerce: catalogue, periods, customers, orders, payments, invoices, returns.
 * Money is integer minor units (`bigint`) beside an ISO currency. Volumes (PV, CV) are integer
 * hundredths of a point ("2550" is 25.50 PV), so no float ever carries a volume either.
 */

/** Names and descriptions per locale: { "pt-BR": "…", es?: "…", en?: "…" }; pt-BR is required. */
export type Localised = { "pt-BR": string; es?: string; en?: string };

export const products = pgTable(
  "products",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    sku: text().notNull(),
    name: jsonb().$type<Localised>().notNull(),
    description: jsonb().$type<Localised>().notNull().default({ "pt-BR": "" }),
    currency: text().notNull().default("BRL"),
    retailPrice: bigint({ mode: "number" }).notNull(),
    consultantPrice: bigint({ mode: "number" }).notNull(),
    pv: bigint({ mode: "number" }).notNull().default(0),
    cv: bigint({ mode: "number" }).notNull().default(0),
    photoUrl: text(),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("products_sku_key").on(sql`upper(${t.sku})`),
    check("products_prices", sql`${t.retailPrice} >= 0 and ${t.consultantPrice} >= 0 and ${t.pv} >= 0 and ${t.cv} >= 0`),
    check("products_currency", sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

export const periodKind = pgEnum("period_kind", ["month", "campaign"]);
export const periodStatus = pgEnum("period_status", ["open", "closed"]);

/**
 * Periods never overlap (an exclusion constraint in the migration), so a date names exactly one:
 * every order belongs to the period that holds the day it was placed. Calendar months by default;
 * campaigns/cycles (the LatAm model) have their own dates and may restrict the catalogue
 * (`campaign_products`: when a campaign lists products, only those are sold in it).
 */
export const periods = pgTable(
  "periods",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    kind: periodKind().notNull(),
    code: text().notNull(),
    name: text().notNull(),
    startsOn: date({ mode: "string" }).notNull(),
    endsOn: date({ mode: "string" }).notNull(),
    status: periodStatus().notNull().default("open"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("periods_code_key").on(t.code), check("periods_dates", sql`${t.endsOn} >= ${t.startsOn}`), index("periods_starts_on_idx").on(t.startsOn)],
);

export const campaignProducts = pgTable(
  "campaign_products",
  {
    periodId: bigint({ mode: "number" })
      .notNull()
      .references(() => periods.id, { onDelete: "cascade" }),
    productId: bigint({ mode: "number" })
      .notNull()
      .references(() => products.id),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.productId] })],
);

/**
 * A customer belongs to the consultant who brought them (attribution) and stays with them when they
 * buy again from anywhere (customer protection); staff may reassign, audited. The purchase summary
 * (first/last order, count, total) is maintained on payment and feeds the commercial state and RFM.
 */
export const customers = pgTable(
  "customers",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    consultantId: bigint({ mode: "number" })
      .notNull()
      .references(() => consultants.id),
    fullName: text().notNull(),
    email: text().notNull(),
    phone: text(),
    documentType: text(),
    documentNumber: text(),
    addressLine: text(),
    postalCode: text(),
    city: text(),
    state: text(),
    country: text().notNull().default("BR"),
    locale: locale().notNull().default("pt-BR"),
    firstOrderAt: timestamp({ withTimezone: true }),
    lastOrderAt: timestamp({ withTimezone: true }),
    ordersCount: integer().notNull().default(0),
    totalSpent: bigint({ mode: "number" }).notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("customers_email_key").on(sql`lower(${t.email})`),
    index("customers_consultant_idx").on(t.consultantId, t.lastOrderAt),
  ],
);

export const orderStatus = pgEnum("order_status", ["cart", "placed", "paid", "invoiced", "shipped", "delivered", "cancelled"]);
export const orderChannel = pgEnum("order_channel", ["staff", "portal", "site"]);
export const paymentMethod = pgEnum("payment_method", ["bank_slip", "pay_on_delivery", "bank_transfer"]);

/**
 * An order is credited to one consultant (`consultant_id`): their own purchase when `customer_id`
 * is null, else their customer's. `idempotency_key` makes placing safe to retry: the same key
 * returns the same order. Amounts are totals of the lines, kept on the order for lists.
 */
export const orders = pgTable(
  "orders",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    number: text().notNull(),
    periodId: bigint({ mode: "number" })
      .notNull()
      .references(() => periods.id),
    consultantId: bigint({ mode: "number" })
      .notNull()
      .references(() => consultants.id),
    customerId: bigint({ mode: "number" }).references(() => customers.id),
    channel: orderChannel().notNull(),
    status: orderStatus().notNull().default("cart"),
    currency: text().notNull().default("BRL"),
    subtotal: bigint({ mode: "number" }).notNull().default(0),
    shipping: bigint({ mode: "number" }).notNull().default(0),
    total: bigint({ mode: "number" }).notNull().default(0),
    pv: bigint({ mode: "number" }).notNull().default(0),
    cv: bigint({ mode: "number" }).notNull().default(0),
    paymentMethod: paymentMethod(),
    shippingAddress: jsonb().$type<Record<string, string>>(),
    idempotencyKey: text(),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    placedAt: timestamp({ withTimezone: true }),
    paidAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    abandonedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("orders_number_key").on(t.number),
    uniqueIndex("orders_idempotency_key").on(t.idempotencyKey),
    index("orders_consultant_idx").on(t.consultantId, t.createdAt),
    index("orders_customer_idx").on(t.customerId, t.createdAt),
    index("orders_status_idx").on(t.status, t.createdAt),
    index("orders_period_idx").on(t.periodId),
    check("orders_amounts", sql`${t.subtotal} >= 0 and ${t.shipping} >= 0 and ${t.total} = ${t.subtotal} + ${t.shipping}`),
  ],
);

export const orderLines = pgTable(
  "order_lines",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    orderId: bigint({ mode: "number" })
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    productId: bigint({ mode: "number" })
      .notNull()
      .references(() => products.id),
    sku: text().notNull(),
    name: text().notNull(),
    quantity: integer().notNull(),
    unitPrice: bigint({ mode: "number" }).notNull(),
    unitPv: bigint({ mode: "number" }).notNull(),
    unitCv: bigint({ mode: "number" }).notNull(),
    lineTotal: bigint({ mode: "number" }).notNull(),
  },
  (t) => [
    uniqueIndex("order_lines_product_key").on(t.orderId, t.productId),
    check("order_lines_quantity", sql`${t.quantity} > 0 and ${t.quantity} <= 999`),
    check("order_lines_total", sql`${t.lineTotal} = ${t.unitPrice} * ${t.quantity}`),
  ],
);

/** Every status change of an order, with who and when (append-only). */
export const orderEvents = pgTable(
  "order_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    orderId: bigint({ mode: "number" })
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    fromStatus: orderStatus(),
    toStatus: orderStatus().notNull(),
    actorUserId: uuid().references(() => users.id),
    note: text(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("order_events_order_idx").on(t.orderId, t.at)],
);

/** A payment settles either an order (in full) or a debit note (in full): exactly one of the two. */
export const payments = pgTable(
  "payments",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    orderId: bigint({ mode: "number" }).references(() => orders.id),
    invoiceId: bigint({ mode: "number" }).references((): AnyPgColumn => invoices.id),
    amount: bigint({ mode: "number" }).notNull(),
    currency: text().notNull(),
    method: paymentMethod().notNull(),
    reference: text(),
    idempotencyKey: text(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    recordedBy: uuid().references(() => users.id),
  },
  (t) => [
    uniqueIndex("payments_idempotency_key").on(t.idempotencyKey),
    index("payments_order_idx").on(t.orderId),
    uniqueIndex("payments_invoice_key").on(t.invoiceId).where(sql`${t.invoiceId} is not null`),
    check("payments_amount", sql`${t.amount} > 0`),
    check("payments_settles_one", sql`(${t.orderId} is null) <> (${t.invoiceId} is null)`),
  ],
);

export const invoiceKind = pgEnum("invoice_kind", ["invoice", "credit_note", "debit_note"]);

/**
 * Invoices and notes. `number` comes from `document_counters` under a row lock in the issuing
 * transaction, so numbers have no gaps (a rolled-back issue rolls its number back too).
 */
export const invoices = pgTable(
  "invoices",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    kind: invoiceKind().notNull(),
    number: bigint({ mode: "number" }).notNull(),
    /** Null only for a manual note that concerns no order (a consultant's own adjustment). */
    orderId: bigint({ mode: "number" }).references(() => orders.id),
    relatedInvoiceId: bigint({ mode: "number" }),
    consultantId: bigint({ mode: "number" })
      .notNull()
      .references(() => consultants.id),
    customerId: bigint({ mode: "number" }).references(() => customers.id),
    currency: text().notNull(),
    total: bigint({ mode: "number" }).notNull(),
    lines: jsonb().$type<{ sku: string; name: string; quantity: number; unitPrice: number; lineTotal: number }[]>().notNull(),
    dueOn: date({ mode: "string" }),
    issuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    issuedBy: uuid().references(() => users.id),
  },
  (t) => [
    uniqueIndex("invoices_kind_number_key").on(t.kind, t.number),
    uniqueIndex("invoices_order_invoice_key").on(t.orderId).where(sql`${t.kind} = 'invoice'`),
    check("invoices_order", sql`${t.orderId} is not null or ${t.kind} <> 'invoice'`),
    index("invoices_consultant_idx").on(t.consultantId, t.issuedAt),
  ],
);

/** Gapless sequences (invoice numbers per kind, order numbers): one row per series, row-locked. */
export const documentCounters = pgTable("document_counters", {
  series: text().primaryKey(),
  last: bigint({ mode: "number" }).notNull().default(0),
});

export const returnKind = pgEnum("return_kind", ["return", "exchange"]);
export const returnStatus = pgEnum("return_status", ["pending", "approved", "rejected"]);

export const returnReasons = pgTable("return_reasons", {
  id: bigserial({ mode: "number" }).primaryKey(),
  name: jsonb().$type<Localised>().notNull(),
  active: boolean().notNull().default(true),
  position: smallint().notNull().default(0),
});

export const returnRequests = pgTable(
  "return_requests",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    orderId: bigint({ mode: "number" })
      .notNull()
      .references(() => orders.id),
    kind: returnKind().notNull(),
    status: returnStatus().notNull().default("pending"),
    reasonId: bigint({ mode: "number" })
      .notNull()
      .references(() => returnReasons.id),
    notes: text(),
    photos: jsonb().$type<string[]>().notNull().default([]),
    requestedBy: uuid()
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    decisionComment: text(),
    creditNoteId: bigint({ mode: "number" }).references(() => invoices.id),
    replacementOrderId: bigint({ mode: "number" }).references(() => orders.id),
  },
  (t) => [index("return_requests_status_idx").on(t.status, t.requestedAt), index("return_requests_order_idx").on(t.orderId)],
);

export const returnLines = pgTable(
  "return_lines",
  {
    requestId: bigint({ mode: "number" })
      .notNull()
      .references(() => returnRequests.id, { onDelete: "cascade" }),
    orderLineId: bigint({ mode: "number" })
      .notNull()
      .references(() => orderLines.id),
    quantity: integer().notNull(),
    replacementProductId: bigint({ mode: "number" }).references(() => products.id),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.orderLineId] }), check("return_lines_quantity", sql`${t.quantity} > 0`)],
);

/**
 * Volume events: what an order's payment (or an approved return, negatively) adds to the PV/CV of
 * the consultant it is credited to, in a period. Append-only; `period_volumes` is their maintained
 * sum per consultant, with GV (own PV + the whole sponsor downline's) kept up to date on the upline.
 */
export const volumeEvents = pgTable(
  "volume_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    periodId: bigint({ mode: "number" })
      .notNull()
      .references(() => periods.id),
    consultantId: bigint({ mode: "number" })
      .notNull()
      .references(() => consultants.id),
    orderId: bigint({ mode: "number" }).references(() => orders.id),
    returnId: bigint({ mode: "number" }).references(() => returnRequests.id),
    pv: bigint({ mode: "number" }).notNull(),
    cv: bigint({ mode: "number" }).notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("volume_events_consultant_idx").on(t.consultantId, t.periodId), uniqueIndex("volume_events_order_key").on(t.orderId).where(sql`${t.returnId} is null`)],
);

export const periodVolumes = pgTable(
  "period_volumes",
  {
    periodId: bigint({ mode: "number" })
      .notNull()
      .references(() => periods.id),
    consultantId: bigint({ mode: "number" })
      .notNull()
      .references(() => consultants.id),
    pv: bigint({ mode: "number" }).notNull().default(0),
    cv: bigint({ mode: "number" }).notNull().default(0),
    gv: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.consultantId] })],
);
