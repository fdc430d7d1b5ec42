CREATE TABLE "faq_article_translations" (
	"article_id" integer NOT NULL,
	"locale" "locale" NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector(CASE "locale" WHEN 'es' THEN 'spanish'::regconfig WHEN 'en' THEN 'english'::regconfig ELSE 'portuguese'::regconfig END, immutable_unaccent("title")), 'A') || setweight(to_tsvector(CASE "locale" WHEN 'es' THEN 'spanish'::regconfig WHEN 'en' THEN 'english'::regconfig ELSE 'portuguese'::regconfig END, immutable_unaccent("body")), 'B')) STORED NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "faq_article_translations_article_id_locale_pk" PRIMARY KEY("article_id","locale"),
	CONSTRAINT "faq_article_translations_title_len" CHECK (char_length("faq_article_translations"."title") between 3 and 200),
	CONSTRAINT "faq_article_translations_body_len" CHECK (char_length("faq_article_translations"."body") between 10 and 20000)
);
--> statement-breakpoint
CREATE TABLE "faq_articles" (
	"id" serial PRIMARY KEY NOT NULL,
	"category_id" integer NOT NULL,
	"slug" text NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "faq_articles_slug_shape" CHECK ("faq_articles"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
CREATE TABLE "faq_categories" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "faq_categories_slug_shape" CHECK ("faq_categories"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
CREATE TABLE "incident_faqs" (
	"incident_id" bigint NOT NULL,
	"article_id" integer NOT NULL,
	"linked_by" uuid,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_faqs_incident_id_article_id_pk" PRIMARY KEY("incident_id","article_id")
);
--> statement-breakpoint
ALTER TABLE "faq_article_translations" ADD CONSTRAINT "faq_article_translations_article_id_faq_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."faq_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "faq_articles" ADD CONSTRAINT "faq_articles_category_id_faq_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."faq_categories"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "faq_articles" ADD CONSTRAINT "faq_articles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "faq_articles" ADD CONSTRAINT "faq_articles_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_faqs" ADD CONSTRAINT "incident_faqs_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_faqs" ADD CONSTRAINT "incident_faqs_article_id_faq_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."faq_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_faqs" ADD CONSTRAINT "incident_faqs_linked_by_users_id_fk" FOREIGN KEY ("linked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "faq_article_translations_search_idx" ON "faq_article_translations" USING gin ("search");--> statement-breakpoint
CREATE UNIQUE INDEX "faq_articles_slug_key" ON "faq_articles" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "faq_articles_category_idx" ON "faq_articles" USING btree ("category_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "faq_categories_slug_key" ON "faq_categories" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "incident_faqs_article_idx" ON "incident_faqs" USING btree ("article_id");