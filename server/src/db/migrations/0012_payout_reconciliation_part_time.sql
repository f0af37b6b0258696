CREATE TYPE "public"."payout_difference_kind" AS ENUM('MISSING_AT_PROVIDER', 'UNKNOWN_TO_PLATFORM', 'AMOUNT_MISMATCH', 'STATUS_MISMATCH');--> statement-breakpoint
CREATE TYPE "public"."reconciliation_status" AS ENUM('CLEAN', 'DIFFERENCES');--> statement-breakpoint
CREATE TABLE "part_time_week_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"worker_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"venue_id" uuid NOT NULL,
	"minutes" integer NOT NULL,
	"flagged_at" timestamp with time zone NOT NULL,
	CONSTRAINT "part_time_week_flags_once" UNIQUE("worker_id","employer_id","week_start")
);
--> statement-breakpoint
CREATE TABLE "payout_reconciliation_differences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"kind" "payout_difference_kind" NOT NULL,
	"request_id" text NOT NULL,
	"settlement_id" uuid,
	"venue_id" uuid,
	"region_code" text,
	"platform_fen" bigint,
	"provider_fen" bigint,
	"platform_status" text,
	"provider_status" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payout_reconciliations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"day" date NOT NULL,
	"status" "reconciliation_status" NOT NULL,
	"platform_count" integer NOT NULL,
	"platform_fen" bigint NOT NULL,
	"provider_count" integer NOT NULL,
	"provider_fen" bigint NOT NULL,
	"difference_count" integer NOT NULL,
	"fingerprint" text NOT NULL,
	"ran_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payout_reconciliations_day_unique" UNIQUE("day")
);
--> statement-breakpoint
ALTER TABLE "part_time_week_flags" ADD CONSTRAINT "part_time_week_flags_worker_id_users_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "part_time_week_flags" ADD CONSTRAINT "part_time_week_flags_employer_id_users_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "part_time_week_flags" ADD CONSTRAINT "part_time_week_flags_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_reconciliation_differences" ADD CONSTRAINT "payout_reconciliation_differences_run_id_payout_reconciliations_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."payout_reconciliations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_reconciliation_differences" ADD CONSTRAINT "payout_reconciliation_differences_settlement_id_settlements_id_fk" FOREIGN KEY ("settlement_id") REFERENCES "public"."settlements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_reconciliation_differences" ADD CONSTRAINT "payout_reconciliation_differences_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "part_time_week_flags_venue_idx" ON "part_time_week_flags" USING btree ("venue_id","week_start");--> statement-breakpoint
CREATE UNIQUE INDEX "payout_differences_run_request" ON "payout_reconciliation_differences" USING btree ("run_id","request_id");--> statement-breakpoint
CREATE INDEX "payout_differences_venue_idx" ON "payout_reconciliation_differences" USING btree ("venue_id");--> statement-breakpoint
CREATE INDEX "settlements_paid_idx" ON "settlements" USING btree ("paid_at");