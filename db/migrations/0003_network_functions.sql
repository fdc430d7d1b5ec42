-- Accent- and case-insensitive name lookup: unaccent is STABLE (it reads a dictionary), so an
-- index needs an IMMUTABLE wrapper naming the dictionary explicitly.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION immutable_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
--> statement-breakpoint
-- A tree path is the root-to-node chain of ids, each a 7-character base-36 segment
-- (up to 78 billion ids); server/network/tree/path.ts encodes the same way.
CREATE OR REPLACE FUNCTION tree_segment(id bigint) RETURNS text
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
DECLARE
  digits constant text := '0123456789abcdefghijklmnopqrstuvwxyz';
  out text := '';
  n bigint := id;
BEGIN
  IF n < 0 OR n >= 78364164096 THEN RAISE EXCEPTION 'tree_segment: id % out of range', id; END IF;
  FOR i IN 1..7 LOOP
    out := substr(digits, (n % 36)::int + 1, 1) || out;
    n := n / 36;
  END LOOP;
  RETURN out;
END $$;
