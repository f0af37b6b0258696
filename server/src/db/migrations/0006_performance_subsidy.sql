CREATE TYPE "public"."activity_kind" AS ENUM('SERVICE', 'RECRUITMENT_EVENT', 'GUIDANCE_REFERRAL');--> statement-breakpoint
CREATE TYPE "public"."assessment_kind" AS ENUM('ONSITE', 'SELF');--> statement-breakpoint
CREATE TYPE "public"."venue_year_status" AS ENUM('PROJECTED', 'FROZEN');--> statement-breakpoint
CREATE TYPE "public"."application_status" AS ENUM('DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'RETURNED', 'REJECTED', 'PUBLIC_NOTICE', 'APPROVED', 'PAID');--> statement-breakpoint
CREATE TYPE "public"."fund_category" AS ENUM('ONLINE_PLATFORM', 'TRAINING', 'RECRUITMENT', 'OPERATING', 'INFRASTRUCTURE', 'FIXED_ASSETS');--> statement-breakpoint
CREATE TYPE "public"."objection_status" AS ENUM('FILED', 'UPHELD', 'DISMISSED');--> statement-breakpoint
CREATE TYPE "public"."subsidy_kind" AS ENUM('ONE_TIME', 'PERFORMANCE');--> statement-breakpoint
CREATE TABLE "performance_complaints" (
	"complaint_id" uuid PRIMARY KEY NOT NULL,
	"venue_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"on_time" boolean NOT NULL,
	"closed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "performance_placements" (
	"placement_id" uuid PRIMARY KEY NOT NULL,
	"venue_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"engagement_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"source" text NOT NULL,
	"priority_group" boolean NOT NULL,
	"paid_at" timestamp with time zone NOT NULL,
	"paid_on" date NOT NULL,
	"counted" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "performance_ratings" (
	"rating_id" uuid PRIMARY KEY NOT NULL,
	"venue_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"stars" smallint NOT NULL,
	"rated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "performance_ratings_stars" CHECK ("performance_ratings"."stars" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "performance_reconcile_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"venue_years" integer NOT NULL,
	"drifted" integer NOT NULL,
	"details" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subsidy_policies" (
	"effective_from_year" integer PRIMARY KEY NOT NULL,
	"version" text NOT NULL,
	"policy" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subsidy_policies_version_unique" UNIQUE("version")
);
--> statement-breakpoint
CREATE TABLE "venue_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"venue_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"kind" "activity_kind" NOT NULL,
	"category" text NOT NULL,
	"quantity" integer NOT NULL,
	"attendance" integer,
	"occurred_on" date NOT NULL,
	"evidence" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "venue_activities_quantity" CHECK ("venue_activities"."quantity" between 1 and 10000)
);
--> statement-breakpoint
CREATE TABLE "venue_assessments" (
	"venue_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"kind" "assessment_kind" NOT NULL,
	"scores" jsonb NOT NULL,
	"vetoes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"unremedied_complaints" integer DEFAULT 0 NOT NULL,
	"notes" text,
	"evidence" text,
	"entered_by" uuid NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "venue_assessments_venue_id_year_kind_pk" PRIMARY KEY("venue_id","year","kind")
);
--> statement-breakpoint
CREATE TABLE "venue_year_metrics" (
	"venue_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"placements" integer DEFAULT 0 NOT NULL,
	"priority_placements" integer DEFAULT 0 NOT NULL,
	"online_placements" integer DEFAULT 0 NOT NULL,
	"settled_engagements" integer DEFAULT 0 NOT NULL,
	"services" integer DEFAULT 0 NOT NULL,
	"recruitment_events" integer DEFAULT 0 NOT NULL,
	"guidance_referrals" integer DEFAULT 0 NOT NULL,
	"ratings" integer DEFAULT 0 NOT NULL,
	"good_ratings" integer DEFAULT 0 NOT NULL,
	"complaints_closed" integer DEFAULT 0 NOT NULL,
	"complaints_on_time" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "venue_year_metrics_venue_id_year_pk" PRIMARY KEY("venue_id","year")
);
--> statement-breakpoint
CREATE TABLE "venue_year_results" (
	"venue_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"region_code" text NOT NULL,
	"venue_type" "venue_type" NOT NULL,
	"status" "venue_year_status" DEFAULT 'PROJECTED' NOT NULL,
	"policy_version" text NOT NULL,
	"score_tenths" integer NOT NULL,
	"level" smallint,
	"star" smallint,
	"grant_fen" bigint NOT NULL,
	"eligible" boolean NOT NULL,
	"evaluation" jsonb NOT NULL,
	"metrics" jsonb NOT NULL,
	"eligibility" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"frozen_at" timestamp with time zone,
	"adjustment" jsonb,
	CONSTRAINT "venue_year_results_venue_id_year_pk" PRIMARY KEY("venue_id","year")
);
--> statement-breakpoint
CREATE TABLE "county_subsidy_budgets" (
	"region_code" text NOT NULL,
	"year" smallint NOT NULL,
	"amount_fen" bigint NOT NULL,
	"set_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "county_subsidy_budgets_region_code_year_pk" PRIMARY KEY("region_code","year"),
	CONSTRAINT "county_subsidy_budgets_amount" CHECK ("county_subsidy_budgets"."amount_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "subsidy_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"venue_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"kind" "subsidy_kind" NOT NULL,
	"year" smallint NOT NULL,
	"status" "application_status" DEFAULT 'DRAFT' NOT NULL,
	"amount_fen" bigint NOT NULL,
	"score_tenths" integer,
	"level" smallint,
	"policy_version" text NOT NULL,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"notice_starts_on" date,
	"notice_ends_on" date,
	"notice_event_id" uuid,
	"status_reason" text,
	"submitted_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"paid_fen" bigint,
	"paid_on" date,
	"voucher_no" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subsidy_applications_amount" CHECK ("subsidy_applications"."amount_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "subsidy_fund_uses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"venue_id" uuid NOT NULL,
	"category" "fund_category" NOT NULL,
	"amount_fen" bigint NOT NULL,
	"spent_on" date NOT NULL,
	"voucher_no" text NOT NULL,
	"attachment" text,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subsidy_fund_uses_amount" CHECK ("subsidy_fund_uses"."amount_fen" > 0),
	CONSTRAINT "subsidy_fund_uses_category" CHECK ("subsidy_fund_uses"."category" not in ('INFRASTRUCTURE', 'FIXED_ASSETS'))
);
--> statement-breakpoint
CREATE TABLE "subsidy_objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"filed_by" uuid NOT NULL,
	"reason" text NOT NULL,
	"status" "objection_status" DEFAULT 'FILED' NOT NULL,
	"decided_by" uuid,
	"decision_note" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "performance_complaints" ADD CONSTRAINT "performance_complaints_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_placements" ADD CONSTRAINT "performance_placements_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_ratings" ADD CONSTRAINT "performance_ratings_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_policies" ADD CONSTRAINT "subsidy_policies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_activities" ADD CONSTRAINT "venue_activities_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_activities" ADD CONSTRAINT "venue_activities_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_assessments" ADD CONSTRAINT "venue_assessments_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_assessments" ADD CONSTRAINT "venue_assessments_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_year_metrics" ADD CONSTRAINT "venue_year_metrics_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_year_results" ADD CONSTRAINT "venue_year_results_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_year_results" ADD CONSTRAINT "venue_year_results_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "county_subsidy_budgets" ADD CONSTRAINT "county_subsidy_budgets_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "county_subsidy_budgets" ADD CONSTRAINT "county_subsidy_budgets_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_applications" ADD CONSTRAINT "subsidy_applications_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_applications" ADD CONSTRAINT "subsidy_applications_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_applications" ADD CONSTRAINT "subsidy_applications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_fund_uses" ADD CONSTRAINT "subsidy_fund_uses_application_id_subsidy_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."subsidy_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_fund_uses" ADD CONSTRAINT "subsidy_fund_uses_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_fund_uses" ADD CONSTRAINT "subsidy_fund_uses_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_objections" ADD CONSTRAINT "subsidy_objections_application_id_subsidy_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."subsidy_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_objections" ADD CONSTRAINT "subsidy_objections_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_objections" ADD CONSTRAINT "subsidy_objections_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "performance_complaints_venue_year_idx" ON "performance_complaints" USING btree ("venue_id","year");--> statement-breakpoint
CREATE INDEX "performance_placements_venue_year_idx" ON "performance_placements" USING btree ("venue_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "performance_placements_once_a_day" ON "performance_placements" USING btree ("venue_id","worker_id","employer_id","paid_on") WHERE "performance_placements"."counted";--> statement-breakpoint
CREATE INDEX "performance_ratings_venue_year_idx" ON "performance_ratings" USING btree ("venue_id","year");--> statement-breakpoint
CREATE INDEX "venue_activities_venue_year_idx" ON "venue_activities" USING btree ("venue_id","year","kind");--> statement-breakpoint
CREATE INDEX "venue_year_results_rank_idx" ON "venue_year_results" USING btree ("year","region_code","score_tenths");--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_applications_performance_once" ON "subsidy_applications" USING btree ("venue_id","year") WHERE "subsidy_applications"."kind" = 'PERFORMANCE';--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_applications_one_time_once" ON "subsidy_applications" USING btree ("venue_id") WHERE "subsidy_applications"."kind" = 'ONE_TIME' and "subsidy_applications"."status" <> 'REJECTED';--> statement-breakpoint
CREATE INDEX "subsidy_applications_region_year_idx" ON "subsidy_applications" USING btree ("region_code","year","status");--> statement-breakpoint
CREATE INDEX "subsidy_fund_uses_application_idx" ON "subsidy_fund_uses" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "subsidy_objections_application_idx" ON "subsidy_objections" USING btree ("application_id");