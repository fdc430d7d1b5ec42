"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert, Badge } from "@/app/_components/ui/card";
import { DataTable } from "@/app/_components/ui/data-table";
import { TextField } from "@/app/_components/ui/field";
import { SelectField } from "@/app/_components/ui/select-field";
import { useLocale, useT } from "@/app/_lib/i18n";
import { useTRPC, type RouterOutputs } from "@/app/_lib/trpc";
import { localised } from "@/server/commerce/localised";
import { formatDateTime } from "../_lib/format";
import { useDebounced } from "../_lib/use-debounced";

type Row = RouterOutputs["knowledge"]["list"]["rows"][number];
type Status = "all" | "published" | "draft";
const PAGE_SIZE = 25;

/** Articles: search in every language's version, filter by category and status, publish in place. */
export function KnowledgeScreen() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [q, setQ] = useState("");
  const [categoryId, setCategoryId] = useState("");
  const [status, setStatus] = useState<Status>("all");
  const [page, setPage] = useState(1);
  const search = useDebounced(q.trim());
  const categories = useQuery(trpc.knowledge.categories.queryOptions());
  const list = useQuery(
    trpc.knowledge.list.queryOptions(
      { page, pageSize: PAGE_SIZE, q: search || undefined, status, categoryId: categoryId ? Number(categoryId) : undefined, locale },
      { placeholderData: keepPreviousData },
    ),
  );
  const toggle = useMutation(
    trpc.knowledge.setPublished.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.knowledge.pathKey() }) }),
  );

  const columns = useMemo<ColumnDef<Row>[]>(
    () => [
      {
        id: "title",
        header: t("knowledge.columns.title"),
        cell: ({ row: { original: a } }) => (
          <Link href={`/admin/knowledge/${a.id}`} className="font-medium text-brand-700 hover:underline" data-testid={`article-${a.slug}`}>
            {a.title}
          </Link>
        ),
      },
      { id: "category", header: t("knowledge.columns.category"), cell: ({ row }) => localised(row.original.categoryName, locale) },
      { id: "locales", header: t("knowledge.columns.locales"), cell: ({ row }) => <span className="whitespace-nowrap text-xs text-slate-600">{(row.original.locales ?? []).join(" · ")}</span> },
      {
        id: "status",
        header: t("knowledge.columns.status"),
        cell: ({ row }) => <Badge tone={row.original.published ? "green" : "slate"}>{t(row.original.published ? "knowledge.published" : "knowledge.draft")}</Badge>,
      },
      { id: "updated", header: t("knowledge.columns.updated"), cell: ({ row }) => <span className="whitespace-nowrap text-xs">{formatDateTime(locale, row.original.updatedAt)}</span> },
      {
        id: "actions",
        header: t("knowledge.columns.actions"),
        cell: ({ row: { original: a } }) => (
          <Button variant="secondary" disabled={toggle.isPending} onClick={() => toggle.mutate({ id: a.id, published: !a.published })} aria-label={`${t(a.published ? "knowledge.unpublish" : "knowledge.publish")}: ${a.title}`}>
            {t(a.published ? "knowledge.unpublish" : "knowledge.publish")}
          </Button>
        ),
      },
    ],
    [t, locale, toggle],
  );

  return (
    <div className="min-w-0 space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          className="min-w-56 flex-1"
          type="search"
          label={t("knowledge.search")}
          value={q}
          maxLength={200}
          onChange={(e) => {
            setQ(e.target.value);
            setPage(1);
          }}
          data-testid="knowledge-search"
        />
        <SelectField
          label={t("knowledge.category")}
          value={categoryId}
          onChange={(e) => {
            setCategoryId(e.target.value);
            setPage(1);
          }}
          options={[{ value: "", label: t("knowledge.allCategories") }, ...(categories.data ?? []).map((c) => ({ value: String(c.id), label: localised(c.name, locale) }))]}
        />
        <SelectField
          label={t("knowledge.status")}
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as Status);
            setPage(1);
          }}
          options={[
            { value: "all", label: t("knowledge.statusAll") },
            { value: "published", label: t("knowledge.published") },
            { value: "draft", label: t("knowledge.draft") },
          ]}
        />
      </div>
      {list.error ? <Alert kind="error">{list.error.message}</Alert> : null}
      {toggle.error ? <Alert kind="error">{toggle.error.message}</Alert> : null}
      <DataTable
        caption={t("knowledge.caption")}
        columns={columns}
        rows={list.data?.rows ?? []}
        total={list.data?.total ?? 0}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={setPage}
        loading={list.isFetching}
        emptyText={t("knowledge.empty")}
      />
    </div>
  );
}
