CREATE TABLE "comp_plan_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_key" text NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"effective_from_period_id" bigint,
	"definition" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"activated_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	CONSTRAINT "comp_plan_versions_status" CHECK ("comp_plan_versions"."status" IN ('draft', 'active', 'archived')),
	CONSTRAINT "comp_plan_versions_version" CHECK ("comp_plan_versions"."version" >= 1),
	CONSTRAINT "comp_plan_versions_key" CHECK ("comp_plan_versions"."plan_key" ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
	CONSTRAINT "comp_plan_versions_active_has_start" CHECK ("comp_plan_versions"."status" <> 'active' OR "comp_plan_versions"."effective_from_period_id" IS NOT NULL),
	CONSTRAINT "comp_plan_versions_definition_object" CHECK (jsonb_typeof("comp_plan_versions"."definition") = 'object')
);
--> statement-breakpoint
ALTER TABLE "comp_plan_versions" ADD CONSTRAINT "comp_plan_versions_effective_from_period_id_periods_id_fk" FOREIGN KEY ("effective_from_period_id") REFERENCES "public"."periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comp_plan_versions" ADD CONSTRAINT "comp_plan_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "comp_plan_versions_key_version" ON "comp_plan_versions" USING btree ("plan_key","version");--> statement-breakpoint
CREATE UNIQUE INDEX "comp_plan_versions_one_active_per_start" ON "comp_plan_versions" USING btree ("effective_from_period_id") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "comp_plan_versions_status_idx" ON "comp_plan_versions" USING btree ("status");--> statement-breakpoint
-- Only drafts change; statuses move draft -> active -> archived (or draft -> archived), never back;
-- only drafts are deleted. The plan store checks the same first, to answer in the user's language.
CREATE OR REPLACE FUNCTION comp_plan_versions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      RAISE EXCEPTION 'comp plan version % is %: only drafts are deleted', OLD.id, OLD.status USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF NEW.plan_key IS DISTINCT FROM OLD.plan_key OR NEW.version IS DISTINCT FROM OLD.version OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
    RAISE EXCEPTION 'comp plan version %: key, version and creation are fixed', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.status <> 'draft' AND (NEW.definition IS DISTINCT FROM OLD.definition OR NEW.name IS DISTINCT FROM OLD.name OR NEW.effective_from_period_id IS DISTINCT FROM OLD.effective_from_period_id) THEN
    RAISE EXCEPTION 'comp plan version % is %: only drafts are edited', OLD.id, OLD.status USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.status IS DISTINCT FROM OLD.status AND NOT (
       (OLD.status = 'draft' AND NEW.status IN ('active', 'archived')) OR (OLD.status = 'active' AND NEW.status = 'archived')) THEN
    RAISE EXCEPTION 'comp plan version %: % -> % is not allowed', OLD.id, OLD.status, NEW.status USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER comp_plan_versions_guard BEFORE UPDATE OR DELETE ON comp_plan_versions FOR EACH ROW EXECUTE FUNCTION comp_plan_versions_guard();
