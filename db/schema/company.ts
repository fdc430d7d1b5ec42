import { sql } from "drizzle-orm";
import { check, integer, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

/**
 * The company's own settings, one row (id 1). The placement tree's shape belongs to the
 * compensation plan: binary (legs L/R, stored as slots 1/2) or a matrix of `matrixWidth`
 * positions. `defaultPlacementRule` is where enrolment puts a newcomer when nobody chooses.
 */
export const companySettings = pgTable(
  "company_settings",
  {
    id: smallint().primaryKey().default(1),
    placementShape: text().notNull().default("binary"),
    matrixWidth: smallint(),
    defaultPlacementRule: text().notNull().default("breadth_first"),
    /** Commerce: the company's currency, when a cart counts as abandoned, and the customer states. */
    currency: text().notNull().default("BRL"),
    cartAbandonAfterHours: integer().notNull().default(48),
    customerActiveDays: integer().notNull().default(90),
    customerLostDays: integer().notNull().default(365),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid().references(() => users.id),
  },
  (t) => [
    check("company_settings_single_row", sql`${t.id} = 1`),
    check("company_settings_shape", sql`${t.placementShape} in ('binary', 'matrix')`),
    check(
      "company_settings_matrix_width",
      sql`(${t.placementShape} = 'binary' and ${t.matrixWidth} is null) or (${t.placementShape} = 'matrix' and ${t.matrixWidth} between 2 and 20)`,
    ),
    check("company_settings_commerce", sql`${t.cartAbandonAfterHours} between 1 and 8760 and ${t.customerActiveDays} between 1 and ${t.customerLostDays} and ${t.customerLostDays} <= 3650`),
    check("company_settings_rule", sql`${t.defaultPlacementRule} in ('extreme_left', 'extreme_right', 'weaker_leg', 'breadth_first')`),
  ],
);
