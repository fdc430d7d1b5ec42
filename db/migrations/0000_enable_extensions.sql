-- drizzle-kit does not emit CREATE EXTENSION. ltree serves the genealogy structures,
-- pg_trgm the accent- and case-insensitive lookups.
CREATE EXTENSION IF NOT EXISTS ltree;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
