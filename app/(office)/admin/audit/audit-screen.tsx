"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { useCallback, useMemo, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { DataTable } from "@/app/_components/ui/data-table";
import { useLocale, useT } from "@/app/_lib/i18n";
import { fieldErrorsOf, useTRPC, type RouterOutputs } from "@/app/_lib/trpc";
import type { MessageKey } from "@/server/i18n/messages";
import { Dialog } from "../_components/dialog";
import { formatDateTime } from "../_lib/format";
import { AuditDiff } from "./audit-diff";
import { AuditFilters, EMPTY_FILTERS, type AuditFilterDraft } from "./audit-filters";

type AuditRow = RouterOutputs["audit"]["list"]["rows"][number];
const PAGE_SIZE = 25;

/** "2025-03-07" from a date input → that day's midnight in the reader's own time zone. */
function localDay(value: string, addDays = 0) {
  const [y, m, d] = value.split("-").map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + addDays);
}

function toInput(f: AuditFilterDraft, page: number) {
  return {
    page,
    pageSize: PAGE_SIZE,
    action: f.action.trim() || undefined,
    entityType: f.entityType.trim() || undefined,
    entityId: f.entityId.trim() || undefined,
    actor: f.actor.trim() || undefined,
    from: f.from ? localDay(f.from) : undefined,
    // The end day is included: the query's bound is the next midnight, exclusive.
    to: f.to ? localDay(f.to, 1) : undefined,
  };
}

export function AuditScreen() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [filters, setFilters] = useState<AuditFilterDraft>(EMPTY_FILTERS);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<AuditRow | null>(null);
  const query = useQuery(trpc.audit.list.queryOptions(toInput(filters, page), { placeholderData: keepPreviousData }));

  // Known actions get a sentence; new ones (from modules added later) still show their code.
  const actionLabel = useCallback(
    (action: string) => {
      const key = `admin.audit.actions.${action}` as MessageKey;
      const label = t(key);
      return label === key ? action : label;
    },
    [t],
  );
  const entityLabel = (row: AuditRow) => `${row.entityType} ${row.entityId}`;

  const columns = useMemo<ColumnDef<AuditRow>[]>(
    () => [
      { id: "at", header: t("admin.audit.at"), cell: ({ row }) => <span className="whitespace-nowrap tabular-nums">{formatDateTime(locale, row.original.at)}</span> },
      {
        id: "action",
        header: t("admin.audit.action"),
        cell: ({ row: { original } }) => {
          const label = actionLabel(original.action);
          return (
            <div>
              {label !== original.action ? <div className="font-medium text-slate-900">{label}</div> : null}
              <code className="text-xs text-slate-500">{original.action}</code>
            </div>
          );
        },
      },
      {
        id: "entity",
        header: t("admin.audit.entity"),
        cell: ({ row }) => (
          <div>
            <div>{row.original.entityType}</div>
            <code className="break-all text-xs text-slate-500">{row.original.entityId}</code>
          </div>
        ),
      },
      {
        id: "actor",
        header: t("admin.audit.actorColumn"),
        cell: ({ row: { original } }) =>
          original.actor ? (
            <div>
              <div>{original.actor.name}</div>
              <div className="text-xs text-slate-500">{original.actor.email}</div>
            </div>
          ) : (
            <span className="text-slate-500">{t("admin.audit.system")}</span>
          ),
      },
      {
        id: "changes",
        header: t("admin.audit.changes"),
        cell: ({ row }) => (
          <Button variant="secondary" className="px-2.5 py-1" onClick={() => setOpen(row.original)} data-testid={`audit-changes-${row.original.id}`}>
            {t("admin.audit.showChanges")}
          </Button>
        ),
      },
    ],
    [t, locale, actionLabel],
  );

  const errors = fieldErrorsOf(query.error);

  return (
    <div className="space-y-4">
      <AuditFilters
        applied={filters}
        errors={errors}
        onApply={(next) => {
          setFilters(next);
          setPage(1);
        }}
      />
      {query.error && Object.keys(errors).length === 0 ? <Alert kind="error">{query.error.message}</Alert> : null}
      <DataTable
        caption={t("admin.audit.caption")}
        columns={columns}
        rows={query.data?.rows ?? []}
        total={query.data?.total ?? 0}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={setPage}
        loading={query.isFetching}
        emptyText={t("admin.audit.empty")}
      />
      <Dialog
        wide
        open={open !== null}
        onClose={() => setOpen(null)}
        title={open ? t("admin.audit.changesTitle", { action: actionLabel(open.action), entity: entityLabel(open) }) : ""}
        testId="audit-changes-dialog"
      >
        {open ? (
          <div className="space-y-3">
            <p className="text-sm text-slate-600">
              {formatDateTime(locale, open.at)} · {open.actor ? `${open.actor.name} <${open.actor.email}>` : t("admin.audit.system")}
            </p>
            <AuditDiff before={open.before} after={open.after} />
          </div>
        ) : null}
      </Dialog>
    </div>
  );
}
