DROP INDEX "worker_skills_skill_earth_idx";--> statement-breakpoint
ALTER TABLE "worker_skills" ADD COLUMN "travel_mode" "travel_mode" DEFAULT 'EBIKE' NOT NULL;--> statement-breakpoint
ALTER TABLE "worker_skills" ADD COLUMN "travel_minutes" smallint DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "worker_skills" ADD COLUMN "dispatchable" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- worker_skills mirrors, besides home_earth (0003), the worker's travel mode and minutes and whether they can be
-- dispatched at all, so the candidate query's KNN scan filters without visiting users or worker_profiles.
-- The one definition of "dispatchable" (DESIGN §4.1: active and verified, and available): user ACTIVE with role
-- WORKER, profile verified and available.
DROP TRIGGER worker_skills_home_earth ON worker_skills;--> statement-breakpoint
DROP FUNCTION worker_skills_copy_home_earth();--> statement-breakpoint
DROP TRIGGER worker_profiles_home_earth ON worker_profiles;--> statement-breakpoint
DROP FUNCTION worker_profiles_spread_home_earth();--> statement-breakpoint
CREATE FUNCTION worker_skills_copy_worker() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT wp.home_earth, wp.travel_mode, wp.travel_minutes,
         u.status = 'ACTIVE' AND u.role = 'WORKER' AND wp.verified_at IS NOT NULL AND wp.available
    INTO NEW.home_earth, NEW.travel_mode, NEW.travel_minutes, NEW.dispatchable
    FROM worker_profiles wp JOIN users u ON u.id = wp.user_id
   WHERE wp.user_id = NEW.worker_id;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER worker_skills_copy_worker BEFORE INSERT OR UPDATE OF worker_id ON worker_skills
  FOR EACH ROW EXECUTE FUNCTION worker_skills_copy_worker();--> statement-breakpoint
-- Re-copies one worker's fields into their skill rows; called after a change to the worker's profile or user row.
CREATE FUNCTION worker_skills_refresh_worker() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  worker uuid;
BEGIN
  -- Each branch is compiled only when it runs (users rows have no user_id, profiles no id).
  IF TG_TABLE_NAME = 'users' THEN worker := NEW.id; ELSE worker := NEW.user_id; END IF;
  UPDATE worker_skills ws
     SET home_earth = wp.home_earth, travel_mode = wp.travel_mode, travel_minutes = wp.travel_minutes,
         dispatchable = u.status = 'ACTIVE' AND u.role = 'WORKER' AND wp.verified_at IS NOT NULL AND wp.available
    FROM worker_profiles wp JOIN users u ON u.id = wp.user_id
   WHERE wp.user_id = worker AND ws.worker_id = worker;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER worker_profiles_refresh_skills AFTER UPDATE OF home_lat, home_lng, travel_mode, travel_minutes, verified_at, available
  ON worker_profiles FOR EACH ROW
  WHEN ((OLD.home_lat, OLD.home_lng, OLD.travel_mode, OLD.travel_minutes, OLD.verified_at IS NULL, OLD.available)
        IS DISTINCT FROM (NEW.home_lat, NEW.home_lng, NEW.travel_mode, NEW.travel_minutes, NEW.verified_at IS NULL, NEW.available))
  EXECUTE FUNCTION worker_skills_refresh_worker();--> statement-breakpoint
CREATE TRIGGER users_refresh_skills AFTER UPDATE OF status, role ON users FOR EACH ROW
  WHEN ((OLD.status, OLD.role) IS DISTINCT FROM (NEW.status, NEW.role))
  EXECUTE FUNCTION worker_skills_refresh_worker();--> statement-breakpoint
UPDATE worker_skills ws
   SET home_earth = wp.home_earth, travel_mode = wp.travel_mode, travel_minutes = wp.travel_minutes,
       dispatchable = u.status = 'ACTIVE' AND u.role = 'WORKER' AND wp.verified_at IS NOT NULL AND wp.available
  FROM worker_profiles wp JOIN users u ON u.id = wp.user_id
 WHERE wp.user_id = ws.worker_id;--> statement-breakpoint
-- INCLUDE is not in the schema file (drizzle-kit cannot express it): with it the KNN scan is index-only.
CREATE INDEX "worker_skills_dispatch_idx" ON "worker_skills" USING gist ("skill_code","home_earth")
  INCLUDE ("worker_id", "level", "travel_mode", "travel_minutes") WHERE "worker_skills"."dispatchable";
