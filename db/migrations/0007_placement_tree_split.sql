CREATE TABLE "placement_tree" (
	"consultant_id" bigint PRIMARY KEY NOT NULL,
	"path" text COLLATE "C" NOT NULL,
	"depth" integer NOT NULL,
	"size" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "genealogy" ADD COLUMN "name_key" text COLLATE "C";--> statement-breakpoint
ALTER TABLE "placement_tree" ADD CONSTRAINT "placement_tree_consultant_id_consultants_id_fk" FOREIGN KEY ("consultant_id") REFERENCES "public"."consultants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "placement_tree_path_key" ON "placement_tree" USING btree ("path");--> statement-breakpoint
-- The placement ancestry moves out of genealogy into its own table (see db/schema/network.ts).
INSERT INTO placement_tree (consultant_id, path, depth, size)
SELECT consultant_id, placement_path, placement_depth, placement_size FROM genealogy WHERE placement_path IS NOT NULL;
--> statement-breakpoint
UPDATE genealogy SET name_key = immutable_unaccent(lower(full_name));
