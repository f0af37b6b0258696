CREATE TABLE "venue_year_pending" (
	"venue_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"since" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "venue_year_pending_venue_id_year_pk" PRIMARY KEY("venue_id","year")
);
--> statement-breakpoint
ALTER TABLE "venue_year_pending" ADD CONSTRAINT "venue_year_pending_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;