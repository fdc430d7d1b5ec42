CREATE TABLE "company_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"placement_shape" text DEFAULT 'binary' NOT NULL,
	"matrix_width" smallint,
	"default_placement_rule" text DEFAULT 'breadth_first' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "company_settings_single_row" CHECK ("company_settings"."id" = 1),
	CONSTRAINT "company_settings_shape" CHECK ("company_settings"."placement_shape" in ('binary', 'matrix')),
	CONSTRAINT "company_settings_matrix_width" CHECK (("company_settings"."placement_shape" = 'binary' and "company_settings"."matrix_width" is null) or ("company_settings"."placement_shape" = 'matrix' and "company_settings"."matrix_width" between 2 and 20)),
	CONSTRAINT "company_settings_rule" CHECK ("company_settings"."default_placement_rule" in ('extreme_left', 'extreme_right', 'weaker_leg', 'breadth_first'))
);
--> statement-breakpoint
ALTER TABLE "company_settings" ADD CONSTRAINT "company_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The one row every reader expects (defaults: binary, breadth-first).
INSERT INTO company_settings (id) VALUES (1) ON CONFLICT DO NOTHING;
