import { bigint, bigserial, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

/** One bad line of a rejected file as kept for the report (`reason`: a code of IMPORT_REASONS). */
export type StoredImportError = { line: number; column: string | null; reason: string; params?: Record<string, string | number>; value: string | null };

/**
 * uploaded → validating → rejected | valid; valid → writing → done | failed (on commit);
 * anything but writing and done may be discarded. A failure to read the file is `failed` too.
 */
export const networkImportStatus = pgEnum("network_import_status", ["uploaded", "validating", "rejected", "valid", "writing", "done", "failed", "discarded"]);

/**
 * One uploaded network CSV and what became of it. The file itself lives in the import file store
 * under `file_key` until it is no longer needed (written, rejected, failed or discarded).
 * `errors` keeps the first bad lines (with the cell's value) for the report; `error_count` counts
 * them all. Progress fields are rewritten by the job while it reads, a few times per second at most.
 * A handful of rows a month: no index beyond the key.
 */
export const networkImports = pgTable("network_imports", {
  id: bigserial({ mode: "number" }).primaryKey(),
  fileName: text().notNull(),
  fileKey: text().notNull(),
  sizeBytes: bigint({ mode: "number" }).notNull(),
  status: networkImportStatus().notNull().default("uploaded"),
  bytesRead: bigint({ mode: "number" }).notNull().default(0),
  rowsValidated: integer().notNull().default(0),
  rowsTotal: integer(),
  rowsWritten: integer(),
  errorCount: integer().notNull().default(0),
  errors: jsonb().$type<StoredImportError[]>().notNull().default([]),
  /** Why a job ended in `failed`: a message key of the networkImport.failure area. */
  failure: text(),
  createdBy: uuid()
    .notNull()
    .references(() => users.id),
  committedBy: uuid().references(() => users.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  validatedAt: timestamp({ withTimezone: true }),
  committedAt: timestamp({ withTimezone: true }),
  finishedAt: timestamp({ withTimezone: true }),
});
