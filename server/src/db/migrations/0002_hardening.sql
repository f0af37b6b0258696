CREATE TYPE "public"."sms_purpose" AS ENUM('REGISTER', 'LOGIN', 'RESET_PASSWORD', 'SIGN_CONTRACT', 'PROXY_ACTION');--> statement-breakpoint
CREATE TABLE "sms_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"phone" text NOT NULL,
	"purpose" "sms_purpose" NOT NULL,
	"code_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"consumed_at" timestamp with time zone,
	"ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "minimum_wages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"effective_from" date NOT NULL,
	"monthly_fen" bigint NOT NULL,
	"hourly_fen" bigint NOT NULL,
	"source" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "minimum_wages_region_effective_unique" UNIQUE("region_code","effective_from")
);
--> statement-breakpoint
ALTER TABLE "refresh_tokens" ADD COLUMN "successor_sealed" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "processed_events" ADD COLUMN "outcome" text DEFAULT 'DONE' NOT NULL;--> statement-breakpoint
ALTER TABLE "processed_events" ADD COLUMN "detail" text;--> statement-breakpoint
ALTER TABLE "minimum_wages" ADD CONSTRAINT "minimum_wages_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sms_codes_phone_purpose_idx" ON "sms_codes" USING btree ("phone","purpose","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "venues_region_name_unique" ON "venues" USING btree ("region_code","name");--> statement-breakpoint
ALTER TABLE "outbox" DROP COLUMN "queue";--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
-- One venue cannot be inside two government purchase-of-service periods at once (drizzle cannot express EXCLUDE).
ALTER TABLE "venue_service_purchase_periods" ADD CONSTRAINT "venue_service_purchase_periods_no_overlap"
  EXCLUDE USING gist ("venue_id" WITH =, daterange("starts_on", "ends_on", '[]') WITH &&);
