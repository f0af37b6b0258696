-- The candidate query's KNN scan gets one partial GiST index per skill instead of one (skill_code, home_earth)
-- index for all. In the shared index a leaf page held many skills (btree_gist's range union gives the skill
-- column a zero insert penalty once a page spans several, so placement fell to the home point alone): a wave
-- of one skill visited 140-190 pages for 450 holders at 200k workers, against 42 in an index of that skill's
-- rows only (about 3x less CPU per wave). Each index holds the dispatchable rows of one skill, keyed by the
-- home point and covering every column the query reads (index-only). The query names the skill as a literal so
-- the planner can prove the partial predicate (candidate.repo.ts).
-- A skill code becomes part of an index name, so it must be a plain upper-case identifier.
CREATE FUNCTION ensure_skill_dispatch_index(code text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF code !~ '^[A-Z][A-Z0-9_]{0,34}$' THEN
    RAISE EXCEPTION 'skill code % must be upper-case letters, digits and underscores (at most 35)', code USING ERRCODE = 'check_violation';
  END IF;
  EXECUTE format(
    'CREATE INDEX IF NOT EXISTS %I ON worker_skills USING gist (home_earth)
       INCLUDE (worker_id, level, travel_mode, travel_minutes, completed_count, no_show_count, late_withdrawal_count,
                rating_sum, rating_count, gender, birth_date, hard_to_employ, zero_employment_family)
       WHERE dispatchable AND skill_code = %L',
    'worker_skills_dispatch_' || lower(code) || '_idx', code);
END $$;--> statement-breakpoint
-- A new skill (reference data) gets its index in the transaction that adds it; a skill row cannot be added
-- without one. Its rows cannot exist yet, so the build is a scan that finds none.
CREATE FUNCTION skills_ensure_dispatch_index() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM ensure_skill_dispatch_index(NEW.code);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER skills_ensure_dispatch_index AFTER INSERT OR UPDATE OF code ON skills
  FOR EACH ROW EXECUTE FUNCTION skills_ensure_dispatch_index();--> statement-breakpoint
SELECT ensure_skill_dispatch_index(code) FROM skills;--> statement-breakpoint
DROP INDEX "worker_skills_dispatch_idx";
