CREATE TYPE "public"."engagement_source" AS ENUM('OFFER', 'GRAB', 'PROXY');--> statement-breakpoint
CREATE TYPE "public"."engagement_status" AS ENUM('ACTIVE', 'CONFIRMED', 'WITHDRAWN', 'CANCELLED', 'NO_SHOW', 'COMPLETED');--> statement-breakpoint
CREATE TYPE "public"."offer_status" AS ENUM('OFFERED', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN');--> statement-breakpoint
CREATE TYPE "public"."pay_unit" AS ENUM('HOUR', 'DAY', 'PIECE');--> statement-breakpoint
CREATE TYPE "public"."task_status" AS ENUM('DRAFT', 'OPEN', 'FILLED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED');--> statement-breakpoint
CREATE TABLE "engagements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"offer_id" uuid,
	"source" "engagement_source" NOT NULL,
	"proxy_by" uuid,
	"status" "engagement_status" DEFAULT 'ACTIVE' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"late" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "engagements_task_worker_unique" UNIQUE("task_id","worker_id")
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"wave" smallint NOT NULL,
	"status" "offer_status" DEFAULT 'OFFERED' NOT NULL,
	"score" jsonb NOT NULL,
	"distance_meters" integer NOT NULL,
	"travel_minutes" smallint NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"expiry_event_id" uuid,
	"responded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "offers_task_worker_unique" UNIQUE("task_id","worker_id")
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employer_id" uuid NOT NULL,
	"venue_id" uuid NOT NULL,
	"posted_by" uuid NOT NULL,
	"region_code" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"skill_code" text NOT NULL,
	"required_level" smallint DEFAULT 1 NOT NULL,
	"address" text NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"earth" "cube" GENERATED ALWAYS AS (ll_to_earth(lat, lng)) STORED,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"headcount" smallint NOT NULL,
	"filled_count" smallint DEFAULT 0 NOT NULL,
	"pay_rate_fen" bigint NOT NULL,
	"pay_unit" "pay_unit" NOT NULL,
	"max_travel_minutes" smallint DEFAULT 60 NOT NULL,
	"status" "task_status" DEFAULT 'OPEN' NOT NULL,
	"wave" smallint DEFAULT 0 NOT NULL,
	"manual_dispatch_at" timestamp with time zone,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"late_cancellation" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tasks_seats" CHECK ("tasks"."filled_count" between 0 and "tasks"."headcount"),
	CONSTRAINT "tasks_headcount" CHECK ("tasks"."headcount" between 1 and 500),
	CONSTRAINT "tasks_window" CHECK ("tasks"."ends_at" > "tasks"."starts_at"),
	CONSTRAINT "tasks_pay_positive" CHECK ("tasks"."pay_rate_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "user_blocks" (
	"blocker_id" uuid NOT NULL,
	"blocked_id" uuid NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_blocks_blocker_id_blocked_id_pk" PRIMARY KEY("blocker_id","blocked_id")
);
--> statement-breakpoint
ALTER TABLE "worker_profiles" ADD COLUMN "late_withdrawal_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "worker_skills" ADD COLUMN "home_earth" "cube";--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_worker_id_users_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_proxy_by_users_id_fk" FOREIGN KEY ("proxy_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_worker_id_users_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_employer_id_users_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_posted_by_users_id_fk" FOREIGN KEY ("posted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_skill_code_skills_code_fk" FOREIGN KEY ("skill_code") REFERENCES "public"."skills"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_blocks" ADD CONSTRAINT "user_blocks_blocker_id_users_id_fk" FOREIGN KEY ("blocker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_blocks" ADD CONSTRAINT "user_blocks_blocked_id_users_id_fk" FOREIGN KEY ("blocked_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "engagements_worker_start_idx" ON "engagements" USING btree ("worker_id","starts_at");--> statement-breakpoint
CREATE INDEX "engagements_task_idx" ON "engagements" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "offers_worker_status_idx" ON "offers" USING btree ("worker_id","status");--> statement-breakpoint
CREATE INDEX "offers_task_status_idx" ON "offers" USING btree ("task_id","status");--> statement-breakpoint
CREATE INDEX "tasks_status_start_idx" ON "tasks" USING btree ("status","starts_at");--> statement-breakpoint
CREATE INDEX "tasks_employer_idx" ON "tasks" USING btree ("employer_id","starts_at");--> statement-breakpoint
CREATE INDEX "tasks_venue_idx" ON "tasks" USING btree ("venue_id","starts_at");--> statement-breakpoint
CREATE INDEX "tasks_earth_idx" ON "tasks" USING gist ("earth");--> statement-breakpoint
CREATE INDEX "user_blocks_blocked_idx" ON "user_blocks" USING btree ("blocked_id");--> statement-breakpoint
CREATE INDEX "worker_skills_skill_earth_idx" ON "worker_skills" USING gist ("skill_code","home_earth");--> statement-breakpoint
-- worker_skills.home_earth mirrors worker_profiles.home_earth, so the (skill, earth) GiST index serves KNN.
CREATE FUNCTION worker_skills_copy_home_earth() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT home_earth INTO NEW.home_earth FROM worker_profiles WHERE user_id = NEW.worker_id;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER worker_skills_home_earth BEFORE INSERT OR UPDATE OF worker_id ON worker_skills
  FOR EACH ROW EXECUTE FUNCTION worker_skills_copy_home_earth();--> statement-breakpoint
CREATE FUNCTION worker_profiles_spread_home_earth() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE worker_skills SET home_earth = NEW.home_earth WHERE worker_id = NEW.user_id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER worker_profiles_home_earth AFTER UPDATE OF home_lat, home_lng ON worker_profiles
  FOR EACH ROW EXECUTE FUNCTION worker_profiles_spread_home_earth();--> statement-breakpoint
UPDATE worker_skills ws SET home_earth = wp.home_earth FROM worker_profiles wp WHERE wp.user_id = ws.worker_id;--> statement-breakpoint
-- A worker never holds two live engagements whose windows overlap, under any concurrency.
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_no_double_booking"
  EXCLUDE USING gist ("worker_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&)
  WHERE (status IN ('ACTIVE', 'CONFIRMED'));
