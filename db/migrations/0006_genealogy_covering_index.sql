-- A downline page filters and sorts a subtree range by level, status, rank, name, join date and
-- downline size. With those columns in the path index's leaves, the page and its total are read
-- from the index alone (index-only scan) instead of one heap visit per row of the range.
DROP INDEX IF EXISTS genealogy_sponsor_path_idx;
--> statement-breakpoint
CREATE INDEX genealogy_sponsor_path_idx ON genealogy (sponsor_path)
  INCLUDE (consultant_id, sponsor_depth, status, rank, full_name, joined_at, downline_size);
