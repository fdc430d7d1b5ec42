"use client";

import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { TextField } from "@/app/_components/ui/field";
import { useT } from "@/app/_lib/i18n";

export type AuditFilterDraft = { action: string; entityType: string; entityId: string; actor: string; from: string; to: string };
export const EMPTY_FILTERS: AuditFilterDraft = { action: "", entityType: "", entityId: "", actor: "", from: "", to: "" };

/** Filters are edited freely and applied together on submit, so typing does not query. */
export function AuditFilters(props: { applied: AuditFilterDraft; onApply: (f: AuditFilterDraft) => void; errors: Record<string, string[]> }) {
  const t = useT();
  const [draft, setDraft] = useState(props.applied);
  const field = (key: keyof AuditFilterDraft) => ({
    value: draft[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, [key]: e.target.value }),
    errors: props.errors[key],
    "data-testid": `audit-filter-${key}`,
  });
  return (
    <form
      aria-label={t("admin.filters")}
      className="grid gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-3"
      onSubmit={(e) => {
        e.preventDefault();
        props.onApply(draft);
      }}
    >
      <TextField label={t("admin.audit.action")} hint={t("admin.audit.actionHint")} maxLength={200} {...field("action")} />
      <TextField label={t("admin.audit.entityType")} maxLength={200} {...field("entityType")} />
      <TextField label={t("admin.audit.entityId")} maxLength={200} {...field("entityId")} />
      <TextField label={t("admin.audit.actor")} type="search" maxLength={200} {...field("actor")} />
      <TextField label={t("admin.audit.from")} type="date" {...field("from")} />
      <TextField label={t("admin.audit.to")} type="date" min={draft.from || undefined} {...field("to")} />
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-3">
        <Button type="submit" data-testid="audit-apply">{t("admin.apply")}</Button>
        <Button
          variant="ghost"
          onClick={() => {
            setDraft(EMPTY_FILTERS);
            props.onApply(EMPTY_FILTERS);
          }}
        >
          {t("admin.clear")}
        </Button>
      </div>
    </form>
  );
}
