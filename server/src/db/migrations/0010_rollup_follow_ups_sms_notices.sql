CREATE TABLE "sms_notices" (
	"event_id" uuid NOT NULL,
	"phone" text NOT NULL,
	"status" text DEFAULT 'SENDING' NOT NULL,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sms_notices_event_id_phone_pk" PRIMARY KEY("event_id","phone")
);
--> statement-breakpoint
CREATE TABLE "placement_follow_ups" (
	"placement_id" uuid PRIMARY KEY NOT NULL,
	"venue_id" uuid NOT NULL,
	"note" text NOT NULL,
	"called_by" uuid NOT NULL,
	"called_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "venue_year_pending" (
	"venue_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"since" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "venue_year_pending_venue_id_year_pk" PRIMARY KEY("venue_id","year")
);
--> statement-breakpoint
ALTER TABLE "placement_follow_ups" ADD CONSTRAINT "placement_follow_ups_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_follow_ups" ADD CONSTRAINT "placement_follow_ups_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_follow_ups" ADD CONSTRAINT "placement_follow_ups_called_by_users_id_fk" FOREIGN KEY ("called_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_year_pending" ADD CONSTRAINT "venue_year_pending_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "placement_follow_ups_venue_idx" ON "placement_follow_ups" USING btree ("venue_id","called_at");