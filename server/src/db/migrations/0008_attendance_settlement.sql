CREATE TYPE "public"."attendance_method" AS ENUM('GEOFENCE', 'STAFF');--> statement-breakpoint
CREATE TYPE "public"."attendance_status" AS ENUM('CHECKED_IN', 'CHECKED_OUT', 'APPROVED', 'DISPUTED');--> statement-breakpoint
CREATE TYPE "public"."payout_status" AS ENUM('NONE', 'PENDING', 'SETTLED', 'FAILED');--> statement-breakpoint
CREATE TYPE "public"."placement_source" AS ENUM('OFFER', 'GRAB', 'PROXY');--> statement-breakpoint
CREATE TYPE "public"."settlement_pay_unit" AS ENUM('HOUR', 'DAY', 'PIECE');--> statement-breakpoint
CREATE TYPE "public"."settlement_status" AS ENUM('DRAFT', 'SUBMITTED', 'CONFIRMED', 'DISPUTED', 'PAID');--> statement-breakpoint
CREATE TABLE "attendance_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"engagement_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"status" "attendance_status" NOT NULL,
	"check_in_at" timestamp with time zone NOT NULL,
	"check_in_method" "attendance_method" NOT NULL,
	"check_in_lat" double precision,
	"check_in_lng" double precision,
	"check_in_distance_m" integer,
	"check_out_at" timestamp with time zone,
	"check_out_method" "attendance_method",
	"check_out_lat" double precision,
	"check_out_lng" double precision,
	"check_out_distance_m" integer,
	"minutes" integer,
	"confirmed_by" uuid,
	"approve_event_id" uuid,
	"approved_at" timestamp with time zone,
	"dispute_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attendance_records_engagement_id_unique" UNIQUE("engagement_id")
);
--> statement-breakpoint
CREATE TABLE "placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"engagement_id" uuid NOT NULL,
	"settlement_id" uuid NOT NULL,
	"venue_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"task_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"source" "placement_source" NOT NULL,
	"worker_name" text NOT NULL,
	"gender" text NOT NULL,
	"age_on_work_day" smallint NOT NULL,
	"id_number_masked" text NOT NULL,
	"phone_masked" text NOT NULL,
	"priority_group" boolean NOT NULL,
	"priority_labels" text NOT NULL,
	"employer_name" text NOT NULL,
	"task_title" text NOT NULL,
	"skill_code" text NOT NULL,
	"work_date" date NOT NULL,
	"wage_fen" bigint NOT NULL,
	"paid_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placements_engagement_id_unique" UNIQUE("engagement_id")
);
--> statement-breakpoint
CREATE TABLE "settlements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"engagement_id" uuid NOT NULL,
	"contract_id" uuid,
	"task_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"venue_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"pay_unit" "settlement_pay_unit" NOT NULL,
	"rate_fen" bigint NOT NULL,
	"minutes" integer NOT NULL,
	"pieces" integer,
	"wage_fen" bigint NOT NULL,
	"cancellation_fee_fen" bigint DEFAULT 0 NOT NULL,
	"total_fen" bigint NOT NULL,
	"minimum_hourly_fen" integer NOT NULL,
	"status" "settlement_status" NOT NULL,
	"submitted_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"auto_confirmed" boolean DEFAULT false NOT NULL,
	"auto_confirm_event_id" uuid,
	"dispute_reason" text,
	"payout_status" "payout_status" DEFAULT 'NONE' NOT NULL,
	"payout_attempt" smallint DEFAULT 0 NOT NULL,
	"provider_ref" text,
	"paid_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "settlements_engagement_id_unique" UNIQUE("engagement_id"),
	CONSTRAINT "settlements_amounts" CHECK ("settlements"."wage_fen" >= 0 and "settlements"."cancellation_fee_fen" >= 0 and "settlements"."total_fen" = "settlements"."wage_fen" + "settlements"."cancellation_fee_fen" and "settlements"."total_fen" > 0)
);
--> statement-breakpoint
ALTER TABLE "attendance_records" ADD CONSTRAINT "attendance_records_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_records" ADD CONSTRAINT "attendance_records_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_records" ADD CONSTRAINT "attendance_records_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_records" ADD CONSTRAINT "attendance_records_worker_id_users_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_records" ADD CONSTRAINT "attendance_records_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_settlement_id_settlements_id_fk" FOREIGN KEY ("settlement_id") REFERENCES "public"."settlements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_worker_id_users_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_employer_id_users_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlements" ADD CONSTRAINT "settlements_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlements" ADD CONSTRAINT "settlements_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlements" ADD CONSTRAINT "settlements_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlements" ADD CONSTRAINT "settlements_worker_id_users_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlements" ADD CONSTRAINT "settlements_employer_id_users_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlements" ADD CONSTRAINT "settlements_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attendance_task_idx" ON "attendance_records" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "placements_venue_paid_idx" ON "placements" USING btree ("venue_id","paid_at");--> statement-breakpoint
CREATE INDEX "placements_region_paid_idx" ON "placements" USING btree ("region_code","paid_at");--> statement-breakpoint
CREATE INDEX "settlements_status_idx" ON "settlements" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "settlements_employer_idx" ON "settlements" USING btree ("employer_id","created_at");--> statement-breakpoint
CREATE INDEX "settlements_worker_idx" ON "settlements" USING btree ("worker_id","created_at");--> statement-breakpoint
-- Wage records are kept at least 3 years (保障农民工工资支付条例): settlements and placements are never deleted,
-- and a placement, once recorded, never changes.
CREATE TRIGGER settlements_no_delete BEFORE DELETE ON settlements FOR EACH ROW EXECUTE FUNCTION contract_signatures_append_only();--> statement-breakpoint
CREATE TRIGGER settlements_no_truncate BEFORE TRUNCATE ON settlements FOR EACH STATEMENT EXECUTE FUNCTION contract_signatures_append_only();--> statement-breakpoint
CREATE TRIGGER placements_append_only BEFORE UPDATE OR DELETE ON placements FOR EACH ROW EXECUTE FUNCTION contract_signatures_append_only();--> statement-breakpoint
CREATE TRIGGER placements_no_truncate BEFORE TRUNCATE ON placements FOR EACH STATEMENT EXECUTE FUNCTION contract_signatures_append_only();--> statement-breakpoint
CREATE TRIGGER attendance_no_delete BEFORE DELETE ON attendance_records FOR EACH ROW EXECUTE FUNCTION contract_signatures_append_only();
