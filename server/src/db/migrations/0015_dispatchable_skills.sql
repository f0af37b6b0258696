DROP INDEX "worker_skills_skill_earth_idx";--> statement-breakpoint
ALTER TABLE "worker_skills" ADD COLUMN "travel_mode" "travel_mode" DEFAULT 'EBIKE' NOT NULL;--> statement-breakpoint
ALTER TABLE "worker_skills" ADD COLUMN "travel_minutes" smallint DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "worker_skills" ADD COLUMN "dispatchable" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "worker_skills" ADD COLUMN "completed_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "worker_skills" ADD COLUMN "no_show_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "worker_skills" ADD COLUMN "late_withdrawal_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "worker_skills" ADD COLUMN "rating_sum" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "worker_skills" ADD COLUMN "rating_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "worker_skills" ADD COLUMN "gender" "gender";--> statement-breakpoint
ALTER TABLE "worker_skills" ADD COLUMN "birth_date" date;--> statement-breakpoint
ALTER TABLE "worker_skills" ADD COLUMN "hard_to_employ" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "worker_skills" ADD COLUMN "zero_employment_family" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- worker_skills mirrors the worker as dispatch sees them (home_earth already since 0003): travel mode and minutes,
-- whether they can be dispatched at all, and what ranking reads, so the candidate query's KNN scan is index-only
-- and visits neither users nor worker_profiles. The one definition of "dispatchable" (DESIGN §4.1: active and
-- verified, and available): user ACTIVE with role WORKER, profile verified and available.
DROP TRIGGER worker_skills_home_earth ON worker_skills;--> statement-breakpoint
DROP FUNCTION worker_skills_copy_home_earth();--> statement-breakpoint
DROP TRIGGER worker_profiles_home_earth ON worker_profiles;--> statement-breakpoint
DROP FUNCTION worker_profiles_spread_home_earth();--> statement-breakpoint
CREATE FUNCTION worker_skills_copy_worker() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT wp.home_earth, wp.travel_mode, wp.travel_minutes,
         u.status = 'ACTIVE' AND u.role = 'WORKER' AND wp.verified_at IS NOT NULL AND wp.available,
         wp.completed_count, wp.no_show_count, wp.late_withdrawal_count, wp.rating_sum, wp.rating_count,
         wp.gender, wp.birth_date, wp.hard_to_employ, wp.zero_employment_family
    INTO NEW.home_earth, NEW.travel_mode, NEW.travel_minutes,
         NEW.dispatchable,
         NEW.completed_count, NEW.no_show_count, NEW.late_withdrawal_count, NEW.rating_sum, NEW.rating_count,
         NEW.gender, NEW.birth_date, NEW.hard_to_employ, NEW.zero_employment_family
    FROM worker_profiles wp JOIN users u ON u.id = wp.user_id
   WHERE wp.user_id = NEW.worker_id;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER worker_skills_copy_worker BEFORE INSERT OR UPDATE ON worker_skills
  FOR EACH ROW EXECUTE FUNCTION worker_skills_copy_worker();--> statement-breakpoint
-- Re-copies one worker into their skill rows after a change to their profile or user row (the UPDATE fires
-- worker_skills_copy_worker, which reads the rows as they now are).
CREATE FUNCTION worker_skills_refresh_worker() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  worker uuid;
BEGIN
  -- Each branch is compiled only when it runs (users rows have no user_id, profiles no id).
  IF TG_TABLE_NAME = 'users' THEN worker := NEW.id; ELSE worker := NEW.user_id; END IF;
  UPDATE worker_skills SET worker_id = worker_id WHERE worker_id = worker;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER worker_profiles_refresh_skills AFTER UPDATE ON worker_profiles FOR EACH ROW
  WHEN ((OLD.home_lat, OLD.home_lng, OLD.travel_mode, OLD.travel_minutes, OLD.verified_at IS NULL, OLD.available,
         OLD.completed_count, OLD.no_show_count, OLD.late_withdrawal_count, OLD.rating_sum, OLD.rating_count,
         OLD.gender, OLD.birth_date, OLD.hard_to_employ, OLD.zero_employment_family)
        IS DISTINCT FROM
        (NEW.home_lat, NEW.home_lng, NEW.travel_mode, NEW.travel_minutes, NEW.verified_at IS NULL, NEW.available,
         NEW.completed_count, NEW.no_show_count, NEW.late_withdrawal_count, NEW.rating_sum, NEW.rating_count,
         NEW.gender, NEW.birth_date, NEW.hard_to_employ, NEW.zero_employment_family))
  EXECUTE FUNCTION worker_skills_refresh_worker();--> statement-breakpoint
CREATE TRIGGER users_refresh_skills AFTER UPDATE OF status, role ON users FOR EACH ROW
  WHEN ((OLD.status, OLD.role) IS DISTINCT FROM (NEW.status, NEW.role))
  EXECUTE FUNCTION worker_skills_refresh_worker();--> statement-breakpoint
UPDATE worker_skills SET worker_id = worker_id;--> statement-breakpoint
-- INCLUDE is not in the schema file (drizzle-kit cannot express it): with it the KNN scan is index-only.
CREATE INDEX "worker_skills_dispatch_idx" ON "worker_skills" USING gist ("skill_code","home_earth")
  INCLUDE ("worker_id", "level", "travel_mode", "travel_minutes", "completed_count", "no_show_count",
           "late_withdrawal_count", "rating_sum", "rating_count", "gender", "birth_date", "hard_to_employ",
           "zero_employment_family")
  WHERE "worker_skills"."dispatchable";
