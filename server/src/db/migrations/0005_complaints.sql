CREATE TYPE "public"."complaint_category" AS ENUM('WAGE_ARREARS', 'CONTRACT_BREACH', 'INJURY', 'FAKE_JOB', 'DISCRIMINATION', 'SERVICE', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."complaint_channel" AS ENUM('ONLINE', 'WALK_IN', 'HOTLINE');--> statement-breakpoint
CREATE TYPE "public"."complaint_respondent_kind" AS ENUM('EMPLOYER', 'WORKER', 'VENUE');--> statement-breakpoint
CREATE TYPE "public"."complaint_status" AS ENUM('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS', 'WAITING_ON_COMPLAINANT', 'RESOLVED', 'CLOSED', 'REJECTED', 'ESCALATED');--> statement-breakpoint
CREATE TYPE "public"."rating_side" AS ENUM('WORKER_RATES_EMPLOYER', 'EMPLOYER_RATES_WORKER');--> statement-breakpoint
CREATE TABLE "complaint_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" "complaint_status",
	"to_status" "complaint_status" NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_role" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "complaint_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"file_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaint_evidence_storage_key_unique" UNIQUE("storage_key"),
	CONSTRAINT "complaint_evidence_hash_unique" UNIQUE("complaint_id","sha256")
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complainant_id" uuid NOT NULL,
	"filed_by" uuid NOT NULL,
	"channel" "complaint_channel" NOT NULL,
	"respondent_kind" "complaint_respondent_kind" NOT NULL,
	"respondent_user_id" uuid,
	"respondent_venue_id" uuid,
	"venue_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"task_id" uuid,
	"engagement_id" uuid,
	"contract_id" uuid,
	"settlement_id" uuid,
	"category" "complaint_category" NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"amount_fen" bigint,
	"status" "complaint_status" DEFAULT 'SUBMITTED' NOT NULL,
	"deadline_event_id" uuid,
	"referral_event_id" uuid,
	"resolution" text,
	"reject_reason" text,
	"outcome_stars" smallint,
	"outcome_comment" text,
	"wages_paid_at" timestamp with time zone,
	"referred_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"follow_up_at" timestamp with time zone,
	"follow_up_by" uuid,
	"follow_up_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaints_respondent" CHECK (("complaints"."respondent_kind" = 'VENUE' and "complaints"."respondent_venue_id" is not null and "complaints"."respondent_user_id" is null) or ("complaints"."respondent_kind" <> 'VENUE' and "complaints"."respondent_user_id" is not null and "complaints"."respondent_venue_id" is null)),
	CONSTRAINT "complaints_outcome_stars" CHECK ("complaints"."outcome_stars" is null or "complaints"."outcome_stars" between 1 and 5),
	CONSTRAINT "complaints_amount" CHECK ("complaints"."amount_fen" is null or "complaints"."amount_fen" between 1 and 100000000)
);
--> statement-breakpoint
CREATE TABLE "labour_inspection_referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"amount_fen" bigint,
	"referred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "labour_inspection_referrals_complaint_id_unique" UNIQUE("complaint_id")
);
--> statement-breakpoint
CREATE TABLE "ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"engagement_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"venue_id" uuid NOT NULL,
	"side" "rating_side" NOT NULL,
	"rater_id" uuid NOT NULL,
	"ratee_id" uuid NOT NULL,
	"stars" smallint NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ratings_engagement_side_unique" UNIQUE("engagement_id","side"),
	CONSTRAINT "ratings_stars" CHECK ("ratings"."stars" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_evidence" ADD CONSTRAINT "complaint_evidence_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_evidence" ADD CONSTRAINT "complaint_evidence_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_complainant_id_users_id_fk" FOREIGN KEY ("complainant_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_respondent_user_id_users_id_fk" FOREIGN KEY ("respondent_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_respondent_venue_id_venues_id_fk" FOREIGN KEY ("respondent_venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_follow_up_by_users_id_fk" FOREIGN KEY ("follow_up_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labour_inspection_referrals" ADD CONSTRAINT "labour_inspection_referrals_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labour_inspection_referrals" ADD CONSTRAINT "labour_inspection_referrals_employer_id_users_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labour_inspection_referrals" ADD CONSTRAINT "labour_inspection_referrals_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_rater_id_users_id_fk" FOREIGN KEY ("rater_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_ratee_id_users_id_fk" FOREIGN KEY ("ratee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaint_events_complaint_idx" ON "complaint_events" USING btree ("complaint_id","at");--> statement-breakpoint
CREATE INDEX "complaint_evidence_complaint_idx" ON "complaint_evidence" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "complaints_venue_status_idx" ON "complaints" USING btree ("venue_id","status","created_at");--> statement-breakpoint
CREATE INDEX "complaints_region_status_idx" ON "complaints" USING btree ("region_code","status","created_at");--> statement-breakpoint
CREATE INDEX "complaints_complainant_idx" ON "complaints" USING btree ("complainant_id","created_at");--> statement-breakpoint
CREATE INDEX "complaints_respondent_idx" ON "complaints" USING btree ("respondent_user_id","category","status");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_one_open_per_link" ON "complaints" USING btree ("complainant_id","category",coalesce("settlement_id", "engagement_id", "task_id")) WHERE "complaints"."status" not in ('CLOSED', 'REJECTED') and coalesce("complaints"."settlement_id", "complaints"."engagement_id", "complaints"."task_id") is not null;--> statement-breakpoint
CREATE INDEX "ratings_ratee_idx" ON "ratings" USING btree ("ratee_id","side");--> statement-breakpoint
-- A complaint's history is what its deadlines are derived from: it is never rewritten.
CREATE FUNCTION complaint_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'complaint_events is append-only';
END $$;--> statement-breakpoint
CREATE TRIGGER complaint_events_no_update BEFORE UPDATE OR DELETE ON complaint_events FOR EACH ROW EXECUTE FUNCTION complaint_events_append_only();--> statement-breakpoint
CREATE TRIGGER complaint_events_no_truncate BEFORE TRUNCATE ON complaint_events FOR EACH STATEMENT EXECUTE FUNCTION complaint_events_append_only();
