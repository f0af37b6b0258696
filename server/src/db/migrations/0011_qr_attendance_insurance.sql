ALTER TYPE "public"."attendance_method" ADD VALUE 'QR';--> statement-breakpoint
CREATE TABLE "insurance_evidence" (
	"engagement_id" uuid PRIMARY KEY NOT NULL,
	"task_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"venue_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"cover_from" timestamp with time zone NOT NULL,
	"cover_to" timestamp with time zone NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"taken_event_id" uuid,
	"paid_at" timestamp with time zone,
	"paid_event_id" uuid,
	"placement_id" uuid,
	"provider" text NOT NULL,
	"policy_ref" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "insurance_evidence" ADD CONSTRAINT "insurance_evidence_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_evidence" ADD CONSTRAINT "insurance_evidence_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_evidence" ADD CONSTRAINT "insurance_evidence_worker_id_users_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_evidence" ADD CONSTRAINT "insurance_evidence_employer_id_users_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_evidence" ADD CONSTRAINT "insurance_evidence_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "insurance_evidence_worker_idx" ON "insurance_evidence" USING btree ("worker_id","cover_from");--> statement-breakpoint
CREATE INDEX "insurance_evidence_venue_idx" ON "insurance_evidence" USING btree ("venue_id");--> statement-breakpoint
-- 零工保 evidence is kept: a recorded fact (taken, paid, policy reference) is never removed or rewritten.
CREATE FUNCTION insurance_evidence_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'insurance evidence is kept: DELETE refused' USING ERRCODE = 'raise_exception';
  END IF;
  IF NEW.taken_at IS DISTINCT FROM OLD.taken_at OR NEW.engagement_id IS DISTINCT FROM OLD.engagement_id
     OR (OLD.paid_at IS NOT NULL AND NEW.paid_at IS DISTINCT FROM OLD.paid_at)
     OR (OLD.policy_ref IS NOT NULL AND NEW.policy_ref IS DISTINCT FROM OLD.policy_ref) THEN
    RAISE EXCEPTION 'insurance evidence cannot change once recorded' USING ERRCODE = 'raise_exception';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER insurance_evidence_kept BEFORE UPDATE OR DELETE ON insurance_evidence FOR EACH ROW EXECUTE FUNCTION insurance_evidence_kept();
