"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { DataTable } from "@/app/_components/ui/data-table";
import { TextField } from "@/app/_components/ui/field";
import { useLocale, useT } from "@/app/_lib/i18n";
import { fieldErrorsOf, useTRPC, type RouterOutputs } from "@/app/_lib/trpc";
import { Dialog } from "../../_components/dialog";
import { formatDateTime } from "../../_lib/format";
import { PlanStatusBadge } from "./status-badge";

type Row = RouterOutputs["plans"]["list"][number];

/** Every plan version, with where each active one is in force, and the new-draft dialog. */
export function PlansScreen({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.plans.list.queryOptions());
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const clone = useMutation(
    trpc.plans.clone.mutationOptions({
      onSuccess: async (r) => {
        await queryClient.invalidateQueries({ queryKey: trpc.plans.pathKey() });
        setNotice(t("plans.list.cloned", { version: r.version }));
      },
    }),
  );

  const columns = useMemo<ColumnDef<Row>[]>(
    () => [
      { id: "plan", header: t("plans.list.columns.plan"), cell: ({ row }) => <span className="font-mono text-xs">{row.original.planKey}</span> },
      { id: "version", header: t("plans.list.columns.version"), cell: ({ row }) => <span className="tabular-nums">v{row.original.version}</span> },
      {
        id: "name",
        header: t("plans.list.columns.name"),
        cell: ({ row }) => (
          <Link href={`/admin/compensation/plans/${row.original.id}`} className="font-medium text-brand-700 hover:underline" data-testid={`plan-${row.original.planKey}-v${row.original.version}`}>
            {row.original.name}
          </Link>
        ),
      },
      { id: "status", header: t("plans.list.columns.status"), cell: ({ row }) => <PlanStatusBadge status={row.original.status} /> },
      {
        id: "effectiveFrom",
        header: t("plans.list.columns.effectiveFrom"),
        cell: ({ row }) => {
          const r = row.original;
          if (!r.effectiveFrom) return <span className="text-slate-400">{t("plans.detail.none")}</span>;
          if (r.status !== "active") return <span className="text-slate-500">{r.effectiveFrom.code}</span>;
          return <span>{r.inForceUntil ? t("plans.list.fromUntil", { from: r.effectiveFrom.code, until: r.inForceUntil }) : t("plans.list.fromOn", { from: r.effectiveFrom.code })}</span>;
        },
      },
      { id: "updated", header: t("plans.list.columns.updated"), cell: ({ row }) => <span className="whitespace-nowrap text-slate-600">{formatDateTime(locale, row.original.updatedAt)}</span> },
      {
        id: "actions",
        header: t("plans.list.columns.actions"),
        cell: ({ row }) => (
          <div className="flex gap-2">
            <Link href={`/admin/compensation/plans/${row.original.id}`} className="text-sm text-brand-700 hover:underline">
              {t("plans.list.open")}
            </Link>
            {canEdit ? (
              <button type="button" className="text-sm text-brand-700 hover:underline disabled:text-slate-400" disabled={clone.isPending} onClick={() => clone.mutate({ id: row.original.id })} data-testid={`plan-clone-${row.original.id}`}>
                {t("plans.list.clone")}
              </button>
            ) : null}
          </div>
        ),
      },
    ],
    [t, locale, canEdit, clone],
  );

  const rows = list.data ?? [];
  return (
    <div className="space-y-4">
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {clone.error ? <Alert kind="error">{clone.error.message}</Alert> : null}
      {canEdit ? (
        <div className="flex justify-end">
          <Button onClick={() => setCreating(true)} data-testid="plan-new">
            {t("plans.list.newDraft")}
          </Button>
        </div>
      ) : null}
      <DataTable columns={columns} rows={rows} total={rows.length} page={1} pageSize={Math.max(rows.length, 1)} onPageChange={() => {}} loading={list.isLoading} emptyText={t("plans.list.empty")} caption={t("plans.list.caption")} />
      <Dialog open={creating} onClose={() => setCreating(false)} title={t("plans.create.title")} testId="plan-new-dialog">
        <NewDraftForm onCancel={() => setCreating(false)} onCreated={(id) => router.push(`/admin/compensation/plans/${id}`)} />
      </Dialog>
    </div>
  );
}

function NewDraftForm(props: { onCreated: (id: number) => void; onCancel: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const [planKey, setPlanKey] = useState("");
  const [name, setName] = useState("");
  const [definition, setDefinition] = useState<Record<string, unknown> | undefined>(undefined);
  const [fileError, setFileError] = useState<string | null>(null);
  const create = useMutation(trpc.plans.createDraft.mutationOptions({ onSuccess: (r) => props.onCreated(r.id) }));
  const errors = fieldErrorsOf(create.error);
  const general = create.error && !Object.keys(errors).length ? create.error.message : null;
  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ planKey, name, definition });
      }}
    >
      {general ? <Alert kind="error">{general}</Alert> : null}
      <TextField label={t("plans.create.planKey")} hint={t("plans.create.planKeyHint")} value={planKey} onChange={(e) => setPlanKey(e.target.value)} errors={errors.planKey} maxLength={40} autoComplete="off" data-testid="plan-new-key" />
      <TextField label={t("plans.create.name")} value={name} onChange={(e) => setName(e.target.value)} errors={errors.name} maxLength={120} data-testid="plan-new-name" />
      <div>
        <label className="block text-sm font-medium text-slate-700" htmlFor="plan-new-file">
          {t("plans.create.file")}
        </label>
        <input
          id="plan-new-file"
          type="file"
          accept="application/json,.json"
          className="mt-1 block text-sm"
          data-testid="plan-new-file"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            setFileError(null);
            setDefinition(undefined);
            if (!file) return;
            try {
              const parsed: unknown = JSON.parse(await file.text());
              if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
              setDefinition(parsed as Record<string, unknown>);
              if (!name && typeof (parsed as { name?: unknown }).name === "string") setName((parsed as { name: string }).name);
            } catch {
              setFileError(t("plans.errors.notJson"));
            }
          }}
        />
        <p className={`mt-1 text-xs ${fileError ? "text-red-600" : "text-slate-500"}`}>{fileError ?? t("plans.create.fileHint")}</p>
      </div>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" type="button" onClick={props.onCancel}>
          {t("common.cancel")}
        </Button>
        <Button type="submit" disabled={create.isPending || Boolean(fileError)} data-testid="plan-new-create">
          {create.isPending ? t("plans.create.creating") : t("plans.create.create")}
        </Button>
      </div>
    </form>
  );
}
