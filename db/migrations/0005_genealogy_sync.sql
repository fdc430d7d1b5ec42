-- genealogy keeps copies of the columns a downline page filters and sorts on; this trigger keeps
-- them equal to consultants in the same transaction as any edit.
CREATE OR REPLACE FUNCTION genealogy_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE genealogy
     SET status = NEW.status, rank = NEW.rank, full_name = NEW.full_name, joined_at = NEW.joined_at
   WHERE consultant_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER consultants_genealogy_sync
  AFTER UPDATE OF status, rank, full_name, joined_at ON consultants
  FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.rank IS DISTINCT FROM NEW.rank
        OR OLD.full_name IS DISTINCT FROM NEW.full_name OR OLD.joined_at IS DISTINCT FROM NEW.joined_at)
  EXECUTE FUNCTION genealogy_sync();
--> statement-breakpoint
-- Consultants created before the genealogy existed get their sponsor-tree rows here.
WITH RECURSIVE t AS (
  SELECT id, tree_segment(id) AS path, 0 AS depth FROM consultants WHERE sponsor_id IS NULL
  UNION ALL
  SELECT c.id, t.path || tree_segment(c.id), t.depth + 1 FROM consultants c JOIN t ON c.sponsor_id = t.id
)
INSERT INTO genealogy (consultant_id, sponsor_path, sponsor_depth, status, rank, full_name, joined_at)
SELECT t.id, t.path, t.depth, c.status, c.rank, c.full_name, c.joined_at
  FROM t JOIN consultants c ON c.id = t.id
ON CONFLICT (consultant_id) DO NOTHING;
--> statement-breakpoint
UPDATE genealogy g
   SET downline_size = (SELECT count(*) FROM genealogy d
                         WHERE d.sponsor_path > g.sponsor_path AND d.sponsor_path < g.sponsor_path || '~');
