CREATE TYPE "public"."contract_kind" AS ENUM('PART_TIME', 'SERVICE');--> statement-breakpoint
CREATE TYPE "public"."contract_party" AS ENUM('EMPLOYER', 'WORKER');--> statement-breakpoint
CREATE TYPE "public"."contract_status" AS ENUM('PENDING', 'PARTIALLY_SIGNED', 'SIGNED', 'COMPLETED', 'TERMINATED', 'VOID');--> statement-breakpoint
CREATE TABLE "contract_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"seq" smallint NOT NULL,
	"signer_id" uuid NOT NULL,
	"party" "contract_party" NOT NULL,
	"terms_hash" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text,
	"sms_code_id" uuid NOT NULL,
	"intent_statement" text NOT NULL,
	"previous_signature" text,
	"platform_signature" text NOT NULL,
	"key_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contract_signatures_party" UNIQUE("contract_id","party"),
	CONSTRAINT "contract_signatures_seq" UNIQUE("contract_id","seq")
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"engagement_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"venue_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"kind" "contract_kind" NOT NULL,
	"template_version" text NOT NULL,
	"terms" jsonb NOT NULL,
	"terms_hash" text NOT NULL,
	"status" "contract_status" DEFAULT 'PENDING' NOT NULL,
	"signed_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contracts_engagement_id_unique" UNIQUE("engagement_id"),
	CONSTRAINT "contracts_terms_hash_unique" UNIQUE("terms_hash")
);
--> statement-breakpoint
ALTER TABLE "contract_signatures" ADD CONSTRAINT "contract_signatures_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_signatures" ADD CONSTRAINT "contract_signatures_signer_id_users_id_fk" FOREIGN KEY ("signer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_signatures" ADD CONSTRAINT "contract_signatures_sms_code_id_sms_codes_id_fk" FOREIGN KEY ("sms_code_id") REFERENCES "public"."sms_codes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_worker_id_users_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_employer_id_users_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contracts_worker_idx" ON "contracts" USING btree ("worker_id","created_at");--> statement-breakpoint
CREATE INDEX "contracts_employer_idx" ON "contracts" USING btree ("employer_id","created_at");--> statement-breakpoint
CREATE INDEX "contracts_task_idx" ON "contracts" USING btree ("task_id");--> statement-breakpoint
-- Signed terms never change (电子签名法 §13): the terms, their hash and the parties are fixed at creation,
-- and no contract or signature is ever deleted (kept 2 years after the contract ends, wage records 3).
CREATE FUNCTION contracts_terms_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'contracts are kept: DELETE refused' USING ERRCODE = 'raise_exception';
  END IF;
  IF NEW.terms IS DISTINCT FROM OLD.terms OR NEW.terms_hash IS DISTINCT FROM OLD.terms_hash
     OR NEW.engagement_id IS DISTINCT FROM OLD.engagement_id OR NEW.worker_id IS DISTINCT FROM OLD.worker_id
     OR NEW.employer_id IS DISTINCT FROM OLD.employer_id OR NEW.kind IS DISTINCT FROM OLD.kind
     OR NEW.template_version IS DISTINCT FROM OLD.template_version THEN
    RAISE EXCEPTION 'contract terms cannot change' USING ERRCODE = 'raise_exception';
  END IF;
  IF OLD.status IN ('SIGNED', 'COMPLETED', 'TERMINATED') AND NEW.status IN ('PENDING', 'PARTIALLY_SIGNED', 'VOID') THEN
    RAISE EXCEPTION 'a signed contract cannot return to %', NEW.status USING ERRCODE = 'raise_exception';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER contracts_terms_frozen BEFORE UPDATE OR DELETE ON contracts FOR EACH ROW EXECUTE FUNCTION contracts_terms_frozen();--> statement-breakpoint
CREATE FUNCTION contract_signatures_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'raise_exception';
END $$;--> statement-breakpoint
CREATE TRIGGER contracts_no_truncate BEFORE TRUNCATE ON contracts FOR EACH STATEMENT EXECUTE FUNCTION contract_signatures_append_only();--> statement-breakpoint
CREATE TRIGGER contract_signatures_append_only BEFORE UPDATE OR DELETE ON contract_signatures FOR EACH ROW EXECUTE FUNCTION contract_signatures_append_only();--> statement-breakpoint
CREATE TRIGGER contract_signatures_no_truncate BEFORE TRUNCATE ON contract_signatures FOR EACH STATEMENT EXECUTE FUNCTION contract_signatures_append_only();
