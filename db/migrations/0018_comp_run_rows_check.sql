ALTER TABLE "comp_run_consultants" DROP CONSTRAINT "comp_run_consultants_run_id_comp_runs_id_fk";
--> statement-breakpoint
ALTER TABLE "comp_run_lines" DROP CONSTRAINT "comp_run_lines_run_id_comp_runs_id_fk";
--> statement-breakpoint
-- The run_id foreign keys above checked every inserted row with its own query (3.8M lines at a
-- million consultants: ~40 % of the close's line COPY). The same rule, per statement: the runs of the
-- rows a statement inserted or updated must exist, and are key-share locked as the foreign key's
-- check locked them (a concurrent delete of the run waits for the writer's commit).
CREATE FUNCTION comp_run_rows_check_run() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids integer[];
  found_runs integer;
BEGIN
  SELECT array_agg(d.run_id) INTO ids FROM (SELECT DISTINCT run_id FROM new_rows) d;
  IF ids IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM 1 FROM comp_runs r WHERE r.id = ANY (ids) FOR KEY SHARE;
  GET DIAGNOSTICS found_runs = ROW_COUNT;
  IF found_runs <> cardinality(ids) THEN
    RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', MESSAGE = format('%s.run_id: a run that does not exist (comp_runs)', TG_TABLE_NAME);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER comp_run_lines_run_exists_ins AFTER INSERT ON comp_run_lines REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comp_run_rows_check_run();
--> statement-breakpoint
CREATE TRIGGER comp_run_lines_run_exists_upd AFTER UPDATE ON comp_run_lines REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comp_run_rows_check_run();
--> statement-breakpoint
CREATE TRIGGER comp_run_consultants_run_exists_ins AFTER INSERT ON comp_run_consultants REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comp_run_rows_check_run();
--> statement-breakpoint
CREATE TRIGGER comp_run_consultants_run_exists_upd AFTER UPDATE ON comp_run_consultants REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comp_run_rows_check_run();
--> statement-breakpoint
-- ON DELETE CASCADE, as the foreign keys had it: a deleted run takes its lines and rows with it.
CREATE FUNCTION comp_runs_delete_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM comp_run_lines WHERE run_id = OLD.id;
  DELETE FROM comp_run_consultants WHERE run_id = OLD.id;
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER comp_runs_delete_rows BEFORE DELETE ON comp_runs FOR EACH ROW EXECUTE FUNCTION comp_runs_delete_rows();
