import type postgres from "postgres";
import { csvLine } from "./import/csv";
import { IMPORT_COLUMNS } from "./import/validate";

/**
 * A downline (or the whole network) as CSV in the import format, streamed with a server-side
 * cursor so a million rows never sit in memory. Rows come in tree order (sponsors first), so
 * the file re-imports as it is.
 */
export async function* exportNetworkCsv(sql: postgres.Sql, rootPath: string | null) {
  yield csvLine([...IMPORT_COLUMNS]);
  const range = rootPath ? sql`where g.sponsor_path >= ${rootPath} and g.sponsor_path < ${`${rootPath}~`}` : sql``;
  const cursor = sql`
    select c.code, c.full_name, c.email, c.document_type, c.document_number, s.code as sponsor_code,
           p.code as placement_code, c.placement_slot, c.country, c.state, c.city, c.joined_at::text, c.status
      from genealogy g
      join consultants c on c.id = g.consultant_id
      left join consultants s on s.id = c.sponsor_id
      left join consultants p on p.id = c.placement_parent_id
      ${range}
     order by g.sponsor_path`.cursor(2000);
  let first = true;
  for await (const batch of cursor) {
    let chunk = "";
    for (const r of batch) {
      // The exported root has no sponsor in the file: it becomes the file's root.
      const root = first && rootPath !== null;
      first = false;
      chunk += csvLine([
        r.code, r.full_name, r.email, r.document_type, r.document_number,
        root ? "" : r.sponsor_code, root ? "" : r.placement_code, root || !r.placement_slot ? "" : r.placement_slot === 1 ? "L" : "R",
        r.country, r.state, r.city, r.joined_at, r.status,
      ]);
    }
    yield chunk;
  }
}
