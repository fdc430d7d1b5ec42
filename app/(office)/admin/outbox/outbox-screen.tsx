"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { Alert } from "@/app/_components/ui/card";
import { DataTable } from "@/app/_components/ui/data-table";
import { TextField } from "@/app/_components/ui/field";
import { useLocale, useT } from "@/app/_lib/i18n";
import { useTRPC, type RouterOutputs } from "@/app/_lib/trpc";
import { Dialog } from "../_components/dialog";
import { formatDateTime, formatNumber } from "../_lib/format";
import { SelectField } from "../_components/select-field";
import { useDebounced } from "../_lib/use-debounced";
import { OutboxMessage } from "./outbox-message";
import { OUTBOX_STATUSES, OutboxStatusBadge, type OutboxStatus } from "./status-badge";

type OutboxRow = RouterOutputs["outbox"]["list"]["rows"][number];
const PAGE_SIZE = 25;

export function OutboxScreen() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [recipient, setRecipient] = useState("");
  const [status, setStatus] = useState<OutboxStatus | "">("");
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<number | null>(null);
  const debouncedRecipient = useDebounced(recipient.trim());
  const query = useQuery(
    trpc.outbox.list.queryOptions(
      { page, pageSize: PAGE_SIZE, status: status || undefined, recipient: debouncedRecipient || undefined },
      { placeholderData: keepPreviousData },
    ),
  );

  const columns = useMemo<ColumnDef<OutboxRow>[]>(
    () => [
      { id: "createdAt", header: t("admin.outbox.createdAt"), cell: ({ row }) => <span className="whitespace-nowrap tabular-nums">{formatDateTime(locale, row.original.createdAt)}</span> },
      { id: "to", header: t("admin.outbox.recipient"), cell: ({ row }) => <span className="break-all">{row.original.toAddress}</span> },
      {
        id: "subject",
        header: t("admin.outbox.subject"),
        cell: ({ row: { original: m } }) => (
          // The subject is the link into the message: a button, so Enter and Space open it.
          <button
            type="button"
            className="text-left font-medium text-brand-700 hover:underline"
            onClick={() => setOpenId(m.id)}
            aria-label={t("admin.outbox.open", { to: m.toAddress })}
            data-testid={`outbox-open-${m.id}`}
          >
            {m.subject ?? t("admin.outbox.notRendered", { template: m.template })}
          </button>
        ),
      },
      { id: "status", header: t("admin.outbox.status"), cell: ({ row }) => <OutboxStatusBadge status={row.original.status} /> },
      { id: "attempts", header: t("admin.outbox.attempts"), cell: ({ row }) => <span className="tabular-nums">{formatNumber(locale, row.original.attempts)}</span> },
    ],
    [t, locale],
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          className="min-w-56 flex-1"
          type="search"
          label={t("admin.outbox.recipient")}
          value={recipient}
          maxLength={320}
          onChange={(e) => {
            setRecipient(e.target.value);
            setPage(1);
          }}
          data-testid="outbox-recipient"
        />
        <SelectField
          label={t("admin.outbox.status")}
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as OutboxStatus | "");
            setPage(1);
          }}
          options={[{ value: "", label: t("admin.any") }, ...OUTBOX_STATUSES.map((s) => ({ value: s, label: t(`admin.outbox.statuses.${s}`) }))]}
          data-testid="outbox-status-filter"
        />
      </div>
      {query.error ? <Alert kind="error">{query.error.message}</Alert> : null}
      <DataTable
        caption={t("admin.outbox.caption")}
        columns={columns}
        rows={query.data?.rows ?? []}
        total={query.data?.total ?? 0}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={setPage}
        loading={query.isFetching}
        emptyText={t("admin.outbox.empty")}
      />
      <Dialog wide open={openId !== null} onClose={() => setOpenId(null)} title={openId ? t("admin.outbox.detailTitle", { id: String(openId) }) : ""} testId="outbox-dialog">
        {openId !== null ? <OutboxMessage id={openId} /> : null}
      </Dialog>
    </div>
  );
}
