CREATE TABLE "comp_adjustments" (
	"id" serial PRIMARY KEY NOT NULL,
	"period_id" bigint NOT NULL,
	"consultant_id" bigint NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"applied_run_id" integer,
	CONSTRAINT "comp_adjustments_amount" CHECK ("comp_adjustments"."amount" <> 0),
	CONSTRAINT "comp_adjustments_reason" CHECK (length(btrim("comp_adjustments"."reason")) between 3 and 500)
);
--> statement-breakpoint
CREATE TABLE "comp_clawbacks" (
	"id" serial PRIMARY KEY NOT NULL,
	"period_id" bigint NOT NULL,
	"consultant_id" bigint NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"original_run_id" integer NOT NULL,
	"original_line_no" integer NOT NULL,
	"return_id" bigint NOT NULL,
	"order_id" bigint NOT NULL,
	"source_consultant_id" bigint NOT NULL,
	"returned_cv" bigint NOT NULL,
	"source_cv" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_run_id" integer,
	CONSTRAINT "comp_clawbacks_negative" CHECK ("comp_clawbacks"."amount" < 0)
);
--> statement-breakpoint
CREATE TABLE "comp_run_consultants" (
	"run_id" integer NOT NULL,
	"consultant_id" bigint NOT NULL,
	"pv" bigint NOT NULL,
	"cv" bigint NOT NULL,
	"gv" bigint NOT NULL,
	"active" boolean NOT NULL,
	"achieved_rank" text,
	"paid_as_rank" text,
	"highest_rank" text,
	"grace_used" smallint DEFAULT 0 NOT NULL,
	"qualified_streak" "bytea",
	"carry_in_left" bigint DEFAULT 0 NOT NULL,
	"carry_in_right" bigint DEFAULT 0 NOT NULL,
	"leg_left" bigint DEFAULT 0 NOT NULL,
	"leg_right" bigint DEFAULT 0 NOT NULL,
	"paired" bigint DEFAULT 0 NOT NULL,
	"carry_out_left" bigint DEFAULT 0 NOT NULL,
	"carry_out_right" bigint DEFAULT 0 NOT NULL,
	"pending_in" bigint DEFAULT 0 NOT NULL,
	"pending_out" bigint DEFAULT 0 NOT NULL,
	"total" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "comp_run_consultants_run_id_consultant_id_pk" PRIMARY KEY("run_id","consultant_id")
);
--> statement-breakpoint
CREATE TABLE "comp_run_lines" (
	"run_id" integer NOT NULL,
	"line_no" integer NOT NULL,
	"consultant_id" bigint NOT NULL,
	"bonus" text NOT NULL,
	"amount" bigint NOT NULL,
	"source_consultant_id" bigint,
	"level" smallint DEFAULT 0 NOT NULL,
	"rank" text,
	"pct_bp" integer DEFAULT 0 NOT NULL,
	"base_volume" bigint DEFAULT 0 NOT NULL,
	"exact_numerator" text,
	"rounding_remainder" text,
	"rule" text NOT NULL,
	"compressed_count" integer,
	"rolled_up_from" bigint,
	"group_head" bigint,
	"paid_below_bp" integer,
	"flags" smallint DEFAULT 0 NOT NULL,
	"adjustment_id" integer,
	"clawback_id" integer,
	CONSTRAINT "comp_run_lines_run_id_line_no_pk" PRIMARY KEY("run_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "comp_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"period_id" bigint NOT NULL,
	"plan_version_id" integer NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"phase" text DEFAULT 'queued' NOT NULL,
	"percent" smallint DEFAULT 0 NOT NULL,
	"cancel_requested" boolean DEFAULT false NOT NULL,
	"currency" text,
	"input_hash" text,
	"output_hash" text,
	"consultant_count" integer,
	"line_count" integer,
	"total_paid" bigint,
	"summary" jsonb,
	"error" text,
	"ledger_entry_id" bigint,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	CONSTRAINT "comp_runs_kind" CHECK ("comp_runs"."kind" in ('preview', 'close')),
	CONSTRAINT "comp_runs_status" CHECK ("comp_runs"."status" in ('queued', 'running', 'done', 'failed', 'cancelled', 'closed', 'published')),
	CONSTRAINT "comp_runs_status_kind" CHECK (("comp_runs"."kind" = 'preview' and "comp_runs"."status" not in ('closed', 'published')) or ("comp_runs"."kind" = 'close' and "comp_runs"."status" <> 'done')),
	CONSTRAINT "comp_runs_percent" CHECK ("comp_runs"."percent" between 0 and 100),
	CONSTRAINT "comp_runs_closed_posted" CHECK ("comp_runs"."status" not in ('closed', 'published') or ("comp_runs"."closed_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "comp_adjustments" ADD CONSTRAINT "comp_adjustments_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comp_adjustments" ADD CONSTRAINT "comp_adjustments_consultant_id_consultants_id_fk" FOREIGN KEY ("consultant_id") REFERENCES "public"."consultants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comp_adjustments" ADD CONSTRAINT "comp_adjustments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comp_adjustments" ADD CONSTRAINT "comp_adjustments_applied_run_id_comp_runs_id_fk" FOREIGN KEY ("applied_run_id") REFERENCES "public"."comp_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comp_clawbacks" ADD CONSTRAINT "comp_clawbacks_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comp_clawbacks" ADD CONSTRAINT "comp_clawbacks_consultant_id_consultants_id_fk" FOREIGN KEY ("consultant_id") REFERENCES "public"."consultants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comp_clawbacks" ADD CONSTRAINT "comp_clawbacks_original_run_id_comp_runs_id_fk" FOREIGN KEY ("original_run_id") REFERENCES "public"."comp_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comp_clawbacks" ADD CONSTRAINT "comp_clawbacks_applied_run_id_comp_runs_id_fk" FOREIGN KEY ("applied_run_id") REFERENCES "public"."comp_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comp_run_consultants" ADD CONSTRAINT "comp_run_consultants_run_id_comp_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."comp_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comp_run_lines" ADD CONSTRAINT "comp_run_lines_run_id_comp_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."comp_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comp_runs" ADD CONSTRAINT "comp_runs_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comp_runs" ADD CONSTRAINT "comp_runs_plan_version_id_comp_plan_versions_id_fk" FOREIGN KEY ("plan_version_id") REFERENCES "public"."comp_plan_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comp_runs" ADD CONSTRAINT "comp_runs_ledger_entry_id_journal_entries_id_fk" FOREIGN KEY ("ledger_entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comp_runs" ADD CONSTRAINT "comp_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comp_runs" ADD CONSTRAINT "comp_runs_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comp_runs" ADD CONSTRAINT "comp_runs_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "comp_adjustments_period_idx" ON "comp_adjustments" USING btree ("period_id","consultant_id");--> statement-breakpoint
CREATE INDEX "comp_clawbacks_period_idx" ON "comp_clawbacks" USING btree ("period_id","consultant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "comp_clawbacks_return_line_key" ON "comp_clawbacks" USING btree ("return_id","original_run_id","original_line_no");--> statement-breakpoint
CREATE INDEX "comp_run_consultants_total_idx" ON "comp_run_consultants" USING btree ("run_id","total");--> statement-breakpoint
CREATE INDEX "comp_run_lines_consultant_idx" ON "comp_run_lines" USING btree ("run_id","consultant_id");--> statement-breakpoint
CREATE INDEX "comp_runs_period_idx" ON "comp_runs" USING btree ("period_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "comp_runs_one_close_per_period" ON "comp_runs" USING btree ("period_id") WHERE kind = 'close' and status in ('queued', 'running', 'closed', 'published');--> statement-breakpoint
CREATE UNIQUE INDEX "comp_runs_ledger_entry_key" ON "comp_runs" USING btree ("ledger_entry_id");--> statement-breakpoint
-- A clawback names the very line it takes back from.
ALTER TABLE "comp_clawbacks" ADD CONSTRAINT "comp_clawbacks_original_line_fk" FOREIGN KEY ("original_run_id", "original_line_no") REFERENCES "comp_run_lines"("run_id", "line_no");
--> statement-breakpoint
-- A commission close posts ONE journal entry with a posting per paid consultant (a million at full
-- scale). 0011's balance check runs once per posting at commit and sums the whole entry each time:
-- quadratic for such an entry. Same rule, each entry summed once per transaction: once an entry is
-- found balanced, the queued checks of the same entry for postings not above the highest posting id
-- then summed are skipped. Postings are append-only and a posting added later in the transaction
-- (after SET CONSTRAINTS ... IMMEDIATE) has a larger id, so it is summed again.
CREATE OR REPLACE FUNCTION journal_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  unbalanced record;
  checked text := current_setting('rede.ledger_balanced', true);
  top bigint;
BEGIN
  IF checked IS NOT NULL AND checked <> '' AND split_part(checked, ':', 1) = NEW.entry_id::text AND NEW.id <= split_part(checked, ':', 2)::bigint THEN
    RETURN NULL;
  END IF;
  SELECT currency, sum(amount) AS total INTO unbalanced
    FROM postings WHERE entry_id = NEW.entry_id GROUP BY currency HAVING sum(amount) <> 0 LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'journal entry % does not balance: % %', NEW.entry_id, unbalanced.total, unbalanced.currency
      USING ERRCODE = 'check_violation';
  END IF;
  SELECT max(id) INTO top FROM postings WHERE entry_id = NEW.entry_id;
  PERFORM set_config('rede.ledger_balanced', NEW.entry_id::text || ':' || top::text, true);
  RETURN NULL;
END $$;
