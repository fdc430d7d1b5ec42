-- genealogy now holds the sponsor tree only. Its copies (status, rank, name_key, joined_at) are
-- kept by this trigger in the same transaction as any edit of consultants.
CREATE OR REPLACE FUNCTION genealogy_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE genealogy
     SET status = NEW.status, rank = NEW.rank, name_key = immutable_unaccent(lower(NEW.full_name)), joined_at = NEW.joined_at
   WHERE consultant_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A downline page filtered by level and status is read from this index alone (index-only scan).
DROP INDEX IF EXISTS genealogy_sponsor_path_idx;
--> statement-breakpoint
CREATE UNIQUE INDEX genealogy_sponsor_path_idx ON genealogy (sponsor_path) INCLUDE (sponsor_depth, status, consultant_id);
--> statement-breakpoint
-- A move leaves one dead version per moved row; vacuum early (the move job also vacuums at once).
ALTER TABLE genealogy SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.02);
--> statement-breakpoint
ALTER TABLE placement_tree SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.02);
--> statement-breakpoint
DROP INDEX "genealogy_placement_path_idx";--> statement-breakpoint
ALTER TABLE "genealogy" ALTER COLUMN "name_key" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "genealogy_name_key_idx" ON "genealogy" USING btree ("name_key","consultant_id");--> statement-breakpoint
CREATE INDEX "genealogy_joined_at_idx" ON "genealogy" USING btree ("joined_at","consultant_id");--> statement-breakpoint
ALTER TABLE "genealogy" DROP COLUMN "placement_path";--> statement-breakpoint
ALTER TABLE "genealogy" DROP COLUMN "placement_depth";--> statement-breakpoint
ALTER TABLE "genealogy" DROP COLUMN "placement_size";--> statement-breakpoint
ALTER TABLE "genealogy" DROP COLUMN "full_name";