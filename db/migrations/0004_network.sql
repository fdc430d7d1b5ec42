CREATE TYPE "public"."change_set_kind" AS ENUM('move', 'termination', 'revert');--> statement-breakpoint
CREATE TYPE "public"."change_set_status" AS ENUM('draft', 'committed', 'discarded');--> statement-breakpoint
CREATE TYPE "public"."restricted_kind" AS ENUM('document', 'email', 'phone');--> statement-breakpoint
CREATE TABLE "genealogy" (
	"consultant_id" bigint PRIMARY KEY NOT NULL,
	"sponsor_path" text COLLATE "C" NOT NULL,
	"sponsor_depth" integer NOT NULL,
	"downline_size" integer DEFAULT 0 NOT NULL,
	"placement_path" text COLLATE "C",
	"placement_depth" integer,
	"placement_size" integer DEFAULT 0 NOT NULL,
	"status" "consultant_status" NOT NULL,
	"rank" text,
	"full_name" text NOT NULL,
	"joined_at" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "change_set_items" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"change_set_id" bigint NOT NULL,
	"position" integer NOT NULL,
	"consultant_id" bigint NOT NULL,
	"with_downline" boolean DEFAULT true NOT NULL,
	"new_sponsor_id" bigint,
	"new_placement_parent_id" bigint,
	"new_placement_slot" smallint,
	"old_sponsor_id" bigint,
	"old_placement_parent_id" bigint,
	"old_placement_slot" smallint
);
--> statement-breakpoint
CREATE TABLE "change_sets" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" "change_set_kind" NOT NULL,
	"status" "change_set_status" DEFAULT 'draft' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"reverts_id" bigint,
	"reverted_by_id" bigint,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_by" uuid,
	"committed_at" timestamp with time zone,
	"result" jsonb
);
--> statement-breakpoint
CREATE TABLE "consultant_status_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"consultant_id" bigint NOT NULL,
	"from_status" "consultant_status",
	"to_status" "consultant_status" NOT NULL,
	"reason" text NOT NULL,
	"actor_user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "restricted_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" "restricted_kind" NOT NULL,
	"value" text NOT NULL,
	"reason" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "restricted_hits" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entry_id" bigint NOT NULL,
	"context" text NOT NULL,
	"actor_user_id" uuid,
	"consultant_id" bigint,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consultants" ADD COLUMN "placement_parent_id" bigint;--> statement-breakpoint
ALTER TABLE "consultants" ADD COLUMN "placement_slot" smallint;--> statement-breakpoint
ALTER TABLE "consultants" ADD COLUMN "document_type" text;--> statement-breakpoint
ALTER TABLE "consultants" ADD COLUMN "document_number" text;--> statement-breakpoint
ALTER TABLE "consultants" ADD COLUMN "birthday" date;--> statement-breakpoint
ALTER TABLE "consultants" ADD COLUMN "address_line" text;--> statement-breakpoint
ALTER TABLE "consultants" ADD COLUMN "postal_code" text;--> statement-breakpoint
ALTER TABLE "genealogy" ADD CONSTRAINT "genealogy_consultant_id_consultants_id_fk" FOREIGN KEY ("consultant_id") REFERENCES "public"."consultants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_set_items" ADD CONSTRAINT "change_set_items_change_set_id_change_sets_id_fk" FOREIGN KEY ("change_set_id") REFERENCES "public"."change_sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_set_items" ADD CONSTRAINT "change_set_items_consultant_id_consultants_id_fk" FOREIGN KEY ("consultant_id") REFERENCES "public"."consultants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_set_items" ADD CONSTRAINT "change_set_items_new_sponsor_id_consultants_id_fk" FOREIGN KEY ("new_sponsor_id") REFERENCES "public"."consultants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_set_items" ADD CONSTRAINT "change_set_items_new_placement_parent_id_consultants_id_fk" FOREIGN KEY ("new_placement_parent_id") REFERENCES "public"."consultants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_sets" ADD CONSTRAINT "change_sets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_sets" ADD CONSTRAINT "change_sets_committed_by_users_id_fk" FOREIGN KEY ("committed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultant_status_history" ADD CONSTRAINT "consultant_status_history_consultant_id_consultants_id_fk" FOREIGN KEY ("consultant_id") REFERENCES "public"."consultants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultant_status_history" ADD CONSTRAINT "consultant_status_history_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restricted_entries" ADD CONSTRAINT "restricted_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restricted_hits" ADD CONSTRAINT "restricted_hits_entry_id_restricted_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."restricted_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restricted_hits" ADD CONSTRAINT "restricted_hits_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restricted_hits" ADD CONSTRAINT "restricted_hits_consultant_id_consultants_id_fk" FOREIGN KEY ("consultant_id") REFERENCES "public"."consultants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "genealogy_sponsor_path_idx" ON "genealogy" USING btree ("sponsor_path");--> statement-breakpoint
CREATE INDEX "genealogy_placement_path_idx" ON "genealogy" USING btree ("placement_path");--> statement-breakpoint
CREATE INDEX "change_set_items_set_idx" ON "change_set_items" USING btree ("change_set_id","position");--> statement-breakpoint
CREATE INDEX "change_sets_status_idx" ON "change_sets" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "consultant_status_history_consultant_idx" ON "consultant_status_history" USING btree ("consultant_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "restricted_entries_kind_value_key" ON "restricted_entries" USING btree ("kind","value");--> statement-breakpoint
CREATE INDEX "restricted_hits_entry_idx" ON "restricted_hits" USING btree ("entry_id","at");--> statement-breakpoint
ALTER TABLE "consultants" ADD CONSTRAINT "consultants_placement_parent_id_consultants_id_fk" FOREIGN KEY ("placement_parent_id") REFERENCES "public"."consultants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "consultants_placement_slot_key" ON "consultants" USING btree ("placement_parent_id","placement_slot");--> statement-breakpoint
CREATE UNIQUE INDEX "consultants_document_key" ON "consultants" USING btree ("document_type","document_number");--> statement-breakpoint
CREATE UNIQUE INDEX "consultants_email_key" ON "consultants" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "consultants_name_trgm_idx" ON "consultants" USING gin (immutable_unaccent(lower("full_name")) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "consultants_document_number_idx" ON "consultants" USING btree ("document_number");