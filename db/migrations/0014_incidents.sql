CREATE TABLE "business_calendar" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"time_zone" text DEFAULT 'America/Sao_Paulo' NOT NULL,
	"weekly_hours" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "business_calendar_single_row" CHECK ("business_calendar"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "business_holidays" (
	"day" date PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_attachments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"incident_id" bigint NOT NULL,
	"event_id" bigint,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_attachments_size" CHECK ("incident_attachments"."size_bytes" > 0)
);
--> statement-breakpoint
CREATE TABLE "incident_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"incident_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"public" boolean DEFAULT false NOT NULL,
	"body" text,
	"from_value" text,
	"to_value" text,
	"actor_user_id" uuid,
	"actor_label" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_events_kind" CHECK ("incident_events"."kind" in ('created', 'reply', 'note', 'status', 'priority', 'assignee', 'category', 'attachment', 'requester_reply'))
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"subject" text NOT NULL,
	"description" text NOT NULL,
	"category" text DEFAULT 'general' NOT NULL,
	"priority" text DEFAULT 'normal' NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"requester_kind" text NOT NULL,
	"requester_consultant_id" bigint,
	"requester_customer_id" bigint,
	"requester_name" text NOT NULL,
	"requester_email" text NOT NULL,
	"concerns_consultant_id" bigint,
	"assignee_user_id" uuid,
	"source" text NOT NULL,
	"locale" "locale" DEFAULT 'pt-BR' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"first_response_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "incidents_priority" CHECK ("incidents"."priority" in ('low', 'normal', 'high', 'critical')),
	CONSTRAINT "incidents_status" CHECK ("incidents"."status" in ('new', 'open', 'waiting', 'resolved', 'closed')),
	CONSTRAINT "incidents_source" CHECK ("incidents"."source" in ('admin', 'portal', 'contact_form', 'site_form')),
	CONSTRAINT "incidents_category" CHECK ("incidents"."category" ~ '^[a-z][a-z0-9_]{0,39}$'),
	CONSTRAINT "incidents_requester" CHECK (("incidents"."requester_kind" = 'consultant' and "incidents"."requester_consultant_id" is not null and "incidents"."requester_customer_id" is null)
        or ("incidents"."requester_kind" = 'customer' and "incidents"."requester_customer_id" is not null and "incidents"."requester_consultant_id" is null)
        or ("incidents"."requester_kind" = 'contact' and "incidents"."requester_consultant_id" is null and "incidents"."requester_customer_id" is null)),
	CONSTRAINT "incidents_text" CHECK (length("incidents"."subject") between 1 and 200 and length("incidents"."description") between 1 and 20000)
);
--> statement-breakpoint
CREATE TABLE "sla_notifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"incident_id" bigint NOT NULL,
	"threshold" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sla_notifications_threshold" CHECK ("sla_notifications"."threshold" in ('first_response_near', 'first_response_expired', 'resolution_near', 'resolution_expired'))
);
--> statement-breakpoint
CREATE TABLE "sla_policies" (
	"id" serial PRIMARY KEY NOT NULL,
	"priority" text NOT NULL,
	"category" text,
	"first_response_minutes" integer NOT NULL,
	"resolution_minutes" integer NOT NULL,
	"near_expiry_percent" smallint DEFAULT 75 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "sla_policies_priority" CHECK ("sla_policies"."priority" in ('low', 'normal', 'high', 'critical')),
	CONSTRAINT "sla_policies_targets" CHECK ("sla_policies"."first_response_minutes" > 0 and "sla_policies"."resolution_minutes" >= "sla_policies"."first_response_minutes" and "sla_policies"."near_expiry_percent" between 1 and 99)
);
--> statement-breakpoint
ALTER TABLE "business_calendar" ADD CONSTRAINT "business_calendar_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_attachments" ADD CONSTRAINT "incident_attachments_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_attachments" ADD CONSTRAINT "incident_attachments_event_id_incident_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."incident_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_attachments" ADD CONSTRAINT "incident_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_events" ADD CONSTRAINT "incident_events_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_events" ADD CONSTRAINT "incident_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_requester_consultant_id_consultants_id_fk" FOREIGN KEY ("requester_consultant_id") REFERENCES "public"."consultants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_requester_customer_id_customers_id_fk" FOREIGN KEY ("requester_customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_concerns_consultant_id_consultants_id_fk" FOREIGN KEY ("concerns_consultant_id") REFERENCES "public"."consultants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_notifications" ADD CONSTRAINT "sla_notifications_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_attachments_incident_idx" ON "incident_attachments" USING btree ("incident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "incident_attachments_key" ON "incident_attachments" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "incident_events_incident_idx" ON "incident_events" USING btree ("incident_id","at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "incidents_number_key" ON "incidents" USING btree ("number");--> statement-breakpoint
CREATE INDEX "incidents_status_idx" ON "incidents" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "incidents_assignee_idx" ON "incidents" USING btree ("assignee_user_id");--> statement-breakpoint
CREATE INDEX "incidents_requester_consultant_idx" ON "incidents" USING btree ("requester_consultant_id");--> statement-breakpoint
CREATE INDEX "incidents_concerns_idx" ON "incidents" USING btree ("concerns_consultant_id");--> statement-breakpoint
CREATE INDEX "incidents_customer_idx" ON "incidents" USING btree ("requester_customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sla_notifications_key" ON "sla_notifications" USING btree ("incident_id","threshold");--> statement-breakpoint
CREATE UNIQUE INDEX "sla_policies_key" ON "sla_policies" USING btree ("priority",coalesce("category", ''));--> statement-breakpoint
CREATE INDEX "incidents_search_trgm" ON "incidents" USING gin ((number || ' ' || subject || ' ' || requester_name || ' ' || requester_email) gin_trgm_ops);
