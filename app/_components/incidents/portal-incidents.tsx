"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { FaqSuggestions } from "@/app/_components/knowledge/faq-suggestions";
import { DataTable } from "@/app/_components/ui/data-table";
import { TextAreaField, TextField } from "@/app/_components/ui/field";
import { SelectField } from "@/app/_components/ui/select-field";
import { useLocale, useT } from "@/app/_lib/i18n";
import { fieldErrorsOf, useTRPC, type RouterOutputs } from "@/app/_lib/trpc";
import { StatusBadge } from "./badges";

type Row = RouterOutputs["incidents"]["mine"]["rows"][number];
const PAGE_SIZE = 25;
const CATEGORIES = ["general", "orders", "payments", "commissions", "account", "site", "products"] as const;
const STATUSES = ["new", "open", "waiting", "resolved", "closed"] as const;

/** A consultant's incidents: those they opened and those that concern them. */
export function PortalIncidentsTable() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [status, setStatus] = useState("");
  const [page, setPage] = useState(1);
  const query = useQuery(trpc.incidents.mine.queryOptions({ page, pageSize: PAGE_SIZE, status: (status || null) as "active" | null }, { placeholderData: keepPreviousData }));
  const columns = useMemo<ColumnDef<Row>[]>(
    () => [
      {
        id: "number",
        header: t("incidents.list.number"),
        cell: ({ row: { original: r } }) => (
          <Link href={`/portal/incidents/${r.id}`} className="whitespace-nowrap font-medium text-brand-700 hover:underline" data-testid={`incident-open-${r.number}`}>
            {r.number}
          </Link>
        ),
      },
      { id: "subject", header: t("incidents.list.subject"), cell: ({ row: { original: r } }) => r.subject },
      { id: "category", header: t("incidents.list.category"), cell: ({ row: { original: r } }) => t(`incidents.category.${r.category as "general"}`) },
      { id: "status", header: t("incidents.list.status"), cell: ({ row: { original: r } }) => <StatusBadge status={r.status} label={t(`incidents.status.${r.status as "new"}`)} /> },
      { id: "createdAt", header: t("incidents.list.createdAt"), cell: ({ row: { original: r } }) => <span className="whitespace-nowrap tabular-nums">{new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short" }).format(new Date(r.createdAt))}</span> },
    ],
    [t, locale],
  );
  return (
    <div className="space-y-4">
      <SelectField
        className="max-w-xs"
        label={t("incidents.list.status")}
        value={status}
        onChange={(e) => (setStatus(e.target.value), setPage(1))}
        options={[{ value: "", label: t("incidents.list.anyStatus") }, { value: "active", label: t("incidents.list.activeStatuses") }, ...STATUSES.map((s) => ({ value: s, label: t(`incidents.status.${s}`) }))]}
        data-testid="portal-incidents-status"
      />
      {query.error ? <Alert kind="error">{query.error.message}</Alert> : null}
      <DataTable caption={t("incidents.portalTitle")} columns={columns} rows={query.data?.rows ?? []} total={query.data?.total ?? 0} page={page} pageSize={PAGE_SIZE} onPageChange={setPage} loading={query.isFetching} emptyText={t("incidents.list.mineEmpty")} />
    </div>
  );
}

/** The portal's new-incident form. */
export function PortalNewIncident() {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const [v, setV] = useState({ subject: "", description: "", category: "general" });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const create = useMutation(trpc.incidents.myCreate.mutationOptions());
  function submit(e: React.FormEvent) {
    e.preventDefault();
    setErrors({});
    setMessage(null);
    create.mutate(
      { subject: v.subject, description: v.description, category: v.category as (typeof CATEGORIES)[number] },
      {
        onSuccess: (r) => router.push(`/portal/incidents/${r.id}?created=1`),
        onError: (error) => (setErrors(fieldErrorsOf(error)), setMessage(error.message)),
      },
    );
  }
  return (
    <form onSubmit={submit} noValidate className="max-w-2xl space-y-4" data-testid="portal-incident-form">
      <TextField label={t("incidents.form.subject")} value={v.subject} maxLength={200} onChange={(e) => setV({ ...v, subject: e.target.value })} errors={errors.subject} data-testid="incident-subject" />
      <FaqSuggestions subject={v.subject} articleHref={(slug) => `/faq/${slug}`} />
      <SelectField label={t("incidents.form.category")} value={v.category} onChange={(e) => setV({ ...v, category: e.target.value })} options={CATEGORIES.map((c) => ({ value: c, label: t(`incidents.category.${c}`) }))} errors={errors.category} data-testid="incident-category" />
      <TextAreaField label={t("incidents.form.description")} rows={6} maxLength={20000} value={v.description} onChange={(e) => setV({ ...v, description: e.target.value })} errors={errors.description} data-testid="incident-description" />
      {message ? <Alert kind="error">{message}</Alert> : null}
      <div className="flex justify-end">
        <Button type="submit" disabled={create.isPending} data-testid="incident-submit">
          {create.isPending ? t("incidents.form.submitting") : t("incidents.form.submit")}
        </Button>
      </div>
    </form>
  );
}

/** The requester's answer from the portal. */
export function PortalReply({ id }: { id: number }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const [body, setBody] = useState("");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const reply = useMutation(trpc.incidents.myReply.mutationOptions());
  return (
    <div className="space-y-3" data-testid="portal-reply">
      <TextAreaField label={t("incidents.form.portalReply")} rows={4} maxLength={20000} value={body} onChange={(e) => setBody(e.target.value)} errors={errors.body} data-testid="portal-reply-body" />
      {message ? <Alert kind={message.kind}>{message.text}</Alert> : null}
      <div className="flex justify-end">
        <Button
          disabled={reply.isPending}
          onClick={() => {
            setErrors({});
            setMessage(null);
            reply.mutate(
              { id, body },
              {
                onSuccess: () => (setBody(""), setMessage({ kind: "success", text: t("incidents.form.portalSent") }), router.refresh()),
                onError: (error) => (setErrors(fieldErrorsOf(error)), setMessage({ kind: "error", text: error.message })),
              },
            );
          }}
          data-testid="portal-reply-send"
        >
          {t("incidents.form.portalSend")}
        </Button>
      </div>
    </div>
  );
}
