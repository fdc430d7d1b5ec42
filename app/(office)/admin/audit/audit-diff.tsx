"use client";

import { useT } from "@/app/_lib/i18n";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Before and after side by side, one row per field, changed fields highlighted. Entries whose
 * values are not objects (or a created/deleted record) fall back to the same table with a
 * single row, so the reader always sees both sides.
 */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const t = useT();
  if (before == null && after == null) return <p className="text-sm text-slate-600">{t("admin.audit.noDetails")}</p>;

  const rows =
    (isObject(before) || before == null) && (isObject(after) || after == null)
      ? [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].map((key) => ({
          key,
          before: before?.[key],
          after: after?.[key],
        }))
      : [{ key: "—", before, after }];

  return (
    <table className="w-full table-fixed text-sm" data-testid="audit-diff">
      <thead>
        <tr className="text-left text-slate-600">
          <th scope="col" className="w-1/4 py-2 pr-3 font-medium">{t("admin.audit.field")}</th>
          <th scope="col" className="py-2 pr-3 font-medium">{t("admin.audit.before")}</th>
          <th scope="col" className="py-2 font-medium">{t("admin.audit.after")}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 align-top">
        {rows.map((row) => {
          const changed = JSON.stringify(row.before) !== JSON.stringify(row.after);
          return (
            <tr key={row.key} className={changed ? "bg-amber-50" : undefined} data-changed={changed || undefined}>
              <th scope="row" className="py-2 pr-3 text-left font-mono text-xs font-normal text-slate-700">{row.key}</th>
              <td className="py-2 pr-3"><Value value={row.before} removed={changed} /></td>
              <td className="py-2"><Value value={row.after} added={changed} /></td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Value({ value, removed, added }: { value: unknown; removed?: boolean; added?: boolean }) {
  if (value === undefined || value === null) return <span className="text-slate-400">—</span>;
  const tone = removed ? "text-red-800" : added ? "text-emerald-800" : "text-slate-800";
  // Short values (a status, a list of roles) read better inline than as JSON.
  if (typeof value !== "object") return <span className={`break-words ${tone}`}>{String(value)}</span>;
  if (Array.isArray(value) && value.every((v) => typeof v !== "object")) {
    return <span className={`break-words ${tone}`}>{value.length ? value.join(", ") : "[]"}</span>;
  }
  return <pre className={`overflow-x-auto whitespace-pre-wrap break-words rounded bg-slate-50 p-2 font-mono text-xs ${tone}`}>{JSON.stringify(value, null, 2)}</pre>;
}
